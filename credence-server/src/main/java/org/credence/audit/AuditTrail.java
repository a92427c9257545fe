package org.credence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The append-only audit trail: who did what, when, with the state before and after. */
public final class AuditTrail {
    private final Jdbi jdbi;

    public AuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records a change inside the caller's transaction, so the change and its record commit together. */
    public void record(Handle handle, Long tenantId, String actor, String action, String subject, JsonNode before, JsonNode after) {
        handle.createUpdate("""
                        INSERT INTO audit_event (tenant_id, actor, action, subject, before, after)
                        VALUES (:tenant, :actor, :action, :subject, CAST(:before AS JSONB), CAST(:after AS JSONB))
                        """)
                .bind("tenant", tenantId).bind("actor", actor).bind("action", action).bind("subject", subject)
                .bind("before", before == null ? null : before.toString()).bind("after", after == null ? null : after.toString())
                .execute();
    }

    /** A tenant's events, newest first, after the cursor {@code beforeId} (0: from the newest). */
    public ArrayNode list(long tenantId, long beforeId, int limit) {
        ArrayNode events = JsonNodeFactory.instance.arrayNode();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT id
                             , actor
                             , action
                             , subject
                             , CAST(before AS TEXT) AS before
                             , CAST(after AS TEXT) AS after
                             , at
                          FROM audit_event
                         WHERE tenant_id = :tenant
                           AND (:before = 0 OR id < :before)
                         ORDER BY id DESC
                         LIMIT :limit
                        """)
                .bind("tenant", tenantId).bind("before", beforeId).bind("limit", limit)
                .map((rs, ctx) -> {
                    ObjectNode event = events.addObject();
                    event.put("id", rs.getLong("id"));
                    event.put("actor", rs.getString("actor"));
                    event.put("action", rs.getString("action"));
                    event.put("subject", rs.getString("subject"));
                    event.set("before", parse(rs.getString("before")));
                    event.set("after", parse(rs.getString("after")));
                    event.put("at", rs.getTimestamp("at").toInstant().toString());
                    return event;
                }).list());
        return events;
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? JsonNodeFactory.instance.nullNode() : org.credence.http.Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
