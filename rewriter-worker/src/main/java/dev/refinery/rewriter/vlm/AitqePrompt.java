package dev.refinery.rewriter.vlm;

import java.util.List;
import java.util.Locale;

/**
 * The AITQE-style prompt: the model scores how accurately and in how much detail the caption describes the image and,
 * when the score is low, writes a short faithful recaption. The wording starts like AITQE's own training prompt
 * ({@code Evaluate the caption: ...}) so the fine-tuned model sees familiar text, and asks for a small JSON object so
 * that general VLMs (Qwen2-VL, LLaVA, ...) answer in a parseable form. Changing the text means a new
 * {@link #PROMPT_VERSION}, since the version is recorded in every rewrite's provenance.
 */
public final class AitqePrompt {
    /** The version of the current template. */
    public static final String PROMPT_VERSION = "aitqe/1";

    /** Every version this code can produce. */
    public static final List<String> VERSIONS = List.of(PROMPT_VERSION);

    private static final String SYSTEM = "You judge image captions for a vision-language pretraining corpus. You look"
            + " at the image and check whether the caption describes it accurately and in useful detail: the main"
            + " objects, their attributes, the scene and any legible text. You never invent details that are not"
            + " visible.";

    private final double scoreThreshold;

    /** The template of {@code version} with the given threshold; throws on an unknown version. */
    public AitqePrompt(String version, double scoreThreshold) {
        if (!supports(version)) {
            throw new IllegalArgumentException("unknown prompt version '" + version + "', known: " + VERSIONS);
        }
        this.scoreThreshold = scoreThreshold;
    }

    /** Whether {@code version} is one of {@link #VERSIONS}. */
    public static boolean supports(String version) {
        return version != null && VERSIONS.contains(version);
    }

    /** The system message. */
    public String system() {
        return SYSTEM;
    }

    /** The text part of the user message, around the original caption; the image goes in its own content part. */
    public String user(String caption) {
        String threshold = scoreThreshold == Math.rint(scoreThreshold)
                ? Long.toString((long) scoreThreshold)
                : String.format(Locale.ROOT, "%.1f", scoreThreshold);
        return "Evaluate the caption of this image for accuracy and detail.\n"
                + "Caption: \"" + caption.strip() + "\"\n"
                + "Give an overall score from 0 (wrong or useless) to 10 (accurate and detailed).\n"
                + "If the score is below " + threshold + ", write a short, faithful description of the image as"
                + " the recaption: one or two sentences, only what is visible, keeping names and facts from the"
                + " caption that the image supports. Otherwise leave the recaption empty.\n"
                + "Answer only with JSON: {\"overall_score\": <0-10>, \"recaption\": \"<text or empty>\"}";
    }
}
