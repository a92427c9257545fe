package org.credence.delivery;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * How one tenant's mail looks and who it is from: the issuer's name, its colours, its logo and the credential's badge
 * (as small PNGs, sent inline and named by Content-ID, so they show without the mail program fetching anything), and
 * the sender name and reply-to address from the tenant's branding.
 *
 * @param issuer      the tenant's name, shown in the header when it has no logo and as the logo's text
 * @param primary     the header band and the call-to-action button, {@code #rrggbb}
 * @param accent      the thin line under the header, {@code #rrggbb}
 * @param logo        the tenant's logo, scaled down for mail
 * @param badge       the credential's badge, scaled down for mail (empty for mail about no credential)
 * @param senderName  the name shown as the sender (empty: the installation's configured name)
 * @param replyTo     where replies go (empty: to the sending address)
 * @param preview     images written into the HTML as data URIs (a preview in a browser) instead of {@code cid:} links
 */
public record MailLook(String issuer, String primary, String accent, Optional<Image> logo, Optional<Image> badge, Optional<String> senderName,
                       Optional<String> replyTo, boolean preview) {
    /** Credence's own colours, for a mail whose tenant set none. */
    public static final MailLook PLAIN = new MailLook("", "#1f3a5f", "#c8a43b", Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), false);

    /**
     * An image of the mail.
     *
     * @param cid the Content-ID it is sent under, e.g. {@code logo@credence}
     */
    public record Image(String cid, byte[] png, int width, int height) {}

    public MailLook {
        primary = colour(primary, "#1f3a5f");
        accent = colour(accent, "#c8a43b");
    }

    /** The same look with its images written into the HTML, for a preview page. */
    public MailLook forPreview() {
        return new MailLook(issuer, primary, accent, logo, badge, senderName, replyTo, true);
    }

    /** What an {@code <img src>} says for the image: its Content-ID in a mail, the bytes themselves in a preview. */
    public String src(Image image) {
        return preview ? "data:image/png;base64," + Base64.getEncoder().encodeToString(image.png()) : "cid:" + image.cid();
    }

    /** The button text's colour: white on a dark primary colour, near-black on a light one, whichever reads better. */
    public String onPrimary() {
        double background = luminance(primary);
        double white = 1.05 / (background + 0.05);
        double dark = (background + 0.05) / (luminance("#111111") + 0.05);
        return white >= dark ? "#ffffff" : "#111111";
    }

    /** Links in the text: the primary colour when it reads on white (contrast 4.5:1), else near-black. */
    public String linkColour() {
        return 1.05 / (luminance(primary) + 0.05) >= 4.5 ? primary : "#1b1f24";
    }

    // WCAG 2.1 relative luminance of a #rrggbb colour
    private static double luminance(String hex) {
        double l = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            l += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return l;
    }

    // the colour goes into style attributes: anything but #rrggbb is replaced, never written out
    private static String colour(String value, String fallback) {
        return value != null && value.matches("#[0-9a-fA-F]{6}") ? value.toLowerCase(Locale.ROOT) : fallback;
    }
}
