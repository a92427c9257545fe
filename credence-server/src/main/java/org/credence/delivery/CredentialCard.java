package org.credence.delivery;

import java.util.UUID;
import org.credence.json.JsonFields;
import org.credence.standards.verification.SignedFacts;
import org.jdbi.v3.core.Handle;

/**
 * What a mail or the claim page says about a credential: who, what, from whom, and the recipient's choices;
 * {@code renewal} when it renews an earlier credential (its mail then says renewed, not awarded).
 */
record CredentialCard(String number, String recipientName, String achievement, String issuer, String issuerSlug, String locale, String visibility,
                      boolean trackingAllowed, String state, boolean renewal) {

    static CredentialCard of(Handle h, long tenantId, UUID credentialId) {
        return h.createQuery(SELECT + """
                         WHERE c.tenant_id = :tenant
                           AND c.id = :id
                        """)
                .bind("tenant", tenantId).bind("id", credentialId)
                .map((rs, ctx) -> card(rs))
                .one();
    }

    /** The cards of credentials ({@code tenantIds[i]}, {@code credentialIds[i]}), each its own tenant's, by credential id: one query. */
    static java.util.Map<UUID, CredentialCard> of(Handle h, java.util.List<Long> tenantIds, java.util.List<UUID> credentialIds) {
        java.util.Map<UUID, CredentialCard> cards = new java.util.HashMap<>();
        h.createQuery(SELECT + """
                         WHERE (c.tenant_id, c.id) IN (SELECT * FROM unnest(:tenants, :ids))
                        """)
                .bindArray("tenants", Long.class, tenantIds).bindArray("ids", UUID.class, credentialIds)
                .map((rs, ctx) -> java.util.Map.entry(rs.getObject("id", UUID.class), card(rs)))
                .forEach(e -> cards.put(e.getKey(), e.getValue()));
        return cards;
    }

    private static final String SELECT = """
            SELECT c.id
                 , c.number
                 , c.recipient_name
                 , t.slug
                 , t.locale
                 , c.visibility
                 , c.tracking_allowed
                 , c.state
                 , c.document_text
                 , c.renews IS NOT NULL AS renewal
              FROM credential c
              JOIN tenant t ON t.id = c.tenant_id
            """;

    private static CredentialCard card(java.sql.ResultSet rs) throws java.sql.SQLException {
        // who, what and from whom as signed: an edited column or a later rename does not change what the credential says
        SignedFacts signed = SignedFacts.read(signedText(rs.getString("document_text")));
        return new CredentialCard(rs.getString("number"), signed.recipient() != null ? signed.recipient() : rs.getString("recipient_name"),
                signed.achievement(), signed.issuer(), rs.getString("slug"), rs.getString("locale"), rs.getString("visibility"), rs.getBoolean("tracking_allowed"),
                rs.getString("state"), rs.getBoolean("renewal"));
    }

    private static com.fasterxml.jackson.databind.JsonNode signedText(String text) {
        try {
            return JsonFields.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            // edited into something that is not JSON: it says nothing, and verification reports it
            return JsonFields.MAPPER.createObjectNode();
        }
    }
}
