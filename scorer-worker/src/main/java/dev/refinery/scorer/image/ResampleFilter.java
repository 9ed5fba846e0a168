package dev.refinery.scorer.image;

/**
 * PIL's convolution filters ({@code libImaging/Resample.c}), each with its support in source pixels at scale 1.
 * Formulas and constants are PIL's, operation for operation, so coefficients come out bit-identical.
 */
enum ResampleFilter {
    BOX(0.5) {
        @Override
        double weight(double x) {
            return x > -0.5 && x <= 0.5 ? 1.0 : 0.0;
        }
    },
    BILINEAR(1.0) {
        @Override
        double weight(double x) {
            double ax = Math.abs(x);
            return ax < 1.0 ? 1.0 - ax : 0.0;
        }
    },
    HAMMING(1.0) {
        @Override
        double weight(double x) {
            double ax = Math.abs(x);
            if (ax == 0.0) {
                return 1.0;
            }
            if (ax >= 1.0) {
                return 0.0;
            }
            double px = ax * Math.PI;
            return StrictMath.sin(px) / px * (0.54f + 0.46f * StrictMath.cos(px));
        }
    },
    BICUBIC(2.0) {
        @Override
        double weight(double x) {
            double a = -0.5;
            double ax = Math.abs(x);
            if (ax < 1.0) {
                return ((a + 2.0) * ax - (a + 3.0)) * ax * ax + 1;
            }
            if (ax < 2.0) {
                return (((ax - 5) * ax + 8) * ax - 4) * a;
            }
            return 0.0;
        }
    },
    LANCZOS(3.0) {
        @Override
        double weight(double x) {
            return -3.0 <= x && x < 3.0 ? sinc(x) * sinc(x / 3) : 0.0;
        }
    };

    private final double support;

    ResampleFilter(double support) {
        this.support = support;
    }

    /** The filter's value at {@code x} source pixels (at scale 1) from the sample's centre. */
    abstract double weight(double x);

    double support() {
        return support;
    }

    /** The filter for a PIL {@code Image.Resampling} code; NEAREST (0) is not a convolution and is refused. */
    static ResampleFilter fromPil(int code) {
        return switch (code) {
            case 1 -> LANCZOS;
            case 2 -> BILINEAR;
            case 3 -> BICUBIC;
            case 4 -> BOX;
            case 5 -> HAMMING;
            default ->
                throw new IllegalArgumentException("resample must be a PIL filter code 1..5 (1 LANCZOS, "
                        + "2 BILINEAR, 3 BICUBIC, 4 BOX, 5 HAMMING), got " + code);
        };
    }

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = x * Math.PI;
        return StrictMath.sin(px) / px;
    }
}
