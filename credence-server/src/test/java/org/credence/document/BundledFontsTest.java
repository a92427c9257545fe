package org.credence.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BundledFontsTest {
    @Test
    void everyBundledFontLoadsAndDrawsNorwegianLetters() {
        for (BundledFonts font : BundledFonts.values()) {
            assertThat(font.bytes()).hasSizeGreaterThan(100_000);
            assertThat(font.awtFont().canDisplayUpTo("Åse Ødegård æøå ÆØÅ")).as(font.designName()).isEqualTo(-1);
        }
    }

    @Test
    void designNamesRoundTrip() {
        for (BundledFonts font : BundledFonts.values()) {
            assertThat(BundledFonts.byDesignName(font.designName())).contains(font);
        }
        assertThat(BundledFonts.byDesignName("comic-sans")).isEmpty();
    }
}
