package org.credence.demo;

import java.time.Instant;

/**
 * One simulated interaction with a credential, as a tracker would see it before filtering.
 *
 * @param type claim, view, share_click, download, wallet_export, verification, referral_click
 * @param detail the viewed item (credential_page, pdf, badge, verification_page), the share channel
 *               (linkedin_profile, linkedin_post, x, facebook, email, copy_link), the verification route
 *               (page, api, file), the download (pdf, badge) or the referral target (program)
 * @param userAgentClass browser, mobile, bot, link-preview or mail-scanner
 * @param visitor a pseudonymous visitor number (the same number is the same simulated person or bot)
 * @param byRecipient whether the credential's own recipient did it
 */
public record SimulatedEvent(long credential, String type, String detail, Instant at, String country, String userAgentClass,
                             long visitor, boolean byRecipient) {
    public boolean isBot() {
        return userAgentClass.equals("bot") || userAgentClass.equals("link-preview") || userAgentClass.equals("mail-scanner");
    }
}
