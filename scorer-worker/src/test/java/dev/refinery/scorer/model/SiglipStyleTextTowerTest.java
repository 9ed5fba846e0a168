package dev.refinery.scorer.model;

import static dev.refinery.scorer.model.OnnxGraph.attr;
import static dev.refinery.scorer.model.OnnxGraph.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.refinery.scorer.inference.Embeddings;
import dev.refinery.scorer.inference.GpuMode;
import dev.refinery.scorer.inference.OnnxClipModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiglipStyleTextTowerTest {

    @Test
    void shouldFeedATextTowerWithoutAttentionMaskRowsPaddedToTheMaximumLength(@TempDir Path dir) throws Exception {
        TinyClipModel.write(dir); // tokenizer, configs: max_position_embeddings and model_max_length 32, pad id 0
        Files.delete(dir.resolve("model.onnx"));
        Files.write(dir.resolve("text_model.onnx"), textTower().toByteArray());
        Files.write(dir.resolve("vision_model.onnx"), visionTower().toByteArray());
        int pixels = 3 * TinyClipModel.IMAGE_SIZE * TinyClipModel.IMAGE_SIZE;

        try (OnnxClipModel model = OnnxClipModel.load(dir, GpuMode.OFF, 0, 1)) {
            Embeddings e = model.embed(new float[pixels], 1, List.of("blue", "a red circle"));

            // text_embeds = [row length, sum of ids] before normalising: <bos> blue <eos> = 2 + 34 + 3 over 32 tokens
            assertThat(e.texts()[0][1] / e.texts()[0][0]).isCloseTo(39 / 32f, within(1e-5f));
            assertThat(e.texts()[1][1] / e.texts()[1][0]).isCloseTo((2 + 115 + 4 + 68 + 3) / 32f, within(1e-5f));
        }
    }

    /** input_ids only (no attention_mask) to text_embeds [batch, 2] = [sequence length, sum of ids]. */
    private static ai.onnx.proto.OnnxMl.ModelProto textTower() {
        OnnxGraph g = new OnnxGraph("maskless-text");
        g.input("input_ids", OnnxGraph.INT64, "text_batch_size", "sequence_length");
        String ids = g.op("Cast", in("input_ids"), attr("to", OnnxGraph.FLOAT));
        String ones = g.add(g.mul(ids, g.scalar("zero", 0)), g.scalar("one", 1));
        String length = g.reduceSum(ones, true, 1);
        g.named("text_embeds", "Concat", in(length, g.reduceSum(ids, true, 1)), attr("axis", 1));
        g.output("text_embeds", OnnxGraph.FLOAT, "text_batch_size", 2L);
        return HfExport.model(g.build(), "test: a text tower without attention_mask");
    }

    private static ai.onnx.proto.OnnxMl.ModelProto visionTower() {
        OnnxGraph g = new OnnxGraph("constant-vision");
        long side = TinyClipModel.IMAGE_SIZE;
        g.input("pixel_values", OnnxGraph.FLOAT, "image_batch_size", 3L, side, side);
        String zeros = g.reduceSum(g.mul("pixel_values", g.scalar("zero", 0)), false, 1, 2, 3);
        String ones = g.add(zeros, g.scalar("one", 1));
        String column = g.op("Unsqueeze", in(ones, g.longs("axes", 1)));
        g.named("image_embeds", "Concat", in(column, column), attr("axis", 1));
        g.output("image_embeds", OnnxGraph.FLOAT, "image_batch_size", 2L);
        return HfExport.model(g.build(), "test: a constant vision tower");
    }
}
