"""Computes the golden CLIP preprocessing outputs with HuggingFace transformers' CLIPImageProcessor (PIL bicubic).

Run where transformers and Pillow are installed (no model download is needed: the processor is configured here):
    python3 make_golden.py OUTDIR
Writes <image>.<size>.f32: float32 little-endian, channels-first [3, size, size].
"""
import sys
import numpy as np
from PIL import Image
from transformers import CLIPImageProcessor

out = sys.argv[1]
for size in (224, 64):
    proc = CLIPImageProcessor(
        do_resize=True, size={"shortest_edge": size}, resample=3, do_center_crop=True,
        crop_size={"height": size, "width": size}, do_rescale=True, rescale_factor=1 / 255, do_normalize=True,
        image_mean=[0.48145466, 0.4578275, 0.40821073], image_std=[0.26862954, 0.26130258, 0.27577711],
        do_convert_rgb=True)
    for name in ("down-640x427", "up-150x97", "tall-211x317"):
        image = Image.open(name + ".png")
        pixels = proc(images=image, return_tensors="np")["pixel_values"][0].astype("<f4")
        assert pixels.shape == (3, size, size), pixels.shape
        pixels.tofile(f"{out}/{name}.{size}.f32")
        print(name, size, float(pixels.mean()), float(pixels[0, 0, 0]), float(pixels[2, size - 1, size - 1]))
import transformers, PIL
print("transformers", transformers.__version__, "Pillow", PIL.__version__)
