package dev.refinery.scorer.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Objects;

/**
 * Image bytes to the {@code pixel_values} a CLIP model expects, computed as transformers' (PIL-based)
 * {@code CLIPImageProcessor} does: RGB; resize with PIL's filter so the short side is {@code shortest_edge} and the
 * long side {@code int(shortest_edge * long / short)} (or to a fixed size); centre crop at
 * {@code ((h - crop_h) // 2, (w - crop_w) // 2)}, zero-padded when the image is smaller; {@code float32(v * rescale)};
 * {@code (x - mean) / std} in float32; channels first. Thread-safe; decoding and resizing run on the caller's thread.
 */
public final class ClipPreprocessor {
    private final PreprocessorConfig config;
    private final ImageDecoder decoder;
    private final ResampleFilter filter;
    private final float[][] lut = new float[3][256];

    /** Uses {@link ImageDecoder#withDefaults()}: Pillow's pixel limit, subsampling of large images. */
    public ClipPreprocessor(PreprocessorConfig config) {
        this(config, ImageDecoder.withDefaults());
    }

    /** With {@code new ImageDecoder(max, false)} the output equals transformers' for the same decoded pixels. */
    public ClipPreprocessor(PreprocessorConfig config, ImageDecoder decoder) {
        this.config = Objects.requireNonNull(config, "config");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.filter = ResampleFilter.fromPil(config.resample());
        for (int c = 0; c < 3; c++) {
            float mean = config.imageMean().get(c).floatValue();
            float std = config.imageStd().get(c).floatValue();
            for (int v = 0; v < 256; v++) {
                float x = config.doRescale() ? (float) (v * config.rescaleFactor()) : (float) v;
                lut[c][v] = config.doNormalize() ? (x - mean) / std : x;
            }
        }
    }

    public PreprocessorConfig config() {
        return config;
    }

    /** Floats per image: {@code 3 * cropHeight * cropWidth}. */
    public int tensorLength() {
        return config.tensorLength();
    }

    /** The CHW tensor of one image. */
    public float[] preprocess(byte[] imageBytes) throws UndecodableImageException {
        float[] out = new float[tensorLength()];
        preprocessInto(imageBytes, out, 0);
        return out;
    }

    /** Writes the CHW tensor of one image to {@code dst[offset, offset + tensorLength())}, e.g. a batch slot. */
    public void preprocessInto(byte[] imageBytes, float[] dst, int offset) throws UndecodableImageException {
        Objects.checkFromIndexSize(offset, tensorLength(), dst.length);
        ImageDecoder.Decoded decoded = decoder.decodeSized(imageBytes, decodeTarget());
        write(decoded.image(), decoded.sourceWidth(), decoded.sourceHeight(), dst, offset);
    }

    /** As {@link #preprocessInto(byte[], float[], int)} for an image already in memory (no EXIF orientation). */
    public void preprocessInto(BufferedImage image, float[] dst, int offset) {
        Objects.checkFromIndexSize(offset, tensorLength(), dst.length);
        BufferedImage rgb = RgbConverter.toIntRgb(image);
        write(rgb, rgb.getWidth(), rgb.getHeight(), dst, offset);
    }

    /**
     * The short side the resize needs, which the decoder may reduce the image to (the decoder keeps its resize margin
     * above it when it point-subsamples); none without a resize.
     */
    private int decodeTarget() {
        if (!config.doResize()) {
            return 0;
        }
        return config.shortestEdge() > 0
                ? config.shortestEdge()
                : Math.max(config.resizeHeight(), config.resizeWidth());
    }

    /** {@code img} is {@code TYPE_INT_RGB}, possibly subsampled from a {@code fullW x fullH} original. */
    private void write(BufferedImage img, int fullW, int fullH, float[] dst, int offset) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int rw = w;
        int rh = h;
        if (config.doResize() && config.shortestEdge() > 0) {
            int shortSide = Math.min(fullW, fullH);
            int longSide = (int) ((double) ((long) config.shortestEdge() * Math.max(fullW, fullH)) / shortSide);
            rw = fullW <= fullH ? config.shortestEdge() : longSide;
            rh = fullW <= fullH ? longSide : config.shortestEdge();
        } else if (config.doResize()) {
            rw = config.resizeWidth();
            rh = config.resizeHeight();
        }
        int cropH = config.cropHeight();
        int cropW = config.cropWidth();
        int top = Math.floorDiv(rh - cropH, 2);
        int left = Math.floorDiv(rw - cropW, 2);
        int y0 = Math.max(0, top);
        int x0 = Math.max(0, left);
        int winH = Math.min(rh, top + cropH) - y0;
        int winW = Math.min(rw, left + cropW) - x0;
        int[] win = PilResampler.resizeWindow(px, w, h, rw, rh, filter, x0, y0, winW, winH);
        int winPlane = winW * winH;
        int plane = cropH * cropW;
        for (int c = 0; c < 3; c++) {
            float[] values = lut[c];
            for (int y = 0; y < cropH; y++) {
                int wy = top + y - y0;
                int at = offset + c * plane + y * cropW;
                for (int x = 0; x < cropW; x++) {
                    int wx = left + x - x0;
                    boolean inside = wy >= 0 && wy < winH && wx >= 0 && wx < winW;
                    dst[at + x] = values[inside ? win[c * winPlane + wy * winW + wx] : 0];
                }
            }
        }
    }
}
