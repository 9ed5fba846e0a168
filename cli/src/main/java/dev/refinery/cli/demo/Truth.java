package dev.refinery.cli.demo;

/**
 * What the demo generator made each pair to be; it travels in the pair's metadata ({@value #KEY}) so the summary
 * can measure the curated set against it.
 */
enum Truth {
    /** The caption names the image's colour and shape. */
    MATCHED(true),
    /** A file name or "click here" as alt text, with the right description in the page title: fixable. */
    BOILERPLATE(true),
    /** The caption names another colour and/or shape. */
    MISMATCHED(false),
    /** A caption in German, Spanish or French (the embedded model reads English). */
    FOREIGN(false),
    /** Bytes that are not a decodable image. */
    CORRUPT(false),
    /** An exact repeat of an earlier pair. */
    DUPLICATE(false);

    static final String KEY = "demo_truth";

    private final boolean wanted;

    Truth(boolean wanted) {
        this.wanted = wanted;
    }

    /** Whether a good curation keeps this pair. */
    boolean wanted() {
        return wanted;
    }
}
