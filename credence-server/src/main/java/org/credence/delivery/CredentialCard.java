package org.credence.delivery;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** What a mail or the claim page says about a credential: who, what, from whom, and the recipient's choices. */
record CredentialCard(String number, String recipientName, String achievement, String issuer, String issuerSlug, String locale, String visibility,
                      boolean trackingAllowed, String state) {

    static CredentialCard of(Handle h, long tenantId, UUID credentialId) {
        return h.createQuery("""
                        SELECT c.number
                             , c.recipient_name
                             , a.name AS achievement
                             , t.name AS issuer
                             , t.slug
                             , t.locale
                             , c.visibility
                             , c.tracking_allowed
                             , c.state
                          FROM credential c
                          JOIN achievement a ON a.id = c.achievement_id AND a.tenant_id = c.tenant_id
                          JOIN tenant t ON t.id = c.tenant_id
                         WHERE c.tenant_id = :tenant
                           AND c.id = :id
                        """)
                .bind("tenant", tenantId).bind("id", credentialId)
                .map((rs, ctx) -> new CredentialCard(rs.getString("number"), rs.getString("recipient_name"), rs.getString("achievement"),
                        rs.getString("issuer"), rs.getString("slug"), rs.getString("locale"), rs.getString("visibility"), rs.getBoolean("tracking_allowed"),
                        rs.getString("state")))
                .one();
    }
}
