package dev.refinery.scorer.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a CLIP model wants its pixels, as HuggingFace's {@code CLIPImageProcessor} reads them from
 * {@code preprocessor_config.json}: convert to RGB, resize, centre-crop, rescale, normalise, channels first.
 *
 * @param doResize whether to resize ({@code do_resize})
 * @param shortestEdge resize so the shorter side has this length, keeping the aspect ratio
 *     ({@code size.shortest_edge} or an int {@code size}); 0 when {@code resizeHeight x resizeWidth} is used
 * @param resizeHeight fixed resize height ({@code size.height}); 0 with {@code shortestEdge}
 * @param resizeWidth fixed resize width ({@code size.width}); 0 with {@code shortestEdge}
 * @param resample PIL filter code ({@code resample}): 1 LANCZOS, 2 BILINEAR, 3 BICUBIC, 4 BOX, 5 HAMMING
 * @param doCenterCrop whether to centre-crop (zero-padding a smaller image) ({@code do_center_crop})
 * @param cropHeight height of the output tensor: {@code crop_size.height}, or the fixed resize height without a crop
 * @param cropWidth width of the output tensor: {@code crop_size.width}, or the fixed resize width without a crop
 * @param doRescale whether to multiply by {@code rescaleFactor} ({@code do_rescale})
 * @param rescaleFactor usually 1/255 ({@code rescale_factor})
 * @param doNormalize whether to apply {@code (x - mean) / std} per channel ({@code do_normalize})
 * @param imageMean three channel means, R G B ({@code image_mean})
 * @param imageStd three channel standard deviations, all positive ({@code image_std})
 * @param doConvertRgb {@code do_convert_rgb}; images are always converted to 3-channel RGB regardless, as the model
 *     needs three channels
 */
public record PreprocessorConfig(
        boolean doResize,
        int shortestEdge,
        int resizeHeight,
        int resizeWidth,
        int resample,
        boolean doCenterCrop,
        int cropHeight,
        int cropWidth,
        boolean doRescale,
        double rescaleFactor,
        boolean doNormalize,
        List<Double> imageMean,
        List<Double> imageStd,
        boolean doConvertRgb) {

    /** OpenAI CLIP's channel means (transformers' {@code OPENAI_CLIP_MEAN}). */
    public static final List<Double> OPENAI_CLIP_MEAN = List.of(0.48145466, 0.4578275, 0.40821073);

    /** OpenAI CLIP's channel standard deviations (transformers' {@code OPENAI_CLIP_STD}). */
    public static final List<Double> OPENAI_CLIP_STD = List.of(0.26862954, 0.26130258, 0.27577711);

    /** PIL's {@code Image.BICUBIC}, CLIP's filter. */
    public static final int BICUBIC = 3;

    /** Largest accepted side of a resize or crop. */
    static final int MAX_SIDE = 4096;

    /** Validates every field; throws {@link IllegalArgumentException} naming the first bad one. */
    public PreprocessorConfig {
        imageMean = List.copyOf(imageMean);
        imageStd = List.copyOf(imageStd);
        ResampleFilter.fromPil(resample);
        if (doResize) {
            boolean shortest = shortestEdge > 0 && resizeHeight == 0 && resizeWidth == 0;
            boolean fixed = shortestEdge == 0 && inRange(resizeHeight) && inRange(resizeWidth);
            if (!shortest && !fixed || shortestEdge > MAX_SIDE) {
                throw new IllegalArgumentException("size: need either shortest_edge or height and width in 1.."
                        + MAX_SIDE + ", got shortest_edge=" + shortestEdge + " height=" + resizeHeight + " width="
                        + resizeWidth);
            }
        }
        if (!doCenterCrop && (!doResize || shortestEdge > 0)) {
            throw new IllegalArgumentException("without do_center_crop the output size varies with each image: "
                    + "a batchable config needs do_center_crop or a fixed size {height, width}");
        }
        if (!doCenterCrop && (cropHeight != resizeHeight || cropWidth != resizeWidth)) {
            throw new IllegalArgumentException("without do_center_crop the output size is the resize size "
                    + resizeHeight + "x" + resizeWidth + ", not " + cropHeight + "x" + cropWidth);
        }
        if (!inRange(cropHeight) || !inRange(cropWidth)) {
            throw new IllegalArgumentException(
                    "crop_size must be 1.." + MAX_SIDE + ", got " + cropHeight + "x" + cropWidth);
        }
        if (!(rescaleFactor > 0) || Double.isInfinite(rescaleFactor)) {
            throw new IllegalArgumentException("rescale_factor must be a positive number, got " + rescaleFactor);
        }
        checkChannels("image_mean", imageMean, false);
        checkChannels("image_std", imageStd, true);
    }

    /** OpenAI CLIP's preprocessing at {@code size} (224 for ViT-B/32): bicubic shortest edge, square centre crop. */
    public static PreprocessorConfig clipDefaults(int size) {
        return new PreprocessorConfig(
                true,
                size,
                0,
                0,
                BICUBIC,
                true,
                size,
                size,
                true,
                1 / 255.0,
                true,
                OPENAI_CLIP_MEAN,
                OPENAI_CLIP_STD,
                true);
    }

    /** Parses a {@code preprocessor_config.json}; missing fields take CLIPImageProcessor's defaults. */
    public static PreprocessorConfig parse(String json) {
        return PreprocessorConfigJson.parse(json);
    }

    /** Reads and parses {@code file}; a bad file is an {@link IllegalArgumentException} naming it. */
    public static PreprocessorConfig read(Path file) throws IOException {
        String json = Files.readString(file);
        try {
            return parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Floats per image in the output tensor: {@code 3 * cropHeight * cropWidth}. */
    public int tensorLength() {
        return 3 * cropHeight * cropWidth;
    }

    private static boolean inRange(int side) {
        return side >= 1 && side <= MAX_SIDE;
    }

    private static void checkChannels(String name, List<Double> values, boolean positive) {
        if (values.size() != 3) {
            throw new IllegalArgumentException(name + " must have 3 values (R, G, B), got " + values);
        }
        for (double v : values) {
            if (!Double.isFinite(v) || positive && !(v > 0)) {
                throw new IllegalArgumentException(
                        name + " values must be finite" + (positive ? " and positive" : "") + ", got " + values);
            }
        }
    }
}
