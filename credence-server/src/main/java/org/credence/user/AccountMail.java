package org.credence.user;

import org.jdbi.v3.core.Handle;

/** Queues a password-reset or invitation mail through delivery, inside the caller's transaction; rendered when it is sent. */
@FunctionalInterface
public interface AccountMail {
    /**
     * @param invitation true for an invitation, false for a password reset
     * @return the queued mail's id
     */
    long queue(Handle h, long tenantId, boolean invitation, String email, String language);

    /** No mail at all: for tools that build users without delivery. */
    AccountMail NONE = (h, tenantId, invitation, email, language) -> {
        throw new IllegalStateException("no mail queue for account mail");
    };
}
