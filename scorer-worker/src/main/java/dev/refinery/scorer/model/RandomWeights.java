package dev.refinery.scorer.model;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The weights of a randomly initialised model, declared while its graph is built and generated only when the model is
 * written, one tensor at a time: "normal" weights are uniform with CLIP's initialiser standard deviation (0.02),
 * layer-norm scales are ones and biases zeros. Tensor {@code i} of seed {@code s} is always the same bytes.
 */
final class RandomWeights {
    private static final float STD = 0.02f;

    /** How a weight is filled. */
    enum Fill {
        RANDOM,
        ONES,
        ZEROS
    }

    /** One declared weight: its initializer name, shape and fill. */
    record Spec(String name, long[] dims, Fill fill) {
        long elements() {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }
    }

    private final List<Spec> specs = new ArrayList<>();

    String random(String name, long... dims) {
        return add(new Spec(name, dims, Fill.RANDOM));
    }

    String ones(String name, long... dims) {
        return add(new Spec(name, dims, Fill.ONES));
    }

    String zeros(String name, long... dims) {
        return add(new Spec(name, dims, Fill.ZEROS));
    }

    private String add(Spec spec) {
        specs.add(spec);
        return spec.name();
    }

    List<Spec> specs() {
        return List.copyOf(specs);
    }

    long parameters() {
        return specs.stream().mapToLong(Spec::elements).sum();
    }

    /** The float32 tensor of weight {@code index}, its values drawn from a generator seeded by seed and index. */
    TensorProto tensor(int index, long seed) {
        Spec spec = specs.get(index);
        int n = Math.toIntExact(spec.elements());
        ByteBuffer bytes = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        if (spec.fill() == Fill.RANDOM) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
            float half = (float) (STD * Math.sqrt(3));
            for (int i = 0; i < n; i++) {
                bytes.putFloat((2 * random.nextFloat() - 1) * half);
            }
        } else if (spec.fill() == Fill.ONES) {
            for (int i = 0; i < n; i++) {
                bytes.putFloat(1f);
            }
        }
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(spec.name())
                .setDataType(OnnxGraph.FLOAT)
                .setRawData(UnsafeByteOperations.unsafeWrap(bytes.array()));
        for (long d : spec.dims()) {
            tensor.addDims(d);
        }
        return tensor.build();
    }
}
