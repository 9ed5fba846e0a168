package dev.refinery.scorer.demo;

/**
 * One generated demo crawl image: the encoded bytes and what it shows.
 *
 * @param bytes the encoded image
 * @param format {@code "jpeg"} or {@code "png"}
 * @param colour the shape's colour word ({@link DemoColour#word()})
 * @param shape the shape word ({@link DemoShape#word()})
 * @param width width in pixels
 * @param height height in pixels
 */
public record DemoImage(byte[] bytes, String format, String colour, String shape, int width, int height) {

    /** The colour as an enum constant. */
    public DemoColour demoColour() {
        return DemoColour.of(colour);
    }

    /** The shape as an enum constant. */
    public DemoShape demoShape() {
        return DemoShape.of(shape);
    }
}
