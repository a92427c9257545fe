package org.credence.delivery;

import java.util.List;
import java.util.UUID;

/**
 * Files attached to a mail, produced when it is sent (so a PDF rendered later, or re-rendered,
 * is the one attached). The composition root plugs in the certificate PDF; by default a mail
 * links to it instead.
 */
public interface MailAttachments {
    /** No attachments. */
    MailAttachments NONE = (tenantId, credentialId, kind) -> List.of();

    /** A file to attach. */
    record Attachment(String filename, String contentType, byte[] content) {}

    /**
     * The attachments of a mail about {@code credentialId} (null for a sign-in link).
     *
     * @param kind credential_issued, claim_link or recipient_sign_in
     */
    List<Attachment> attachments(long tenantId, UUID credentialId, String kind);
}
