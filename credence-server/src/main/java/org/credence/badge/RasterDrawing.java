package org.credence.badge;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import org.credence.document.Png;
import org.credence.document.UploadedImages;

/** Draws a {@link Drawing} with Java2D, anti-aliased, into a PNG. */
final class RasterDrawing {
    private RasterDrawing() {}

    static byte[] png(Drawing drawing) {
        return Png.encode(image(drawing));
    }

    /** As {@link #png}, written quickly (a live preview: looked at once, never stored). */
    static byte[] quickPng(Drawing drawing) {
        return Png.encodeQuickly(image(drawing));
    }

    private static BufferedImage image(Drawing drawing) {
        BufferedImage image = new BufferedImage(drawing.width(), drawing.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            for (Drawing.Item item : drawing.items()) {
                if (item instanceof Drawing.Fill fill) {
                    g.setColor(fill.colour());
                    g.fill(fill.shape());
                } else if (item instanceof Drawing.Label label) {
                    // TextLayout lays out right-to-left and mixed scripts (bidi) as well as left-to-right
                    Font font = label.font().awtFont().deriveFont(label.size());
                    TextLayout layout = font.canDisplayUpTo(label.text()) < 0
                            ? new TextLayout(label.text(), font, g.getFontRenderContext())
                            : new TextLayout(TextFit.styled(label.text(), font), g.getFontRenderContext()); // CJK letters in Noto
                    double x = label.anchor() == Drawing.Anchor.MIDDLE ? label.x() - layout.getAdvance() / 2 : label.x();
                    g.setColor(label.colour());
                    layout.draw(g, (float) x, (float) label.baseline());
                } else if (item instanceof Drawing.Picture picture) {
                    draw(g, picture);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void draw(Graphics2D g, Drawing.Picture picture) {
        BufferedImage source = UploadedImages.decodeStored(picture.png());
        double scale = Math.min(picture.width() / source.getWidth(), picture.height() / source.getHeight());
        int w = (int) Math.round(source.getWidth() * scale);
        int h = (int) Math.round(source.getHeight() * scale);
        int x = (int) Math.round(picture.x() + (picture.width() - w) / 2);
        int y = (int) Math.round(picture.y() + (picture.height() - h) / 2);
        g.drawImage(source, x, y, w, h, null);
    }
}
