package org.credence.standards.model;

import java.net.URI;
import java.net.URISyntaxException;

/** URI checks with messages that name the field. */
final class Uris {
    private Uris() {}

    static void requireAbsolute(String value, String field) {
        try {
            if (!new URI(value).isAbsolute()) {
                throw new CredentialFormatException(field + " must be an absolute URI (https://…, did:…, urn:…), got '" + value + "'");
            }
        } catch (URISyntaxException e) {
            throw new CredentialFormatException(field + " is not a valid URI: '" + value + "'");
        }
    }
}
