package dev.refinery.scorer.model;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared pieces of a HuggingFace Optimum-style CLIP export: the ONNX model header, JSON files, CLIP preprocessing. */
final class HfExport {
    static final int OPSET = 17;
    static final long IR_VERSION = 8;
    static final double[] CLIP_MEAN = {0.48145466, 0.4578275, 0.40821073};
    static final double[] CLIP_STD = {0.26862954, 0.26130258, 0.27577711};

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER =
            new ObjectMapper().writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private HfExport() {}

    /** A model of {@code graph} (opset 17, IR version 8) with Refinery as producer. */
    static ModelProto model(GraphProto graph, String doc) {
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("refinery")
                .setProducerVersion(TinyClipModel.VERSION)
                .setDomain("dev.refinery")
                .setModelVersion(1)
                .setDocString(doc)
                .setGraph(graph)
                .build();
    }

    /**
     * Writes {@code model}, then each random weight as a further {@code graph} field holding one initializer:
     * protobuf merges repeated occurrences of a message field, so readers see one graph with all initializers, and no
     * more than one weight tensor is in memory at a time.
     */
    static void writeStreamed(Path file, ModelProto model, RandomWeights weights, long seed) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            model.writeTo(out);
            for (int i = 0; i < weights.specs().size(); i++) {
                GraphProto part = GraphProto.newBuilder()
                        .addInitializer(weights.tensor(i, seed))
                        .build();
                ModelProto.newBuilder().setGraph(part).build().writeTo(out);
            }
        }
    }

    /** {@code CLIPImageProcessor} settings: bicubic shortest edge and centre crop of {@code side}, CLIP mean/std. */
    static ObjectNode preprocessorConfig(int side) {
        ObjectNode p = JSON.objectNode().put("do_resize", true);
        p.putObject("size").put("shortest_edge", side);
        p.put("resample", 3).put("do_center_crop", true);
        p.putObject("crop_size").put("height", side).put("width", side);
        p.put("do_rescale", true).put("rescale_factor", 1 / 255.0).put("do_normalize", true);
        ArrayNode mean = p.putArray("image_mean");
        ArrayNode std = p.putArray("image_std");
        for (int c = 0; c < 3; c++) {
            mean.add(CLIP_MEAN[c]);
            std.add(CLIP_STD[c]);
        }
        return p.put("do_convert_rgb", true).put("image_processor_type", "CLIPImageProcessor");
    }

    static ObjectNode specialTokens(ObjectNode node, String bos, String eos, String unk, String pad) {
        return node.put("bos_token", bos)
                .put("eos_token", eos)
                .put("unk_token", unk)
                .put("pad_token", pad);
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }

    /** Writes {@code json} pretty-printed with {@code \n} line ends (the same bytes on every platform). */
    static void writeJson(Path file, ObjectNode json) throws IOException {
        try {
            Files.write(file, (WRITER.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IOException("cannot serialise " + file.getFileName(), e);
        }
    }
}
