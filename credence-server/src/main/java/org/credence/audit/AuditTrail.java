package org.credence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The append-only audit trail: who did what, when, with the state before and after. */
public final class AuditTrail {
    private final Jdbi jdbi;

    public AuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Records a change inside the caller's transaction, so the change and its record commit together.
     * The entry joins its tenant's hash chain ({@link AuditChain}); a transaction-scoped advisory lock
     * per chain serialises appends, so two writers can never fork it.
     */
    public void record(Handle handle, Long tenantId, String actor, String action, String subject, JsonNode before, JsonNode after) {
        if (!handle.isInTransaction()) {
            // an auto-commit caller: the chain's lock must last until the entry commits, so the entry gets a transaction of its own
            handle.useTransaction(h -> record(h, tenantId, actor, action, subject, before, after));
            return;
        }
        handle.execute("SELECT pg_advisory_xact_lock(?)", AuditChain.lockKey(tenantId));
        byte[] previous = AuditChain.lastHash(handle, tenantId);
        // PostgreSQL's own text of the JSONB values and the row's id and time, taken before the insert, so the hash covers
        // exactly what a later read returns; the id is drawn under the lock, so a chain's order is its id order
        var fixed = handle.createQuery("""
                        SELECT nextval('audit_event_id_seq') AS id, now() AS at
                             , CAST(CAST(:before AS JSONB) AS TEXT) AS before, CAST(CAST(:after AS JSONB) AS TEXT) AS after
                        """)
                .bind("before", before == null ? null : before.toString()).bind("after", after == null ? null : after.toString())
                .map((rs, ctx) -> new AuditChain.Entry(rs.getLong("id"), tenantId, actor, action, subject, rs.getString("before"),
                        rs.getString("after"), rs.getObject("at", OffsetDateTime.class).toInstant()))
                .one();
        handle.createUpdate("""
                        INSERT INTO audit_event (id, tenant_id, actor, action, subject, before, after, at, hash)
                        VALUES (:id, :tenant, :actor, :action, :subject, CAST(:before AS JSONB), CAST(:after AS JSONB), :at, :hash)
                        """)
                .bind("id", fixed.id()).bind("tenant", tenantId).bind("actor", actor).bind("action", action).bind("subject", subject)
                .bind("before", fixed.before()).bind("after", fixed.after()).bind("at", fixed.at().atOffset(ZoneOffset.UTC))
                .bind("hash", AuditChain.hash(previous, fixed))
                .execute();
    }

    /**
     * Records one change per subject inside the caller's transaction (a batch: one action by one actor, no state
     * before), under one lock of the chain and in one insert; the entries join the chain in the order given.
     */
    public void recordAll(Handle handle, long tenantId, String actor, String action, List<String> subjects, List<? extends JsonNode> afters) {
        if (subjects.isEmpty()) {
            return;
        }
        if (!handle.isInTransaction()) {
            handle.useTransaction(h -> recordAll(h, tenantId, actor, action, subjects, afters));
            return;
        }
        handle.execute("SELECT pg_advisory_xact_lock(?)", AuditChain.lockKey(tenantId));
        recordAllLocked(handle, tenantId, actor, action, subjects, afters);
    }

    /** The transaction-scoped advisory lock of the tenant's chain, for a caller that takes it with others in one statement. */
    public static long lockKey(long tenantId) {
        return AuditChain.lockKey(tenantId);
    }

    /**
     * {@link #recordAll} for a caller in a transaction that already holds {@link #lockKey} of the tenant, taken in an
     * earlier statement (the chain's last hash must be read by a later one, whose snapshot sees the previous holder's).
     */
    public void recordAllLocked(Handle handle, long tenantId, String actor, String action, List<String> subjects, List<? extends JsonNode> afters) {
        if (subjects.isEmpty()) {
            return;
        }
        // as in record: the chain's last hash read after the lock, PostgreSQL's text of each value, ids drawn under the lock
        // (in the order given), the transaction's time; one statement
        List<AuditChain.Entry> entries = new ArrayList<>(subjects.size());
        byte[][] last = new byte[1][];
        handle.createQuery("""
                        SELECT (SELECT hash FROM audit_event WHERE tenant_id = :tenant ORDER BY id DESC LIMIT 1) AS previous
                             , nextval('audit_event_id_seq') AS id, now() AS at, CAST(CAST(after AS JSONB) AS TEXT) AS after, n
                          FROM unnest(:afters) WITH ORDINALITY AS a(after, n)
                         ORDER BY n
                        """)
                .bind("tenant", tenantId)
                .bindArray("afters", String.class, afters.stream().map(JsonNode::toString).toList())
                .map((rs, ctx) -> {
                    last[0] = rs.getBytes("previous");
                    return new AuditChain.Entry(rs.getLong("id"), tenantId, actor, action, subjects.get(rs.getInt("n") - 1), null,
                            rs.getString("after"), rs.getObject("at", OffsetDateTime.class).toInstant());
                })
                .forEach(entries::add);
        byte[] previous = last[0];
        entries.sort(java.util.Comparator.comparingLong(AuditChain.Entry::id));
        List<Long> ids = new ArrayList<>(entries.size());
        List<String> subjectsInOrder = new ArrayList<>(entries.size());
        List<String> aftersInOrder = new ArrayList<>(entries.size());
        List<String> hashes = new ArrayList<>(entries.size());
        for (AuditChain.Entry entry : entries) {
            previous = AuditChain.hash(previous, entry);
            ids.add(entry.id());
            subjectsInOrder.add(entry.subject());
            aftersInOrder.add(entry.after());
            hashes.add(java.util.HexFormat.of().formatHex(previous));
        }
        handle.createUpdate("""
                        INSERT INTO audit_event (id, tenant_id, actor, action, subject, before, after, at, hash)
                        SELECT id, :tenant, :actor, :action, subject, NULL, CAST(after AS JSONB), :at, decode(hash, 'hex')
                          FROM unnest(:ids, :subjects, :afters, :hashes) AS e(id, subject, after, hash)
                        """)
                .bind("tenant", tenantId).bind("actor", actor).bind("action", action).bind("at", entries.get(0).at().atOffset(ZoneOffset.UTC))
                .bindArray("ids", Long.class, ids).bindArray("subjects", String.class, subjectsInOrder)
                .bindArray("afters", String.class, aftersInOrder).bindArray("hashes", String.class, hashes)
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
                             , hash
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
                    // the entry's link in the tenant's hash chain: keeping the newest elsewhere anchors the whole chain
                    byte[] hash = rs.getBytes("hash");
                    if (hash != null) {
                        event.put("hash", java.util.HexFormat.of().formatHex(hash));
                    }
                    return event;
                }).list());
        return events;
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? JsonNodeFactory.instance.nullNode() : org.credence.json.JsonFields.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
