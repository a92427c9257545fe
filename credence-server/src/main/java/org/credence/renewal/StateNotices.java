package org.credence.renewal;

import org.credence.delivery.Delivery;
import org.credence.issuance.IssuedCredential;
import org.credence.lifecycle.Lifecycle;
import org.jdbi.v3.core.Handle;

/**
 * Tells the recipient when their credential is revoked or suspended, in their language, unless the tenant turned the
 * notice off: the mail is queued in the transaction of the change, so it goes out exactly when the change commits.
 */
final class StateNotices implements Lifecycle.StateListener {
    private final Delivery delivery;

    StateNotices(Delivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void changed(Handle h, IssuedCredential before, IssuedCredential after) {
        boolean revoked = after.state().equals("revoked");
        if (!revoked && !after.state().equals("suspended")) {
            return;
        }
        StateNoticeSettings settings = RenewalStore.notices(h, after.tenantId());
        if (revoked ? settings.revoked() : settings.suspended()) {
            delivery.queueStateNotice(h, after, revoked, Delivery.recipientLanguage(h, after.tenantId(), after.recipientEmail()));
        }
    }
}
