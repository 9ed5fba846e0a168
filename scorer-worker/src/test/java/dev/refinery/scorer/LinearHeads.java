package dev.refinery.scorer;

import ai.onnx.proto.OnnxMl;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds tiny ONNX heads for tests: a linear layer on the image embedding. */
public final class LinearHeads {
    private LinearHeads() {}

    /** {@code score = embedding · weights + bias}: a MatMul and an Add, as an exported linear head would be. */
    public static OnnxMl.ModelProto linearHead(float[] weights, float bias) {
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
