package dev.refinery.scorer.model;

import static dev.refinery.scorer.model.OnnxGraph.attr;
import static dev.refinery.scorer.model.OnnxGraph.in;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.scorer.inference.GpuMode;
import dev.refinery.scorer.inference.OnnxCausalLm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedCausalLmExportTest {

    @Test
    void shouldRefuseAnExportWithPastKeyValuesAndNameTheExportCommand(@TempDir Path dir) throws Exception {
        TinyCausalLmModel.write(dir);
        Files.write(dir.resolve("model.onnx"), withPast().toByteArray());

        assertThatThrownBy(() -> OnnxCausalLm.load(dir, GpuMode.OFF, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("past_key_values")
                .hasMessageContaining("optimum-cli export onnx --model <model> --task text-generation <folder>");
    }

    /** The I/O of an Optimum text-generation-with-past export (one layer, two heads of four), with trivial logits. */
    private static ai.onnx.proto.OnnxMl.ModelProto withPast() {
        OnnxGraph g = new OnnxGraph("with-past");
        g.input("input_ids", OnnxGraph.INT64, "batch_size", "sequence_length");
        g.input("attention_mask", OnnxGraph.INT64, "batch_size", "sequence_length");
        for (String kind : new String[] {"key", "value"}) {
            g.input("past_key_values.0." + kind, OnnxGraph.FLOAT, "batch_size", 2L, "past_sequence_length", 4L);
            g.named("present.0." + kind, "Identity", in("past_key_values.0." + kind));
            g.output("present.0." + kind, OnnxGraph.FLOAT, "batch_size", 2L, "total_sequence_length", 4L);
        }
        String tokens = g.op("Mul", in("input_ids", "attention_mask"));
        String unsqueezed = g.op("Unsqueeze", in(tokens, g.longs("axes", 2)));
        g.named("logits", "Cast", in(unsqueezed), attr("to", OnnxGraph.FLOAT));
        g.output("logits", OnnxGraph.FLOAT, "batch_size", "sequence_length", 1L);
        return HfExport.model(g.build(), "test: a causal LM export with cache");
    }
}
