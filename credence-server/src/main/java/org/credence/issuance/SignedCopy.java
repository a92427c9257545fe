package org.credence.issuance;

import java.time.Instant;
import java.util.Objects;
import org.credence.standards.verification.SignedFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stored credential's recipient name and dates as its signed text says them. The columns beside
 * the signed text are copies for searching and sorting; an edit to them must never change what a
 * page, a file or an answer says about the credential. A column that disagrees with the signed
 * text was edited outside Credence, and is logged as tampering.
 */
final class SignedCopy {
    private static final Logger LOG = LoggerFactory.getLogger(SignedCopy.class);

    private SignedCopy() {}

    /** {@code stored} with its name and dates taken from its signed text (the name from the column only when none is signed). */
    static IssuedCredential prefer(IssuedCredential stored) {
        SignedFacts signed;
        try {
            signed = SignedFacts.read(stored.document());
        } catch (RuntimeException unreadable) {
            // not JSON any more: verification says so; there is nothing signed to prefer
            LOG.warn("credential {}: its stored signed text is not readable JSON; it was edited outside Credence", stored.number());
            return stored;
        }
        // credentials issued before the name was signed carry only the hashed e-mail: the column is all there is
        String name = signed.recipient() != null ? signed.recipient() : stored.recipientName();
        Instant issued = signed.validFrom() != null ? signed.validFrom() : stored.issuedAt();
        Instant expires = signed.validUntil();
        if (!name.equals(stored.recipientName()) || !issued.equals(stored.issuedAt()) || !Objects.equals(expires, stored.expiresAt())) {
            LOG.warn("credential {}: columns (recipient_name '{}', issued_at {}, expires_at {}) disagree with its signed text ('{}', {}, {});"
                            + " the row was edited outside Credence, and the signed values are shown",
                    stored.number(), stored.recipientName(), stored.issuedAt(), stored.expiresAt(), name, issued, expires);
        }
        return new IssuedCredential(stored.id(), stored.tenantId(), stored.achievementId(), stored.number(), name, stored.recipientEmail(),
                stored.documentText(), stored.statusListId(), stored.statusIndex(), issued, expires, stored.state(), stored.stateReason(),
                stored.visibility());
    }
}
