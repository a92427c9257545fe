package org.credence.verification;

import java.util.List;

/**
 * What the verification page shows, already in words: the template only lays it out.
 *
 * @param verdict the verdict's JSON name (valid, revoked …), also the CSS class
 * @param recipient the recipient's name, or null when they keep the credential private
 * @param expires the expiry date, or null when the credential does not expire
 */
public record VerificationView(String lang, String verdict, String recipient, String achievement, String issuer,
                               String issued, String expires, String number, List<Line> checks) {
    /** One check: outcome (passed, failed, skipped), its title in the page's language, and why. */
    public record Line(String outcome, String title, String reason) {}
}
