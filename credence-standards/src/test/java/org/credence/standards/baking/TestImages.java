package org.credence.standards.baking;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Builds and inspects badge images independently of the code under test. */
final class TestImages {

    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
            + "<circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#123\"/></svg>";

    private static final int END_OF_IHDR = 8 + 12 + 13;

    private TestImages() {
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decoded(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An uncompressed iTXt chunk's data, laid out by hand from the PNG specification. */
    static byte[] itxtData(String keyword, String text) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(new byte[] {0, 0, 0});
        data.writeBytes("en".getBytes(StandardCharsets.US_ASCII));
        data.write(0);
        data.writeBytes("openbadges".getBytes(StandardCharsets.UTF_8));
        data.write(0);
        data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return data.toByteArray();
    }

    static byte[] withChunkAfterHeader(byte[] png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length)
                .putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, END_OF_IHDR);
        out.writeBytes(chunk.array());
        out.write(png, END_OF_IHDR, png.length - END_OF_IHDR);
        return out.toByteArray();
    }

    /** Chunk types in order, with iTXt chunks shown as "iTXt:keyword". */
    static List<String> chunkNames(byte[] png) {
        List<String> names = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(png, 8, png.length - 8);
        while (buffer.remaining() >= 12) {
            int length = buffer.getInt();
            byte[] type = new byte[4];
            buffer.get(type);
            byte[] data = new byte[length];
            buffer.get(data);
            buffer.getInt();
            String name = new String(type, StandardCharsets.US_ASCII);
            names.add(name.equals("iTXt") ? name + ":" + keywordOf(data) : name);
        }
        return names;
    }

    private static String keywordOf(byte[] itxtData) {
        int end = 0;
        while (itxtData[end] != 0) {
            end++;
        }
        return new String(Arrays.copyOf(itxtData, end), StandardCharsets.ISO_8859_1);
    }
}
