package org.credence.badge;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.credence.document.BundledFonts;
import org.credence.document.UploadedImages;
import org.credence.i18n.Messages;

/**
 * The 1200×627 picture shown when a credential link is shared (Open Graph, LinkedIn, X): the badge
 * on a panel in the tenant's primary colour, the tenant's logo (or name), the achievement, the
 * recipient, the issuer and a "verified credential" mark with the number.
 */
final class ShareImage {
    static final int WIDTH = 1200;
    static final int HEIGHT = 627;
    private static final double TEXT_LEFT = 510;
    private static final double TEXT_WIDTH = 640;
    private static final Color INK = new Color(0x1a1a1a);
    private static final Color MUTED = new Color(0x5b6470);

    private ShareImage() {}

    /**
     * What the picture says; names as the issuer wrote them (they are drawn, never interpreted).
     *
     * @param validUntil the last day the credential is valid, when it expires: the picture says so, as a link preview
     *                   outlives the day it was drawn
     */
    record Facts(String achievementName, String recipientName, String issuerName, String number, String language,
                 Color primary, Color accent, Optional<byte[]> logoPng, byte[] badgePng, Optional<LocalDate> validUntil) {}

    static Drawing of(Facts facts) {
        String language = facts.language().equals("nb") ? "nb" : "en";
        Messages text = Messages.of("share_image", language);
        List<Drawing.Item> items = new ArrayList<>();
        items.add(new Drawing.Fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT), BadgeArt.mix(facts.primary(), Color.WHITE, 0.94)));
        items.add(new Drawing.Fill(new Rectangle2D.Double(0, 0, 460, HEIGHT), facts.primary()));
        items.add(new Drawing.Fill(new Rectangle2D.Double(0, HEIGHT - 16, WIDTH, 16), facts.accent()));
        items.add(new Drawing.Picture(facts.badgePng(), 60, 143, 340, 340));

        if (facts.logoPng().isPresent()) {
            BufferedImage logo = UploadedImages.decodeStored(facts.logoPng().get());
            double scale = Math.min(280.0 / logo.getWidth(), 80.0 / logo.getHeight());
            items.add(new Drawing.Picture(facts.logoPng().get(), TEXT_LEFT, 44, logo.getWidth() * scale, logo.getHeight() * scale));
        } else {
            line(items, facts.issuerName(), 100, BundledFonts.SANS_BOLD, 30, 22, facts.primary());
        }

        double y = 150;
        TextFit.Fitted name = TextFit.fit(facts.achievementName(), BundledFonts.SANS_BOLD, TEXT_WIDTH, 3, 52, 30);
        y = block(items, name, y, INK) + 24;
        items.add(label(text.text("awarded"), y + 22, BundledFonts.SANS, 22, MUTED));
        y += 34;
        TextFit.Fitted recipient = TextFit.fit(facts.recipientName(), BundledFonts.SANS_BOLD, TEXT_WIDTH, 2, 36, 24);
        y = block(items, recipient, y, INK) + 16;
        String issued = facts.validUntil().map(day -> text.format("issued_by.until", Map.of("issuer", facts.issuerName(),
                "date", day.format(DateTimeFormatter.ofPattern(text.text("date.pattern"), Locale.forLanguageTag(language))))))
                .orElse(text.format("issued_by", Map.of("issuer", facts.issuerName())));
        line(items, issued, y + 22, BundledFonts.SANS, 22, 16, MUTED);

        items.add(new Drawing.Fill(new Ellipse2D.Double(TEXT_LEFT, 538, 40, 40), facts.accent()));
        items.add(new Drawing.Fill(checkMark(TEXT_LEFT + 20, 558), BadgeArt.readableOn(facts.accent())));
        items.add(label(text.format("verified", Map.of("number", facts.number())), TEXT_LEFT + 54, 567,
                BundledFonts.SANS_BOLD, 22, facts.primary()));
        return new Drawing(WIDTH, HEIGHT, items);
    }

    /** Lines of a fitted block from {@code top}; returns the y below it. */
    private static double block(List<Drawing.Item> items, TextFit.Fitted fitted, double top, Color colour) {
        double lineHeight = fitted.size() * 1.15;
        for (int i = 0; i < fitted.lines().size(); i++) {
            items.add(label(fitted.lines().get(i), top + fitted.size() * 0.95 + i * lineHeight, BundledFonts.SANS_BOLD, fitted.size(), colour));
        }
        return top + fitted.lines().size() * lineHeight;
    }

    private static void line(List<Drawing.Item> items, String text, double baseline, BundledFonts font, float largest, float smallest, Color colour) {
        TextFit.Fitted fitted = TextFit.fit(text, font, TEXT_WIDTH, 1, largest, smallest);
        items.add(label(fitted.lines().get(0), baseline, font, fitted.size(), colour));
    }

    private static Drawing.Label label(String text, double baseline, BundledFonts font, float size, Color colour) {
        return label(text, TEXT_LEFT, baseline, font, size, colour);
    }

    private static Drawing.Label label(String text, double x, double baseline, BundledFonts font, float size, Color colour) {
        return new Drawing.Label(TextFit.drawable(text, font.awtFont()), x, baseline, Drawing.Anchor.START, font, size, colour);
    }

    /** A tick drawn as a filled outline, so it needs no stroke support in either format. */
    private static Path2D checkMark(double cx, double cy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(cx - 11, cy);
        path.lineTo(cx - 4, cy + 8);
        path.lineTo(cx + 11, cy - 8);
        path.lineTo(cx + 8, cy - 11);
        path.lineTo(cx - 4, cy + 2);
        path.lineTo(cx - 8, cy - 3);
        path.closePath();
        return path;
    }
}
