package org.credence.renewal;

import org.credence.delivery.Delivery;
import org.credence.issuance.IssuedCredential;
import org.credence.lifecycle.Lifecycle;
import org.jdbi.v3.core.Handle;

/**
 * Tells the recipient when their credential is revoked, suspended or reinstated, in their language, unless the tenant turned the
 * notice off or the recipient never heard of the credential: the mail is queued in the transaction of the change, so it
 * goes out exactly when the change commits.
 */
final class StateNotices implements Lifecycle.StateListener {
    private final Delivery delivery;

    StateNotices(Delivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void changed(Handle h, IssuedCredential before, IssuedCredential after) {
        boolean revoked = after.state().equals("revoked");
        // a reinstatement is told under the suspension notice's setting: who was told of the suspension hears of its end
        boolean reinstated = before.state().equals("suspended") && after.state().equals("active");
        if (!revoked && !reinstated && !after.state().equals("suspended")) {
            return;
        }
        StateNoticeSettings settings = RenewalStore.notices(h, after.tenantId());
        if ((revoked ? settings.revoked() : settings.suspended()) && told(h, after)) {
            String language = Delivery.recipientLanguage(h, after.tenantId(), after.recipientEmail());
            if (reinstated) {
                delivery.queueReinstatedNotice(h, after, language);
            } else {
                delivery.queueStateNotice(h, after, revoked, language);
            }
        }
    }

    /**
     * Whether the recipient knows of the credential: a mail about it was sent, or they claimed it. One withdrawn before its
     * mail went out (that mail is then dropped), or issued without mail, is not announced by its withdrawal either.
     */
    private static boolean told(Handle h, IssuedCredential c) {
        return h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM mail WHERE tenant_id = :tenant AND credential_id = :id AND status = 'sent')
                            OR EXISTS (SELECT 1 FROM credential WHERE tenant_id = :tenant AND id = :id AND claimed_at IS NOT NULL)
                        """)
                .bind("tenant", c.tenantId()).bind("id", c.id()).mapTo(Boolean.class).one();
    }
}
