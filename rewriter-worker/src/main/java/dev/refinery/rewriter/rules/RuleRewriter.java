package dev.refinery.rewriter.rules;

import dev.refinery.rewriter.strategy.RewriteRequest;
import dev.refinery.rewriter.strategy.RewriteResult;
import dev.refinery.rewriter.strategy.RewriteStrategy;

/**
 * The {@code rules} strategy: a deterministic, minimal clean-up of crawled alt text, without a model. Stateless and
 * thread-safe; it never throws.
 *
 * <p><b>Cleaning</b> ({@link CaptionCleaner}), in order: decode HTML entities and strip tags; normalise whitespace;
 * remove URLs and e-mail addresses; remove file and camera names and dangling extensions, and turn file-name slugs
 * into words; remove boilerplate (credits and copyright notices, stock-agency runs, "click to enlarge", an "image of"
 * prefix, a caption that is page furniture as a whole); collapse repeated words, phrases, list items and punctuation;
 * tidy spacing; put ALL-CAPS in sentence case and upper-case the first letter when anything changed.
 *
 * <p><b>Merge</b> ({@link ContextMerge}), a CapFusion-like fill-in from the pair's metadata. When the cleaned caption
 * is empty, the cleaned {@code alt} metadata value stands in for it. When the result has fewer than three words
 * (characters of unspaced scripts count one word per two):
 *
 * <ol>
 *   <li>The page title ({@code title}, else {@code page_title}) is cleaned and split at site separators (" | ",
 *       " - ", " – ", " — ", " · ", " » ", " :: "); its core is the segment with the most words, the first on a tie,
 *       so site names and categories drop out ("Golden retriever puppy playing in snow | Pet Blog"). The surrounding
 *       text ({@code context}, else {@code surrounding_text}) gives its first five cleaned sentences. A candidate must
 *       have 3 to 30 words.
 *   <li>Empty caption: the title core, else the first context sentence, else nothing ({@code rewrite.empty}).
 *   <li>Short caption: among the core's parts split at ": ", the core itself and the context sentences, the one with
 *       the fewest words (the first on a tie) that contains every word of the caption ("red dress" with "Summer
 *       Collection 2023: Red floral midi dress" gives "Red floral midi dress"). Without one the caption stays as it
 *       is: a title that does not mention the caption's words may be about something else, so nothing is appended.
 * </ol>
 *
 * <p>The merged caption is re-scored like any rewrite, so a title that does not fit the image loses to the original.
 *
 * <p><b>Result</b>: {@link RewriteResult.Rewritten} with model null and {@link #RULES_VERSION} as prompt version, cut
 * at a word boundary to {@value #MAX_CAPTION_CHARS} chars; {@link RewriteResult.Failed} with reason {@value #EMPTY}
 * when nothing is left, or {@value #UNCHANGED} when the result equals the original caption.
 */
public final class RuleRewriter implements RewriteStrategy {
    public static final String NAME = "rules";
    /** Recorded as the prompt version of every rules revision; bump it whenever a rule changes its output. */
    public static final String RULES_VERSION = "rules/1";

    public static final int MAX_CAPTION_CHARS = 1_000;
    public static final String UNCHANGED = "rewrite.unchanged";
    public static final String EMPTY = "rewrite.empty";
    /** A bug in a rule; reported per pair so that one odd caption cannot stop a batch. */
    public static final String RULES_ERROR = "rewrite.rules_error";

    private static final int CUT_SLACK = 200;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RewriteResult rewrite(RewriteRequest request) {
        try {
            String original = request.caption() == null ? "" : request.caption();
            String caption = CaptionCleaner.clean(original);
            if (caption.isEmpty()) {
                caption = CaptionCleaner.clean(request.metadata().get("alt"));
            }
            if (Text.units(caption) < ContextMerge.MIN_UNITS) {
                caption = ContextMerge.merge(caption, request.metadata());
            }
            caption = limit(caption);
            if (caption.isEmpty()) {
                return new RewriteResult.Failed(EMPTY, "nothing descriptive left after the rules or in the metadata");
            }
            if (caption.equals(original)) {
                return new RewriteResult.Failed(UNCHANGED, "no rule applies to this caption");
            }
            return new RewriteResult.Rewritten(caption, null, RULES_VERSION, null);
        } catch (RuntimeException | StackOverflowError e) {
            // A regex on pathological input may recurse deeply; that is a per-pair failure, not a worker crash.
            return new RewriteResult.Failed(RULES_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** At most {@link #MAX_CAPTION_CHARS} chars, cut at the last space when there is one near the limit. */
    static String limit(String caption) {
        if (caption.length() <= MAX_CAPTION_CHARS) {
            return caption;
        }
        String cut = Text.cut(caption, MAX_CAPTION_CHARS);
        int space = cut.lastIndexOf(' ');
        return Spacing.tidy(space >= MAX_CAPTION_CHARS - CUT_SLACK ? cut.substring(0, space) : cut);
    }
}
