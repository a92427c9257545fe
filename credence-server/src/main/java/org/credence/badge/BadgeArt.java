package org.credence.badge;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.credence.achievement.Achievement;
import org.credence.document.BundledFonts;

/**
 * The badge Credence draws for an achievement without an uploaded image: 600×600, in the tenant's
 * primary and accent colours, shaped by the kind (a rosette for a certification, a hexagon for a
 * badge, a shield for a diploma, a medal for a certificate), with the achievement's name fitted
 * inside and the kind on a ribbon. Pure geometry: the same inputs give the same drawing.
 */
final class BadgeArt {
    static final int SIZE = 600;
    private static final double C = SIZE / 2.0;

    private BadgeArt() {}

    /** The badge of an achievement, its kind named on the ribbon in {@code language} (the issuer's). */
    static Drawing of(String achievementName, String kind, String language, Color primary, Color accent) {
        List<Drawing.Item> items = new ArrayList<>();
        Color ribbonShade = mix(accent, Color.BLACK, 0.25);
        if (kind.equals("certification") || kind.equals("certificate")) {
            items.add(new Drawing.Fill(ribbonTails(), ribbonShade));
        }
        Shape outer = outline(kind, 1.0);
        items.add(new Drawing.Fill(outer, accent));
        items.add(new Drawing.Fill(outline(kind, 0.9), primary));
        // a thin accent ring inside the face, as on a struck medal
        Area ring = new Area(outline(kind, 0.84));
        ring.subtract(new Area(outline(kind, 0.82)));
        items.add(new Drawing.Fill(ring, mix(accent, primary, 0.35)));
        items.add(new Drawing.Fill(star(C, 150, 34, 14), accent));

        items.add(new Drawing.Fill(new RoundRectangle2D.Double(84, 398, 432, 64, 14, 14), accent));
        Color ink = readableOn(primary);
        TextFit.Fitted name = TextFit.fit(achievementName, BundledFonts.SANS_BOLD, 340, 3, 50, 24);
        double lineHeight = name.size() * 1.18;
        double firstBaseline = 290 - (name.lines().size() - 1) * lineHeight / 2 + name.size() * 0.35;
        for (int i = 0; i < name.lines().size(); i++) {
            items.add(new Drawing.Label(name.lines().get(i), C, firstBaseline + i * lineHeight, Drawing.Anchor.MIDDLE,
                    BundledFonts.SANS_BOLD, name.size(), ink));
        }
        items.add(new Drawing.Label(Achievement.kindName(kind, language).toUpperCase(Locale.ROOT), C, 440, Drawing.Anchor.MIDDLE, BundledFonts.SANS_BOLD, 26,
                readableOn(accent)));
        return new Drawing(SIZE, SIZE, items);
    }

    /** The badge's outline for a kind, scaled about the centre. */
    private static Shape outline(String kind, double scale) {
        Shape unit = switch (kind) {
            case "badge" -> polygon(6, 285, -90);
            case "certification" -> rosette(285, 36, 9);
            case "diploma" -> shield();
            default -> new Ellipse2D.Double(C - 280, C - 280, 560, 560);
        };
        AffineTransform t = new AffineTransform();
        t.translate(C, C);
        t.scale(scale, scale);
        t.translate(-C, -C);
        return t.createTransformedShape(unit);
    }

    private static Shape polygon(int corners, double radius, double startDegrees) {
        return closed(corners, i -> polar(C, C, radius, Math.toRadians(startDegrees + 360.0 * i / corners)));
    }

    /** A scalloped edge: the radius swings by {@code depth} over {@code lobes} lobes. */
    private static Shape rosette(double radius, int lobes, double depth) {
        int steps = lobes * 8;
        return closed(steps, i -> {
            double a = 2 * Math.PI * i / steps;
            return polar(C, C, radius - depth + depth * Math.cos(lobes * a), a);
        });
    }

    private static Shape shield() {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(C, 20);
        path.curveTo(C + 120, 70, C + 200, 70, C + 260, 60);
        path.curveTo(C + 270, 300, C + 200, 480, C, 580);
        path.curveTo(C - 200, 480, C - 270, 300, C - 260, 60);
        path.curveTo(C - 200, 70, C - 120, 70, C, 20);
        path.closePath();
        return path;
    }

    /** Two ribbon tails hanging below the medal. */
    private static Shape ribbonTails() {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(C - 150, 420);
        path.lineTo(C - 60, 450);
        path.lineTo(C - 110, 595);
        path.lineTo(C - 145, 555);
        path.lineTo(C - 200, 570);
        path.closePath();
        path.moveTo(C + 150, 420);
        path.lineTo(C + 60, 450);
        path.lineTo(C + 110, 595);
        path.lineTo(C + 145, 555);
        path.lineTo(C + 200, 570);
        path.closePath();
        return path;
    }

    static Shape star(double cx, double cy, double outer, double inner) {
        return closed(10, i -> polar(cx, cy, i % 2 == 0 ? outer : inner, Math.toRadians(-90 + 36 * i)));
    }

    /** The closed outline through {@code count} points. */
    private static Shape closed(int count, java.util.function.IntFunction<Point2D> point) {
        Path2D.Double path = new Path2D.Double();
        Point2D first = point.apply(0);
        path.moveTo(first.getX(), first.getY());
        for (int i = 1; i < count; i++) {
            Point2D next = point.apply(i);
            path.lineTo(next.getX(), next.getY());
        }
        path.closePath();
        return path;
    }

    private static Point2D polar(double cx, double cy, double radius, double radians) {
        return new Point2D.Double(cx + radius * Math.cos(radians), cy + radius * Math.sin(radians));
    }

    /** White on dark colours, near-black on light ones (WCAG relative luminance). */
    static Color readableOn(Color background) {
        double l = 0.2126 * linear(background.getRed()) + 0.7152 * linear(background.getGreen()) + 0.0722 * linear(background.getBlue());
        return l > 0.179 ? new Color(0x1a1a1a) : Color.WHITE;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    static Color mix(Color a, Color b, double share) {
        return new Color((int) Math.round(a.getRed() * (1 - share) + b.getRed() * share),
                (int) Math.round(a.getGreen() * (1 - share) + b.getGreen() * share),
                (int) Math.round(a.getBlue() * (1 - share) + b.getBlue() * share));
    }

    static Color colour(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }
}
