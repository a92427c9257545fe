package org.credence.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Branding images decoded and compressed for PDF once, then copied into each certificate as
 * ready-made streams: decoding a PNG and deflating its pixels costs more than the rest of a page.
 * An image that cannot be decoded is remembered as absent, and its box stays empty.
 */
final class PreparedImages {
    private static final int MAX_KEPT = 256;
    private final Map<String, Optional<Prepared>> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Prepared>> eldest) {
            return size() > MAX_KEPT;
        }
    };

    /** An image XObject's dictionary entries and encoded bytes, and those of its soft mask (alpha). */
    private record Prepared(Map<COSName, COSBase> entries, byte[] encoded, Optional<Prepared> mask) {}

    /** The image as an XObject of {@code doc}, or empty when it cannot be read. */
    Optional<PDImageXObject> in(PDDocument doc, Branding.Image image) {
        Optional<Prepared> ready;
        synchronized (prepared) {
            ready = prepared.computeIfAbsent(StoredDocuments.sha256(image.bytes()), hash -> prepare(image.bytes()));
        }
        return ready.map(p -> {
            try {
                return new PDImageXObject(new PDStream(copy(doc, p)), null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static Optional<Prepared> prepare(byte[] bytes) {
        try (PDDocument scratch = new PDDocument()) {
            PDImageXObject image = PDImageXObject.createFromByteArray(scratch, bytes, "branding");
            return Optional.of(capture(image.getCOSObject()));
        } catch (IOException | IllegalArgumentException e) {
            // a broken upload must not break certificates: the box stays empty
            return Optional.empty();
        }
    }

    private static Prepared capture(COSStream stream) throws IOException {
        Map<COSName, COSBase> entries = new LinkedHashMap<>();
        Optional<Prepared> mask = Optional.empty();
        for (Map.Entry<COSName, COSBase> entry : stream.entrySet()) {
            if (entry.getKey().equals(COSName.SMASK)) {
                mask = Optional.of(capture((COSStream) stream.getDictionaryObject(COSName.SMASK)));
            } else if (!entry.getKey().equals(COSName.LENGTH)) {
                entries.put(entry.getKey(), entry.getValue());
            }
        }
        try (InputStream raw = stream.createRawInputStream()) {
            return new Prepared(entries, raw.readAllBytes(), mask);
        }
    }

    private static COSStream copy(PDDocument doc, Prepared prepared) {
        COSStream stream = doc.getDocument().createCOSStream();
        prepared.entries().forEach(stream::setItem);
        prepared.mask().ifPresent(mask -> stream.setItem(COSName.SMASK, copy(doc, mask)));
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(prepared.encoded());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return stream;
    }
}
