package org.credence.delivery;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Renders mail another module queues through delivery (surveys), at send time, so a single-use link is minted only then. */
@FunctionalInterface
public interface MailRenderer {
    /**
     * The mail with id {@code mailId}, or empty when it must no longer go out.
     *
     * @param kind the mail's kind as stored, e.g. {@code survey_invitation}
     */
    Optional<MailContent> render(Handle h, long tenantId, long mailId, String kind, String language, Instant now);
}
