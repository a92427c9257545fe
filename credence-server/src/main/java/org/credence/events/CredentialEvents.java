package org.credence.events;

import org.jdbi.v3.core.Handle;

/** Told of every {@link CredentialEvent}, inside the transaction that made it happen, so what it writes commits (or not) with it. */
public interface CredentialEvents {
    /** Hears nothing: for a Credence with no subscribers wired. */
    CredentialEvents NONE = (h, event) -> { };

    void record(Handle h, CredentialEvent event);
}
