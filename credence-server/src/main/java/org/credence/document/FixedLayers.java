package org.credence.document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
    /** Layers are mostly their logo and font bytes; 64 MB keeps hundreds of tenants' looks. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private final Cache<Key, CosSnapshot> layers = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((Key key, CosSnapshot layer) -> (int) Math.min(Integer.MAX_VALUE, layer.weight()))
            .build();

    /** Everything the fixed layer depends on; images by their SHA-256, as their bytes are new arrays on every request. */
    record Key(Design design, String language, String pageSize, String primaryColour, String accentColour, Optional<String> logo,
               Optional<String> signature) {
        static Key of(Design design, Branding branding, String language) {
            return new Key(design, language, branding.pageSize(), branding.primaryColour(), branding.accentColour(),
                    branding.logo().map(image -> StoredDocuments.sha256(image.bytes())),
                    branding.signature().map(image -> StoredDocuments.sha256(image.bytes())));
        }
    }

    /** The layer as a form XObject of {@code doc}; {@code draw} makes it the first time (once, however many ask at once). */
    PDFormXObject in(PDDocument doc, Key key, Supplier<CosSnapshot> draw) {
        return new PDFormXObject((COSStream) layers.get(key, k -> draw.get()).copyInto(doc));
    }
}
