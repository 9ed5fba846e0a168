package dev.refinery.scorer.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.NodeList;

/**
 * Baseline JPEGs in the layouts crawlers meet, written by the JDK's encoder with its metadata tree: chroma sampling
 * 4:4:4, 4:2:2, 4:2:0, 4:1:1 ({@code {h, v}} per component), grayscale, and a restart interval; baseline or
 * progressive (the writer's scan script, libjpeg's {@code jpeg_simple_progression}).
 */
final class JpegLayouts {
    private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    private JpegLayouts() {}

    /** {@code sampling[c] = {h, v}} for each colour component (ignored for a gray image); restart 0 = none. */
    static byte[] jpeg(BufferedImage img, int[][] sampling, int restartInterval, float quality) {
        return jpeg(img, sampling, restartInterval, quality, false);
    }

    static byte[] progressive(BufferedImage img, int[][] sampling, int restartInterval, float quality) {
        return jpeg(img, sampling, restartInterval, quality, true);
    }

    private static byte[] jpeg(
            BufferedImage img, int[][] sampling, int restartInterval, float quality, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata md = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), param);
            IIOMetadataNode root = (IIOMetadataNode) md.getAsTree(FORMAT);
            NodeList specs = root.getElementsByTagName("componentSpec");
            for (int c = 0; c < specs.getLength() && img.getType() != BufferedImage.TYPE_BYTE_GRAY; c++) {
                IIOMetadataNode spec = (IIOMetadataNode) specs.item(c);
                spec.setAttribute("HsamplingFactor", Integer.toString(sampling[c][0]));
                spec.setAttribute("VsamplingFactor", Integer.toString(sampling[c][1]));
            }
            if (restartInterval > 0) {
                IIOMetadataNode markers = (IIOMetadataNode)
                        root.getElementsByTagName("markerSequence").item(0);
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(restartInterval));
                markers.insertBefore(dri, markers.getElementsByTagName("sos").item(0));
            }
            md.setFromTree(FORMAT, root);
            writer.write(null, new IIOImage(img, null, md), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
