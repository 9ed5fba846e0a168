package dev.refinery.scorer.model;

import static dev.refinery.scorer.model.OnnxGraph.attr;
import static dev.refinery.scorer.model.OnnxGraph.in;

/**
 * The text tower: look each token up in the hand-set word table ({@link TinyClipVocabulary}), zero the padding with
 * the attention mask and sum over the sequence. No positions, no attention: a bag of colour and shape words.
 */
final class TinyClipTextTower {
    private TinyClipTextTower() {}

    static ConceptScores build(OnnxGraph g, String inputIds, String attentionMask, TinyClipVocabulary vocabulary) {
        int colours = TinyClipConcepts.COLOURS.size();
        int features = TinyClipVocabulary.FEATURES;
        String table = g.floats("word_table", vocabulary.table(), vocabulary.size(), features);
        String words = g.op("Gather", in(table, inputIds), attr("axis", 0)); // [texts, seq, features]
        String mask = g.op("Cast", in(attentionMask), attr("to", OnnxGraph.FLOAT));
        String summed = g.reduceSum(g.mul(words, g.op("Unsqueeze", in(mask, g.longs("axes", 2)))), false, 1);
        String colourScores = g.named(
                "text_colour_scores",
                "Slice",
                in(summed, g.longs("starts", 0), g.longs("ends", colours), g.longs("axes", 1)));
        String shapeScores = g.named(
                "text_shape_scores",
                "Slice",
                in(summed, g.longs("starts", colours), g.longs("ends", features), g.longs("axes", 1)));
        return new ConceptScores(colourScores, shapeScores);
    }
}
