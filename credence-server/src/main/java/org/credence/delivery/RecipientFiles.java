package org.credence.delivery;

import java.util.Optional;
import org.credence.issuance.IssuedCredential;

/**
 * The drawn files of a credential (certificate PDF, baked badge) that its signed-in recipient
 * downloads from {@code /me}, even when they made it private and its public links answer 404. The
 * composition root plugs in the document and badge capabilities.
 */
public interface RecipientFiles {
    /** Nothing to download but the credential JSON. */
    RecipientFiles NONE = (credential, name) -> Optional.empty();

    /** A file's type and bytes. */
    record File(String contentType, byte[] bytes) {}

    /**
     * @param name {@link #CERTIFICATE} or {@link #BADGE}
     * @return the file, or empty when there is no such file
     */
    Optional<File> file(IssuedCredential credential, String name);

    /** The certificate PDF. */
    String CERTIFICATE = "certificate.pdf";
    /** The badge PNG with the credential baked in. */
    String BADGE = "badge.png";
}
