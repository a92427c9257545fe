package org.credence.credential;

import java.util.List;
import org.credence.verification.VerificationView;

/**
 * What the public credential page shows, already in words and URLs: the template only lays it out
 * (and escapes every value).
 *
 * @param verdict the verdict's JSON name (valid, revoked …), also the CSS class
 * @param expires the expiry date, or null when the credential does not expire
 * @param shares the share actions (through the counting redirect {@code /s/{number}/{channel}}); empty when the credential is revoked or suspended
 * @param copyLink the tagged link for the copy field, or null when sharing is off
 * @param canonical the page's own URL without tags, for Open Graph
 * @param shareImage the absolute URL of the 1200×627 share image, or null when the credential is revoked or suspended
 * @param withdrawn revoked or suspended: nothing is offered to share or download
 * @param stamp the word laid over the certificate preview when the credential is not valid (Revoked, Expired …), else null
 */
public record CredentialPageView(String lang, String number, String recipient, String achievement, String description,
                                 String criteria, String criteriaUrl, List<Skill> skills, List<String> tags,
                                 String issuer, String issuerUrl, String issued, String expires,
                                 String verdict, String verdictText, List<VerificationView.Line> checks,
                                 List<Share> shares, String copyLink, String canonical, String shareImage, String otherLanguage,
                                 boolean withdrawn, String stamp) {
    /** A skill or other alignment of the achievement; {@code url} and {@code framework} may be null. */
    public record Skill(String name, String url, String framework) {}

    /** One share action: its channel id (for tracking and tests), its label, and where it goes. */
    public record Share(String channel, String label, String href) {}

    public String pdf() {
        return "/c/" + number + "/certificate.pdf";
    }

    public String badgePng() {
        return "/c/" + number + "/badge.png";
    }

    public String badgeSvg() {
        return "/c/" + number + "/badge.svg";
    }

    public String json() {
        return "/c/" + number + "/credential.json";
    }

    /** The VC-JWT signed RS256: the algorithm every Open Badges 3.0 JWT reader must support. */
    public String jwt() {
        return "/c/" + number + "/credential.jwt?alg=RS256";
    }

    /** The certificate's first page as an image (the PDF drawn once, stored). */
    public String preview() {
        return "/c/" + number + "/certificate.png";
    }

    /**
     * Where the issuer's name links: the counting redirect, which records a referral click and
     * sends the visitor on to the issuer's site with UTM tags ({@code TrackingRoutes}).
     */
    public String issuerLink() {
        return "/r/" + number + "/issuer";
    }

    /** Where the program (criteria) address links: the counting redirect to the achievement's program page. */
    public String programLink() {
        return "/r/" + number + "/program";
    }

    public String verify() {
        return "/verify/" + number;
    }
}
