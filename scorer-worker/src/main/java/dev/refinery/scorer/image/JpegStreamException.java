package dev.refinery.scorer.image;

/**
 * A JPEG the scaled decoder does not take (lossless, arithmetic-coded, 12-bit, CMYK) or cannot decode (damaged).
 * Not an outcome: the caller hands such bytes to ImageIO, which decodes or reports them. No stack trace: it is
 * control flow on the hot path.
 */
final class JpegStreamException extends Exception {
    private static final long serialVersionUID = 1L;

    JpegStreamException(String message) {
        super(message, null, false, false);
    }
}
