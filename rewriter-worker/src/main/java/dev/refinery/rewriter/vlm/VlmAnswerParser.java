package dev.refinery.rewriter.vlm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refinery.rewriter.strategy.RewriteResult;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's answer tolerantly and turns it into a {@link RewriteResult}. Accepted: a JSON object bare, in a
 * {@code ```json} fence or between prose (single quotes allowed); keys {@code overall_score}, {@code score},
 * {@code Overall Score} and {@code recaption}, {@code caption}, {@code Recaption} in any case and spacing; a score
 * as a number or a string that starts with one ({@code "7"}, {@code "7/10"}, AITQE's {@code "2<Overall>"}); and, when
 * the answer has no braces at all, {@code Overall Score: 7} and {@code Recaption: ...} lines.
 */
public final class VlmAnswerParser {
    /** Longer recaptions are treated as malformed: a caption is a sentence or two, not an essay. */
    public static final int MAX_RECAPTION_CHARS = 1_000;

    private static final Set<String> SCORE_KEYS = Set.of("overallscore", "score");
    private static final Set<String> RECAPTION_KEYS = Set.of("recaption", "caption");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d{1,3}(?:\\.\\d+)?)");
    private static final Pattern SCORE_LINE =
            Pattern.compile("(?im)^\\W*(?:overall[ _]?score|score)\\W*?[:=]\\s*\\W*?(\\d{1,3}(?:\\.\\d+)?)");
    private static final Pattern RECAPTION_LINE = Pattern.compile("(?im)^\\W*recaption\\W*?[:=]\\s*(.*)$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String model;
    private final String promptVersion;
    private final double scoreThreshold;

    public VlmAnswerParser(String model, String promptVersion, double scoreThreshold) {
        this.model = model;
        this.promptVersion = promptVersion;
        this.scoreThreshold = scoreThreshold;
    }

    /**
     * The policy: a score at or above the threshold keeps the caption ({@code rewrite.unchanged}, whatever the
     * recaption); below it (or without a score) the recaption is used, unless it is empty ({@code rewrite.empty}, or
     * {@code rewrite.unchanged} without a score), too long ({@code rewrite.malformed_answer}) or the same text as the
     * original ({@code rewrite.unchanged}).
     */
    public RewriteResult interpret(String content, String originalCaption) {
        Optional<VlmAnswer> parsed = parse(content);
        if (parsed.isEmpty()) {
            return new RewriteResult.Failed(
                    VlmReasons.MALFORMED_ANSWER, "no readable score or recaption in: " + excerpt(content));
        }
        Double score = parsed.get().overallScore();
        String recaption = parsed.get().recaption();
        if (score != null && score >= scoreThreshold) {
            return new RewriteResult.Failed(
                    VlmReasons.UNCHANGED, "overall score " + score + " >= " + scoreThreshold + ", caption kept");
        }
        if (recaption.isEmpty()) {
            return score == null
                    ? new RewriteResult.Failed(VlmReasons.UNCHANGED, "no score and an empty recaption")
                    : new RewriteResult.Failed(VlmReasons.EMPTY, "overall score " + score + " but no recaption");
        }
        if (recaption.length() > MAX_RECAPTION_CHARS) {
            return new RewriteResult.Failed(
                    VlmReasons.MALFORMED_ANSWER, "recaption of " + recaption.length() + " chars is too long");
        }
        if (normalise(recaption).equals(normalise(originalCaption))) {
            return new RewriteResult.Failed(VlmReasons.UNCHANGED, "recaption equals the original caption");
        }
        return new RewriteResult.Rewritten(recaption, model, promptVersion, score);
    }

    /** The score and recaption in {@code content}; empty when neither can be read or the score is not 0 to 10. */
    public static Optional<VlmAnswer> parse(String content) {
        if (content == null || content.isBlank()) {
            return Optional.empty();
        }
        Optional<ObjectNode> json =
                LenientJson.firstObject(content, o -> field(o, SCORE_KEYS) != null || field(o, RECAPTION_KEYS) != null);
        if (json.isPresent()) {
            JsonNode score = field(json.get(), SCORE_KEYS);
            JsonNode recaption = field(json.get(), RECAPTION_KEYS);
            String scoreText = score == null || score.isNull() ? null : score.asText();
            String recaptionText = recaption == null || recaption.isNull() ? "" : recaption.asText();
            return answer(scoreText, recaptionText);
        }
        if (content.indexOf('{') >= 0) {
            return Optional.empty(); // attempted JSON that does not parse, e.g. cut off at max_tokens
        }
        Matcher score = SCORE_LINE.matcher(content);
        Matcher recaption = RECAPTION_LINE.matcher(content);
        boolean hasScore = score.find();
        boolean hasRecaption = recaption.find();
        if (!hasScore && !hasRecaption) {
            return Optional.empty();
        }
        return answer(hasScore ? score.group(1) : null, hasRecaption ? recaption.group(1) : "");
    }

    private static Optional<VlmAnswer> answer(String scoreText, String recaption) {
        Double score = null;
        if (scoreText != null && !scoreText.isBlank()) {
            Matcher m = LEADING_NUMBER.matcher(scoreText);
            if (!m.find()) {
                return Optional.empty();
            }
            score = Double.valueOf(m.group(1));
            if (score > 10) {
                return Optional.empty();
            }
        }
        return Optional.of(new VlmAnswer(score, clean(recaption)));
    }

    private static JsonNode field(ObjectNode object, Set<String> keys) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (keys.contains(e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""))) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String clean(String recaption) {
        String s = WHITESPACE.matcher(recaption).replaceAll(" ").strip();
        while (s.length() >= 2 && "\"'`".indexOf(s.charAt(0)) >= 0 && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static String normalise(String caption) {
        String s = WHITESPACE
                .matcher(caption.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String excerpt(String text) {
        if (text == null) {
            return "<null>";
        }
        String s = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
