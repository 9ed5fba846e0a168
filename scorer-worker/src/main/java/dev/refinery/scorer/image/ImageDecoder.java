package dev.refinery.scorer.image;

import dev.refinery.schemas.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes crawled JPEG (baseline, progressive, CMYK/YCCK, damaged), PNG, GIF and WebP bytes into
 * {@code TYPE_INT_RGB}, converted as PIL's {@code convert("RGB")} (see {@link RgbConverter}). The reader is chosen
 * from the bytes' signature; GIF and WebP give their first frame; JPEGs are turned upright by their EXIF orientation
 * and keep their stored RGB values when an ICC profile is embedded (PIL ignores profiles too). The pixel count is
 * read from the header and checked before anything is decoded. With reduced decoding on, a baseline or progressive
 * JPEG is decoded at 1/2, 1/4 or 1/8 scale in the DCT domain ({@link ScaledJpegDecoder}) when the short side stays at
 * or above the target; other images are point-subsampled by ImageIO by the largest factor that keeps the short side
 * at or above {@link #resizeMargin()} times the target. Every decoder failure, unchecked exceptions and
 * {@link OutOfMemoryError} included, is an {@link UndecodableImageException}. Thread-safe: each call uses its own
 * reader and stream, disposed before it returns.
 */
public final class ImageDecoder {
    /** Default pixel limit: Pillow's {@code Image.MAX_IMAGE_PIXELS}. */
    public static final long DEFAULT_MAX_PIXELS = 89_478_485L;

    private static final Logger log = LoggerFactory.getLogger(ImageDecoder.class);

    /** Default {@link #resizeMargin()}: the decoded short side stays at least twice the model's input. */
    public static final int DEFAULT_RESIZE_MARGIN = 2;

    private final long maxPixels;
    private final boolean subsampling;
    private final int resizeMargin;
    private final boolean dctScaling;

    /**
     * @param maxPixels largest accepted {@code width * height}, read from the header
     * @param subsampling whether to let the reader subsample large images (faster; pixels then differ slightly
     *     from a full decode followed by the resize)
     */
    public ImageDecoder(long maxPixels, boolean subsampling) {
        this(maxPixels, subsampling, DEFAULT_RESIZE_MARGIN);
    }

    /**
     * @param resizeMargin how many times the model's input the subsampled short side must stay: 2 keeps a 2x
     *     antialiased reduction after the decoder's point sampling (less aliasing); 1 decodes as small as the input
     *     allows (fastest)
     */
    public ImageDecoder(long maxPixels, boolean subsampling, int resizeMargin) {
        this(maxPixels, subsampling, resizeMargin, subsampling);
    }

    /**
     * @param dctScaling whether baseline and progressive JPEGs may be decoded at a reduced scale in the DCT domain
     *     (an antialiased reduction down to the target itself); only with {@code subsampling}
     */
    public ImageDecoder(long maxPixels, boolean subsampling, int resizeMargin, boolean dctScaling) {
        if (maxPixels < 1 || resizeMargin < 1) {
            throw new IllegalArgumentException("maxPixels and resizeMargin must be >= 1");
        }
        this.maxPixels = maxPixels;
        this.subsampling = subsampling;
        this.resizeMargin = resizeMargin;
        this.dctScaling = subsampling && dctScaling;
    }

    /** The factor by which the point-subsampled short side stays above the target. */
    public int resizeMargin() {
        return resizeMargin;
    }

    /** {@value #DEFAULT_MAX_PIXELS} pixels at most, subsampling on. */
    public static ImageDecoder withDefaults() {
        return new ImageDecoder(DEFAULT_MAX_PIXELS, true);
    }

    /**
     * Decodes {@code bytes} to an upright {@code TYPE_INT_RGB} image whose short side is at least
     * {@code targetShortSide} whenever the image's own is ({@code targetShortSide <= 0}: never subsample).
     */
    public BufferedImage decode(byte[] bytes, int targetShortSide) throws UndecodableImageException {
        return decodeSized(bytes, targetShortSide).image();
    }

    /** As {@link #decode}, with the upright size of the full image, which subsampling does not change. */
    Decoded decodeSized(byte[] bytes, int targetShortSide) throws UndecodableImageException {
        if (bytes == null || bytes.length == 0) {
            throw new UndecodableImageException(UndecodableImageException.UNDECODABLE, "no image bytes");
        }
        ImageFormat format = ImageSniffer.sniff(bytes);
        ImageReaderSpi spi = ImageReaders.forFormat(format);
        if (spi == null) {
            throw new UndecodableImageException(
                    UndecodableImageException.UNSUPPORTED_FORMAT,
                    format == ImageFormat.UNKNOWN
                            ? "not a JPEG, PNG, GIF or WebP: first bytes " + ImageSniffer.head(bytes)
                            : "no ImageIO reader is installed for " + format);
        }
        if (format == ImageFormat.JPEG && dctScaling && targetShortSide > 0) {
            Decoded scaled = dctScaled(bytes, targetShortSide);
            if (scaled != null) {
                return scaled;
            }
        }
        ImageReader reader = null;
        try (ImageInputStream in = new BytesImageInputStream(bytes)) {
            reader = spi.createReaderInstance();
            reader.addIIOReadWarningListener((r, warning) -> log.debug("{} decoder warning: {}", format, warning));
            reader.setInput(in, true, true);
            return read(reader, format, bytes, targetShortSide);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableImageException(
                    UndecodableImageException.UNDECODABLE, format + " decoding failed: " + e, e);
        } catch (OutOfMemoryError e) {
            throw new UndecodableImageException(
                    UndecodableImageException.UNDECODABLE, format + " decoding ran out of memory", e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    private Decoded read(ImageReader reader, ImageFormat format, byte[] bytes, int target)
            throws IOException, UndecodableImageException {
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w < 1 || h < 1) {
            throw new UndecodableImageException(
                    UndecodableImageException.UNDECODABLE, format + " header gives a size of " + w + "x" + h);
        }
        if ((long) w * h > maxPixels) {
            throw new UndecodableImageException(
                    UndecodableImageException.TOO_MANY_PIXELS,
                    format + " of " + w + "x" + h + " has more than " + maxPixels + " pixels");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int factor = subsampling ? subsamplingFactor(Math.min(w, h), target * resizeMargin) : 1;
        if (factor > 1) {
            param.setSourceSubsampling(factor, factor, offset(factor), offset(factor));
        }
        if (format == ImageFormat.JPEG) {
            ImageReaders.keepStoredRgb(reader, param);
        }
        BufferedImage rgb = RgbConverter.toIntRgb(reader.read(0, param));
        int orientation = format == ImageFormat.JPEG ? ExifOrientation.read(bytes) : 1;
        BufferedImage upright = ExifOrientation.apply(rgb, orientation);
        return orientation >= 5 ? new Decoded(upright, h, w) : new Decoded(upright, w, h);
    }

    /**
     * The JPEG decoded in the DCT domain at the smallest scale that keeps its short side at least {@code target}, or
     * null when no scale below 1 does, when the pixel limit is exceeded, or when the stream is not a JPEG the
     * scaled decoder reads (or is damaged): ImageIO then decodes it, or reports why not. Running out of memory
     * (a progressive JPEG keeps all its coefficients) is an {@link UndecodableImageException}.
     */
    private Decoded dctScaled(byte[] bytes, int target) throws UndecodableImageException {
        try {
            JpegFrame frame = JpegFrame.parse(bytes);
            int samples = ScaledJpegDecoder.samplesPerBlock(frame.width, frame.height, target);
            if (samples == 8 || (long) frame.width * frame.height > maxPixels) {
                return null;
            }
            BufferedImage image = ScaledJpegDecoder.decode(bytes, frame, samples);
            int orientation = ExifOrientation.read(bytes);
            BufferedImage upright = ExifOrientation.apply(image, orientation);
            return orientation >= 5
                    ? new Decoded(upright, frame.height, frame.width)
                    : new Decoded(upright, frame.width, frame.height);
        } catch (JpegStreamException | RuntimeException e) {
            log.debug("JPEG left to ImageIO: {}", e.toString());
            return null;
        } catch (OutOfMemoryError e) {
            throw new UndecodableImageException(
                    UndecodableImageException.UNDECODABLE, "JPEG decoding ran out of memory", e);
        }
    }

    /**
     * The largest factor whose subsampled short side is still {@code >= target}, or 1 unless the short side is at
     * least twice the target. Sampling starts at {@code (factor - 1) / 2} so samples sit near the blocks' centres.
     */
    static int subsamplingFactor(int shortSide, int target) {
        if (target < 1 || shortSide < 2L * target) {
            return 1;
        }
        int factor = 2;
        while (subsampledSide(shortSide, factor + 1) >= target) {
            factor++;
        }
        return factor;
    }

    /** The side ImageIO produces from {@code side} with {@code factor} and this class's sampling offset. */
    static int subsampledSide(int side, int factor) {
        return (side - offset(factor) + factor - 1) / factor;
    }

    private static int offset(int factor) {
        return (factor - 1) / 2;
    }

    /** A decoded image and the upright size of the full image (before any subsampling). */
    record Decoded(BufferedImage image, int sourceWidth, int sourceHeight) {}
}
