package org.credence.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** SQL: the tracking facts of a credential, by public number or by id within a tenant. */
final class TrackedCredentials {
    private static final String SELECT = """
            SELECT c.id
                 , c.tenant_id
                 , c.achievement_id
                 , c.number
                 , c.issued_at
                 , c.tracking_allowed
                 , a.name AS achievement_name
                 , a.details ->> 'programUrl' AS program_url
                 , t.url AS tenant_url
              FROM credential c
              JOIN achievement a ON a.id = c.achievement_id AND a.tenant_id = c.tenant_id
              JOIN tenant t ON t.id = c.tenant_id
            """;

    private TrackedCredentials() {}

    /** The public lookup: a certificate number is shown to anyone, and is unique across tenants. */
    static Optional<TrackedCredential> byNumber(Jdbi jdbi, String number) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE c.number = :number").bind("number", number)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    static Optional<TrackedCredential> byId(Jdbi jdbi, long tenantId, UUID id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE c.tenant_id = :tenant AND c.id = :id")
                .bind("tenant", tenantId).bind("id", id).map((rs, ctx) -> row(rs)).findOne());
    }

    private static TrackedCredential row(ResultSet rs) throws SQLException {
        return new TrackedCredential(rs.getObject("id", UUID.class), rs.getLong("tenant_id"), rs.getLong("achievement_id"),
                rs.getString("number"), rs.getTimestamp("issued_at").toInstant(), rs.getBoolean("tracking_allowed"),
                rs.getString("achievement_name"), rs.getString("program_url"), rs.getString("tenant_url"));
    }
}
