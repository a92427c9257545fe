package org.credence.renewal;

import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/**
 * The issuer's request to change a recipient's e-mail address: the API's {@code POST /api/v1/credentials/{id}/email}
 * and the app's form.
 *
 * @param idOrNumber one of the recipient's credentials, by id or number, within the caller's tenant
 * @param email      the new address
 * @param reissue    also re-issue each current credential in its lineage, naming the new address
 * @throws DomainException.InvalidInput naming {@code email} when it is missing, too long or not an address
 */
public record EmailChange(String idOrNumber, String email, boolean reissue) {
    public static final int MAX_EMAIL = 320;

    public EmailChange {
        email = email == null ? "" : email.strip();
        if (email.isEmpty()) {
            throw new DomainException.InvalidInput("email", ErrorText.of("email_change.required"));
        }
        if (email.length() > MAX_EMAIL) {
            throw new DomainException.InvalidInput("email", ErrorText.of("email_change.too_long", "length", email.length(), "max", MAX_EMAIL));
        }
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new DomainException.InvalidInput("email", ErrorText.of("email_change.invalid", "email", email));
        }
    }
}
