package dev.refinery.scorer.signal;

import dev.refinery.schemas.Signal;
import java.util.List;

/**
 * Caption length statistics.
 *
 * <ul>
 *   <li>{@code caption_words}: the number of whitespace-separated tokens, exactly Python's
 *       {@code len(caption.split())}, so DataComp's basic filter ({@code > 2} words) transfers unchanged. Scripts
 *       written without spaces (Chinese, Japanese, Thai) count a whole sentence as one word: route those on
 *       {@code caption_chars} together with the {@code language} signal rather than on this value.
 *   <li>{@code caption_chars}: the number of Unicode code points (Python's {@code len}); an emoji with a skin-tone
 *       modifier counts as two, a flag as two.
 * </ul>
 */
public final class CaptionStatsSignal implements QualitySignal {
    public static final String WORDS = "caption_words";
    public static final String CHARS = "caption_chars";
    private static final String VERSION = "1";

    @Override
    public String name() {
        return "caption_stats";
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public List<Signal> compute(SignalInput in) {
        String caption = in.caption();
        return List.of(
                new Signal(WORDS, VERSION, (double) CaptionText.split(caption).size(), null),
                new Signal(CHARS, VERSION, (double) CaptionText.length(caption), null));
    }
}
