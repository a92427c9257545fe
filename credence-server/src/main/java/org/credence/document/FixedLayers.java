package org.credence.document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * The part of a certificate that is the same for every recipient (background, frames, logo,
 * labels in one language) as a form XObject drawn once per design, look and language and then
 * copied into each certificate as finished bytes: its fonts already cut to the labels' glyphs,
 * its images and content already compressed.
 */
final class FixedLayers {
    private static final int MAX_KEPT = 256;
    private final Map<Key, CosSnapshot> layers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CosSnapshot> eldest) {
            return size() > MAX_KEPT;
        }
    };

    /** Everything the fixed layer depends on; images by their SHA-256, as their bytes are new arrays on every request. */
    record Key(Design design, String language, String pageSize, String primaryColour, String accentColour, Optional<String> logo,
               Optional<String> signature) {
        static Key of(Design design, Branding branding, String language) {
            return new Key(design, language, branding.pageSize(), branding.primaryColour(), branding.accentColour(),
                    branding.logo().map(image -> StoredDocuments.sha256(image.bytes())),
                    branding.signature().map(image -> StoredDocuments.sha256(image.bytes())));
        }
    }

    /** The layer as a form XObject of {@code doc}; {@code draw} makes it the first time. */
    PDFormXObject in(PDDocument doc, Key key, Supplier<CosSnapshot> draw) {
        CosSnapshot layer;
        synchronized (layers) {
            layer = layers.get(key);
        }
        if (layer == null) {
            // drawn outside the lock; two threads drawing the same new layer both get the same bytes
            layer = draw.get();
            synchronized (layers) {
                layers.putIfAbsent(key, layer);
            }
        }
        return new PDFormXObject((COSStream) layer.copyInto(doc));
    }
}
