package org.credence.document;

import java.util.List;
import java.util.UUID;
import org.credence.delivery.MailAttachments;

/**
 * The certificate PDF attached to the "your credential" mail. It is the stored PDF the public
 * link serves (rendered now if it was not yet), so the attachment and the download are the same
 * file; a private credential's PDF is attached too, since the mail goes to its own recipient.
 */
public final class CertificateAttachments implements MailAttachments {
    /** The mail kind that carries the certificate (see {@code delivery.MailKind}). */
    static final String CREDENTIAL_ISSUED = "credential_issued";
    private final Certificates certificates;

    public CertificateAttachments(Certificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public List<Attachment> attachments(long tenantId, UUID credentialId, String kind) {
        if (credentialId == null || !CREDENTIAL_ISSUED.equals(kind)) {
            return List.of();
        }
        return certificates.credential(tenantId, credentialId)
                .map(credential -> List.of(new Attachment(credential.number() + ".pdf", "application/pdf", certificates.pdf(credential).bytes())))
                .orElse(List.of());
    }
}
