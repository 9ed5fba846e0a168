package dev.refinery.scorer.model;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * A small builder for an ONNX graph: initializers, nodes with generated (or given) output names, and typed graph
 * inputs/outputs whose dimensions are fixed sizes ({@link Long}) or symbolic names ({@link String}).
 */
final class OnnxGraph {
    static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    static final int INT64 = TensorProto.DataType.INT64_VALUE;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int counter;

    OnnxGraph(String name) {
        graph.setName(name);
    }

    /** A float initializer of the given shape (row-major values). */
    String floats(String hint, float[] values, long... dims) {
        return initializer(hint, floatTensor(values, dims));
    }

    /** A float scalar initializer (rank 0). */
    String scalar(String hint, float value) {
        return initializer(hint, floatTensor(new float[] {value}));
    }

    /** An int64 initializer (1-D unless dims say otherwise). */
    String longs(String hint, long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        TensorProto t = TensorProto.newBuilder()
                .setDataType(INT64)
                .addDims(values.length)
                .setRawData(ByteString.copyFrom(b.array()))
                .build();
        return initializer(hint, t);
    }

    /** An int64 scalar initializer (rank 0), e.g. a Gather index that drops the axis. */
    String longsScalar(String hint, long value) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        return initializer(
                hint,
                TensorProto.newBuilder()
                        .setDataType(INT64)
                        .setRawData(ByteString.copyFrom(b.array()))
                        .build());
    }

    private String initializer(String hint, TensorProto tensor) {
        String name = hint + "_" + counter++;
        graph.addInitializer(tensor.toBuilder().setName(name));
        return name;
    }

    static TensorProto floatTensor(float[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(FLOAT).setRawData(ByteString.copyFrom(b.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    /** Adds a node with one output, named after the operator. */
    String op(String opType, String[] inputs, AttributeProto... attributes) {
        return named(opType.toLowerCase(Locale.ROOT) + "_" + counter++, opType, inputs, attributes);
    }

    /** Adds a node with one output of the given name. */
    String named(String output, String opType, String[] inputs, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder()
                .setName("n" + graph.getNodeCount() + "_" + opType)
                .setOpType(opType)
                .addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        for (AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        graph.addNode(node);
        return output;
    }

    String mul(String a, String b) {
        return op("Mul", in(a, b));
    }

    String add(String a, String b) {
        return op("Add", in(a, b));
    }

    String sub(String a, String b) {
        return op("Sub", in(a, b));
    }

    String div(String a, String b) {
        return op("Div", in(a, b));
    }

    /** ReduceSum over {@code axes} (opset 13+: axes as an input). */
    String reduceSum(String x, boolean keepDims, long... axes) {
        return op("ReduceSum", in(x, longs("axes", axes)), attr("keepdims", keepDims ? 1 : 0));
    }

    /** ReduceMax over {@code axes} (opset 17: axes as an attribute). */
    String reduceMax(String x, boolean keepDims, long... axes) {
        return op("ReduceMax", in(x), attr("axes", axes), attr("keepdims", keepDims ? 1 : 0));
    }

    /** {@code x / sqrt(sum(x^2, axis 1) + eps)}: unit rows, and all-zero rows stay zero. */
    String l2Normalize(String x, float eps) {
        String norm = op("Sqrt", in(add(reduceSum(mul(x, x), true, 1), scalar("eps", eps))));
        return div(x, norm);
    }

    static String[] in(String... names) {
        return names;
    }

    static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.FLOAT)
                .setF(value)
                .build();
    }

    static AttributeProto attr(String name, long[] values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto attr(String name, TensorProto value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.TENSOR)
                .setT(value)
                .build();
    }

    /** Declares a graph input; each dim is a {@link Long} size or a {@link String} symbolic name. */
    void input(String name, int elementType, Object... dims) {
        graph.addInput(valueInfo(name, elementType, dims));
    }

    /** Declares a graph output; each dim is a {@link Long} size or a {@link String} symbolic name. */
    void output(String name, int elementType, Object... dims) {
        graph.addOutput(valueInfo(name, elementType, dims));
    }

    private static ValueInfoProto valueInfo(String name, int elementType, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String symbol) {
                dim.setDimParam(symbol);
            } else {
                dim.setDimValue(((Number) d).longValue());
            }
            shape.addDim(dim);
        }
        TypeProto type = TypeProto.newBuilder()
                .setTensorType(
                        TypeProto.Tensor.newBuilder().setElemType(elementType).setShape(shape))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    GraphProto build() {
        return graph.build();
    }
}
