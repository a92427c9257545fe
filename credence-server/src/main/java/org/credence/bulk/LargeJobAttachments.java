package org.credence.bulk;

import java.util.List;
import java.util.UUID;
import org.credence.delivery.MailAttachments;
import org.jdbi.v3.core.Jdbi;

/**
 * The mail's attachments, except for a credential of a large bulk job: its mail links to the
 * certificate (drawn when the recipient opens it) instead of carrying a PDF drawn for every row,
 * so a 100,000-row job does not draw 100,000 PDFs for the mail queue.
 */
public final class LargeJobAttachments implements MailAttachments {
    private final Jdbi jdbi;
    private final MailAttachments attachments;

    public LargeJobAttachments(Jdbi jdbi, MailAttachments attachments) {
        this.jdbi = jdbi;
        this.attachments = attachments;
    }

    @Override
    public List<Attachment> attachments(long tenantId, UUID credentialId, String kind) {
        if (credentialId != null && jdbi.withHandle(h -> IssuanceJobStore.linksOnly(h, tenantId, credentialId))) {
            return List.of();
        }
        return attachments.attachments(tenantId, credentialId, kind);
    }
}
