package org.credence.document;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
    private final Map<String, Optional<CosSnapshot>> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<CosSnapshot>> eldest) {
            return size() > MAX_KEPT;
        }
    };

    /** The image as an XObject of {@code doc}, or empty when it cannot be read. */
    Optional<PDImageXObject> in(PDDocument doc, Branding.Image image) {
        Optional<CosSnapshot> ready;
        synchronized (prepared) {
            ready = prepared.computeIfAbsent(StoredDocuments.sha256(image.bytes()), hash -> prepare(image.bytes()));
        }
        return ready.map(p -> {
            try {
                return new PDImageXObject(new PDStream((COSStream) p.copyInto(doc)), null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static Optional<CosSnapshot> prepare(byte[] bytes) {
        try (PDDocument scratch = new PDDocument()) {
            PDImageXObject image = PDImageXObject.createFromByteArray(scratch, bytes, "branding");
            return Optional.of(CosSnapshot.of(image.getCOSObject()));
        } catch (IOException | IllegalArgumentException e) {
            // a broken upload must not break certificates: the box stays empty
            return Optional.empty();
        }
    }
}
