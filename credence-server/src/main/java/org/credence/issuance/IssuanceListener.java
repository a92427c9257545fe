package org.credence.issuance;

import org.credence.tenant.Tenant;
import org.jdbi.v3.core.Handle;

/** Told of each new credential inside the transaction that issues it, so what it writes commits (or not) with the credential. */
public interface IssuanceListener {
    IssuanceListener NONE = (h, tenant, credential, notify) -> { };

    /**
     * @param notify false when the request said {@code "notify": false}: the recipient gets no mail
     */
    void issued(Handle h, Tenant tenant, IssuedCredential credential, boolean notify);

    /** Told of a batch's new credentials at once ({@code notify.get(i)} for {@code credentials.get(i)}), so it can write them in one go. */
    default void issuedAll(Handle h, Tenant tenant, java.util.List<IssuedCredential> credentials, java.util.List<Boolean> notify) {
        for (int i = 0; i < credentials.size(); i++) {
            issued(h, tenant, credentials.get(i), notify.get(i));
        }
    }
}
