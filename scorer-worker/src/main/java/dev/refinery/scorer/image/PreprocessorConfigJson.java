package dev.refinery.scorer.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CLIPImageProcessor fields of a {@code preprocessor_config.json} the way transformers'
 * {@code get_size_dict} does: an int {@code size} is a shortest edge, an int {@code crop_size} a square.
 */
final class PreprocessorConfigJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int DEFAULT_SIZE = 224;

    private PreprocessorConfigJson() {}

    static PreprocessorConfig parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a preprocessor config must be a JSON object");
        }
        int shortest = DEFAULT_SIZE;
        int height = 0;
        int width = 0;
        JsonNode size = root.get("size");
        if (size != null && !size.isNull()) {
            if (size.isObject() && size.has("shortest_edge")) {
                shortest = integer(size.get("shortest_edge"), "size.shortest_edge");
            } else if (size.isObject() && size.has("height") && size.has("width")) {
                shortest = 0;
                height = integer(size.get("height"), "size.height");
                width = integer(size.get("width"), "size.width");
            } else if (size.isNumber()) {
                shortest = integer(size, "size");
            } else {
                throw new IllegalArgumentException(
                        "size must be an int, {shortest_edge} or {height, width}, got " + size);
            }
        }
        boolean doResize = bool(root, "do_resize", true);
        boolean doCenterCrop = bool(root, "do_center_crop", true);
        int[] crop = doCenterCrop ? cropSize(root.get("crop_size")) : new int[] {height, width};
        return new PreprocessorConfig(
                doResize,
                shortest,
                height,
                width,
                root.has("resample") ? integer(root.get("resample"), "resample") : PreprocessorConfig.BICUBIC,
                doCenterCrop,
                crop[0],
                crop[1],
                bool(root, "do_rescale", true),
                number(root, "rescale_factor", 1 / 255.0),
                bool(root, "do_normalize", true),
                channels(root.get("image_mean"), "image_mean", PreprocessorConfig.OPENAI_CLIP_MEAN),
                channels(root.get("image_std"), "image_std", PreprocessorConfig.OPENAI_CLIP_STD),
                bool(root, "do_convert_rgb", true));
    }

    private static int[] cropSize(JsonNode crop) {
        if (crop == null || crop.isNull()) {
            return new int[] {DEFAULT_SIZE, DEFAULT_SIZE};
        }
        if (crop.isNumber()) {
            int side = integer(crop, "crop_size");
            return new int[] {side, side};
        }
        if (crop.isObject() && crop.has("height") && crop.has("width")) {
            return new int[] {
                integer(crop.get("height"), "crop_size.height"), integer(crop.get("width"), "crop_size.width")
            };
        }
        throw new IllegalArgumentException("crop_size must be an int or {height, width}, got " + crop);
    }

    private static List<Double> channels(JsonNode node, String name, List<Double> fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isNumber()) {
            return List.of(node.doubleValue(), node.doubleValue(), node.doubleValue());
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(name + " must be a number or an array of 3 numbers, got " + node);
        }
        List<Double> out = new ArrayList<>();
        for (JsonNode v : node) {
            if (!v.isNumber()) {
                throw new IllegalArgumentException(name + " must hold numbers, got " + node);
            }
            out.add(v.doubleValue());
        }
        return out;
    }

    private static boolean bool(JsonNode root, String field, boolean fallback) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false, got " + v);
        }
        return v.booleanValue();
    }

    private static double number(JsonNode root, String field, double fallback) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, got " + v);
        }
        return v.doubleValue();
    }

    private static int integer(JsonNode v, String field) {
        if (v != null && v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToInt()) {
            return v.intValue();
        }
        throw new IllegalArgumentException(field + " must be an integer, got " + v);
    }
}
