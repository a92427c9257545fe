package org.credence.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/**
 * Checks an uploaded raster image (logo, signature, badge) and re-encodes it as a clean PNG.
 *
 * <p>In order: the declared type must be PNG or JPEG (415); the body at most 1 MB (413); the bytes
 * must start like the declared type (422); the dimensions, read from the header <em>before</em> any
 * pixel is decoded, at most 4000×4000 (422) — a 20 kB PNG can declare 100 000 × 100 000 pixels and
 * exhaust memory when decoded; only then are the pixels decoded (422 when they cannot be) and written
 * afresh as PNG, which drops every metadata chunk (EXIF, text, colour profiles, trailing data).
 */
public final class UploadedImages {
    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_SIDE = 4000;
    private static final Set<String> RASTER_TYPES = Set.of("image/png", "image/jpeg");

    static {
        // no temporary files for image streams: uploads stay in memory, within the limits above
        ImageIO.setUseCache(false);
    }

    private UploadedImages() {}

    /** A checked image, re-encoded as PNG. */
    public record CleanPng(byte[] bytes, int width, int height) {}

    /** The media type without parameters, lower case; empty when none was sent. */
    public static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Refuses bodies over 1 MB with 413, before anything looks inside them. */
    public static void requireWithinLimit(long length) {
        if (length > MAX_BYTES) {
            throw new DomainException.TooLarge(ErrorText.of("image.too_large", "kb", (length + 1023) / 1024));
        }
    }

    /** Checks a PNG or JPEG upload and returns it re-encoded as PNG. */
    public static CleanPng raster(String contentType, byte[] body) {
        String type = mediaType(contentType);
        if (!RASTER_TYPES.contains(type)) {
            throw new DomainException.UnsupportedType(ErrorText.of("image.type_unsupported", "type", type));
        }
        requireWithinLimit(body.length);
        String format = type.equals("image/png") ? "PNG" : "JPEG";
        if (!startsLike(format, body)) {
            throw new DomainException.InvalidInput("image", ErrorText.of("image.not_decodable", "format", format));
        }
        BufferedImage pixels = decodeWithinLimits(format, body);
        return new CleanPng(Png.encode(pixels), pixels.getWidth(), pixels.getHeight());
    }

    private static BufferedImage decodeWithinLimits(String format, byte[] body) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(body))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // ignore metadata: it is dropped anyway
                int width = reader.getWidth(0); // header only
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    throw new DomainException.InvalidInput("image", ErrorText.of("image.too_many_pixels", "width", width, "height", height, "max", MAX_SIDE));
                }
                BufferedImage decoded = reader.read(0);
                return normalised(decoded);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException problem) {
                throw problem;
            }
            // ImageIO reports truncated or corrupt data as IIOException, and some corruptions as runtime exceptions
            throw new DomainException.InvalidInput("image", ErrorText.of("image.damaged", "format", format));
        }
    }

    /** Indexed, grey or CMYK-ish layouts become plain ARGB, so the PNG written is the same for equal pixels. */
    private static BufferedImage normalised(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        BufferedImage argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        var g = argb.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return argb;
    }

    private static boolean startsLike(String format, byte[] body) {
        if (format.equals("PNG")) {
            byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
            return body.length > signature.length && java.util.Arrays.equals(body, 0, signature.length, signature, 0, signature.length);
        }
        return body.length > 3 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xd8 && (body[2] & 0xff) == 0xff;
    }

    /** Decodes a PNG this class wrote earlier (stored logos and badges). */
    public static BufferedImage decodeStored(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalStateException("a stored image is not a PNG");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
