package org.credence.delivery;

import java.util.List;
import java.util.Optional;

/**
 * Renders a mail that is about no credential but carries a report (the weekly program report):
 * its words and its files, made when the mail is sent from the reference stored with it, so the
 * queue never holds a rendered body. The reports module plugs itself in at start.
 */
public interface ReportMail {
    /** Renders nothing: a report mail queued before the renderer is plugged in fails with a reason. */
    ReportMail NONE = (tenantId, reference, language) -> Optional.empty();

    /** A rendered report mail. */
    record Rendered(MailContent content, List<MailAttachments.Attachment> attachments) {
        public Rendered {
            attachments = List.copyOf(attachments);
        }
    }

    /**
     * The mail for {@code reference} in {@code language}, or empty when it must not go out.
     *
     * @param reference what was queued with the mail ("2026-W48")
     */
    Optional<Rendered> render(long tenantId, String reference, String language);
}
