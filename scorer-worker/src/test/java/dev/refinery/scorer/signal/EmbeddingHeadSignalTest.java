package dev.refinery.scorer.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import dev.refinery.schemas.ImageFormat;
import dev.refinery.schemas.Signal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingHeadSignalTest {
    private static final float[] WEIGHTS = {0.5f, -1.0f, 2.0f, 0.25f};
    private static final float BIAS = 0.1f;

    @Test
    void shouldScoreTheImageEmbeddingWithAnOnnxHead(@TempDir Path dir) throws Exception {
        Path onnx = dir.resolve("aesthetic.onnx");
        Files.write(onnx, linearHead(WEIGHTS, BIAS).toByteArray());
        float[] embedding = {0.1f, 0.2f, 0.3f, 0.4f};

        try (EmbeddingHeadSignal head = EmbeddingHeadSignal.load("aesthetic", onnx)) {
            List<Signal> out = head.compute(input(embedding));
            List<Signal> none = head.compute(input(null));

            double expected = 0.5 * 0.1 - 1.0 * 0.2 + 2.0 * 0.3 + 0.25 * 0.4 + BIAS;
            assertThat(out).singleElement().satisfies(s -> {
                assertThat(s.getName()).isEqualTo("aesthetic");
                assertThat(s.getVersion()).startsWith("onnx:").hasSize(17);
                assertThat(s.getValue()).isCloseTo(expected, Offset.offset(1e-5));
            });
            assertThat(none).as("no embedding, no signal").isEmpty();
        }
    }

    @Test
    void shouldParseTheHeadListAndRefuseMalformedEntries(@TempDir Path dir) throws Exception {
        Path onnx = dir.resolve("nsfw.onnx");
        Files.write(onnx, linearHead(WEIGHTS, 0).toByteArray());

        List<EmbeddingHeadSignal> heads = EmbeddingHeadSignal.loadAll("nsfw=" + onnx + ", ");
        try {
            assertThat(heads).extracting(EmbeddingHeadSignal::name).containsExactly("nsfw");
            assertThat(EmbeddingHeadSignal.loadAll("")).isEmpty();
        } finally {
            heads.forEach(EmbeddingHeadSignal::close);
        }
        assertThatThrownBy(() -> EmbeddingHeadSignal.loadAll("just-a-path.onnx"))
                .hasMessageContaining("name=path");
    }

    private static SignalInput input(float[] embedding) {
        return new SignalInput("a red circle", 320, 240, 40_000, ImageFormat.JPEG, 0.8, embedding);
    }

    /** {@code score = embedding · weights + bias}: a MatMul and an Add, as an exported linear head would be. */
    static OnnxMl.ModelProto linearHead(float[] weights, float bias) {
        int dim = weights.length;
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder()
                .setName("linear-head")
                .addInitializer(tensor("W", weights, dim, 1))
                .addInitializer(tensor("B", new float[] {bias}, 1))
                .addNode(OnnxMl.NodeProto.newBuilder()
                        .setOpType("MatMul")
                        .addInput("embedding")
                        .addInput("W")
                        .addOutput("wx"))
                .addNode(OnnxMl.NodeProto.newBuilder()
                        .setOpType("Add")
                        .addInput("wx")
                        .addInput("B")
                        .addOutput("score"))
                .addInput(value("embedding", "batch", dim))
                .addOutput(value("score", "batch", 1))
                .build();
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .addOpsetImport(
                        OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setProducerName("refinery-test")
                .setGraph(graph)
                .build();
    }

    private static OnnxMl.TensorProto tensor(String name, float[] values, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buf.putFloat(v);
        }
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder()
                .setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
                .setRawData(com.google.protobuf.ByteString.copyFrom(buf.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static OnnxMl.ValueInfoProto value(String name, String batch, int dim) {
        OnnxMl.TensorShapeProto shape = OnnxMl.TensorShapeProto.newBuilder()
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam(batch))
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(dim))
                .build();
        return OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.TypeProto.newBuilder()
                        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                                .setElemType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
                                .setShape(shape)))
                .build();
    }
}
