package org.credence.document;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open-licensed fonts shipped with Credence, so certificates render the same everywhere:
 * DejaVu (licence in {@code fonts/LICENSE-DejaVu.txt}) for æ, ø, å and most alphabetic scripts,
 * and Noto Sans SC and KR (SIL OFL 1.1, {@code fonts/LICENSE-NotoSansCJK.txt}) standing in for
 * the Chinese, Japanese and Korean letters DejaVu lacks. Each file is read once per process,
 * when first needed.
 */
public enum BundledFonts {
    SANS("DejaVuSans.ttf"),
    SANS_BOLD("DejaVuSans-Bold.ttf"),
    SERIF("DejaVuSerif.ttf"),
    SERIF_BOLD("DejaVuSerif-Bold.ttf"),
    SERIF_ITALIC("DejaVuSerif-Italic.ttf"),
    /** Chinese (simplified and traditional ideographs) and Japanese kana: TrueType outlines, so PDFBox embeds a subset. */
    SANS_SC("NotoSansSC-Regular.ttf"),
    /** Korean Hangul. */
    SANS_KR("NotoSansKR-Regular.ttf");

    private static final Map<BundledFonts, byte[]> BYTES = new ConcurrentHashMap<>();
    private static final Map<BundledFonts, Font> AWT = new ConcurrentHashMap<>();
    private final String file;

    BundledFonts(String file) {
        this.file = file;
    }

    /** The name a design file uses: {@code sans}, {@code sans-bold}, {@code serif} … */
    public String designName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The font named in a design file. */
    public static java.util.Optional<BundledFonts> byDesignName(String name) {
        for (BundledFonts font : values()) {
            if (font.designName().equals(name)) {
                return java.util.Optional.of(font);
            }
        }
        return java.util.Optional.empty();
    }

    /** The TrueType file's bytes (shared; do not modify). */
    public byte[] bytes() {
        return BYTES.computeIfAbsent(this, font -> {
            try (InputStream in = BundledFonts.class.getResourceAsStream("fonts/" + font.file)) {
                if (in == null) {
                    throw new IllegalStateException("font " + font.file + " is missing from the build");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The font for Java2D drawing (badge and share images), at 1 pt; derive the size you need. */
    public Font awtFont() {
        return AWT.computeIfAbsent(this, font -> {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(font.bytes()));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("font " + font.file + " cannot be read", e);
            }
        });
    }
}
