package org.credence.badge;

import java.awt.Color;
import java.awt.Shape;
import java.util.List;
import org.credence.document.BundledFonts;

/**
 * A picture described once and drawn twice: as SVG ({@link SvgDrawing}) and as PNG with Java2D
 * ({@link RasterDrawing}), so the generated badge looks the same in both formats.
 *
 * @param items painted in order, later over earlier
 */
record Drawing(int width, int height, List<Item> items) {
    Drawing {
        items = List.copyOf(items);
    }

    /** Something painted. */
    sealed interface Item permits Fill, Label, Picture {}

    /** A filled outline (Java2D geometry, written to SVG as path data). */
    record Fill(Shape shape, Color colour) implements Item {}

    /** A PNG (a clean one: uploaded and re-encoded, or drawn by us) scaled into a box, keeping its aspect ratio, centred. */
    record Picture(byte[] png, double x, double y, double width, double height) implements Item {}

    /** Where a label's x is: its start or its middle. */
    enum Anchor { START, MIDDLE }

    /**
     * One line of text on a baseline.
     *
     * @param text already fitted (see {@link TextFit}); never empty
     */
    record Label(String text, double x, double baseline, Anchor anchor, BundledFonts font, float size, Color colour) implements Item {}
}
