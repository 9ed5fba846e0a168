package dev.refinery.scorer.image;

import dev.refinery.schemas.ImageFormat;
import java.awt.color.ColorSpace;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.spi.ImageReaderSpi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preferred ImageIO reader provider per format, looked up once after {@link ImageIO#scanForPlugins()}: the
 * TwelveMonkeys JPEG reader orders itself before the JDK's (it reads CMYK/YCCK and damaged files) and supplies WebP.
 */
final class ImageReaders {
    private static final Logger log = LoggerFactory.getLogger(ImageReaders.class);
    private static final Map<ImageFormat, ImageReaderSpi> PROVIDERS = lookUp();

    private ImageReaders() {}

    /** The provider for {@code format}, or null when none is installed (or the format is UNKNOWN). */
    static ImageReaderSpi forFormat(ImageFormat format) {
        return PROVIDERS.get(format);
    }

    /**
     * A JPEG with an embedded RGB ICC profile is converted to sRGB by the readers by default; asking for the
     * profile's own colour space instead keeps the stored values, as PIL (and so CLIP's training data) has them.
     */
    static void keepStoredRgb(ImageReader reader, ImageReadParam param) throws IOException {
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
            ImageTypeSpecifier type = types.next();
            ColorSpace cs = type.getColorModel().getColorSpace();
            if (cs.getType() == ColorSpace.TYPE_RGB
                    && cs.getNumComponents() == 3
                    && !cs.isCS_sRGB()
                    && !type.getColorModel().hasAlpha()) {
                param.setDestinationType(type);
                return;
            }
        }
    }

    private static Map<ImageFormat, ImageReaderSpi> lookUp() {
        ImageIO.scanForPlugins();
        Map<ImageFormat, ImageReaderSpi> providers = new EnumMap<>(ImageFormat.class);
        Map<ImageFormat, String> names = Map.of(
                ImageFormat.JPEG, "jpeg", ImageFormat.PNG, "png", ImageFormat.GIF, "gif", ImageFormat.WEBP, "webp");
        names.forEach((format, name) -> {
            Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(name);
            if (it.hasNext()) {
                ImageReader first = it.next();
                providers.put(format, first.getOriginatingProvider());
                log.debug("{} images are read by {}", format, first.getClass().getName());
                first.dispose();
            } else {
                log.warn("No ImageIO reader for {}: such images will be refused as unsupported", name);
            }
        });
        return providers;
    }
}
