package org.credence.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads a tenant's audit trail for people: pages of it by filter (the audit page) and the entries about a few
 * subjects (a credential's timeline). Every read names its tenant, runs newest first along an index and stops at its
 * LIMIT, so a trail of millions costs a page's worth.
 */
public final class AuditReader {
    /** A page of entries, and the id to continue before when there may be more. */
    public record Page(List<AuditEntry> items, long next) {
        public boolean hasMore() {
            return next > 0;
        }
    }

    private final Jdbi jdbi;

    public AuditReader(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The tenant's entries the query selects, newest first. */
    public Page search(long tenantId, AuditQuery query) {
        StringBuilder where = new StringBuilder("tenant_id = :tenant");
        // only the filters given are in the statement, so the planner picks the one index that serves them
        if (query.actor() != null) {
            where.append(" AND actor = :actor");
        }
        if (query.action() != null) {
            where.append(" AND action = :action");
        }
        if (query.subject() != null) {
            where.append(" AND subject = :subject");
        }
        if (query.from() != null) {
            where.append(" AND at >= :from");
        }
        if (query.to() != null) {
            where.append(" AND at < :to");
        }
        if (query.beforeId() > 0) {
            where.append(" AND id < :before");
        }
        List<AuditEntry> items = jdbi.withHandle(h -> {
            Query q = h.createQuery(SELECT + " WHERE " + where + " ORDER BY id DESC LIMIT :limit")
                    .bind("tenant", tenantId).bind("limit", query.limit());
            if (query.actor() != null) {
                q.bind("actor", query.actor());
            }
            if (query.action() != null) {
                q.bind("action", query.action());
            }
            if (query.subject() != null) {
                q.bind("subject", query.subject());
            }
            if (query.beforeId() > 0) {
                q.bind("before", query.beforeId());
            }
            if (query.from() != null) {
                q.bind("from", query.from().atOffset(java.time.ZoneOffset.UTC));
            }
            if (query.to() != null) {
                q.bind("to", query.to().atOffset(java.time.ZoneOffset.UTC));
            }
            return q.map((rs, ctx) -> entry(rs)).list();
        });
        long next = items.size() < query.limit() ? 0 : items.get(items.size() - 1).id();
        return new Page(items, next);
    }

    /** The newest {@code limit} entries of the tenant about any of {@code subjects} (e.g. {@code credential:<id>}), newest first. */
    public List<AuditEntry> about(long tenantId, List<String> subjects, int limit) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE tenant_id = :tenant AND subject = ANY(:subjects) ORDER BY id DESC LIMIT :limit")
                .bind("tenant", tenantId).bindArray("subjects", String.class, subjects).bind("limit", limit)
                .map((rs, ctx) -> entry(rs)).list());
    }

    /** The distinct actions the tenant's trail holds, for the page's choice of action (a loose index scan: one probe per action). */
    public List<String> actions(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        WITH RECURSIVE a AS (
                            (SELECT action FROM audit_event WHERE tenant_id = :tenant ORDER BY action LIMIT 1)
                            UNION ALL
                            SELECT (SELECT action FROM audit_event WHERE tenant_id = :tenant AND action > a.action ORDER BY action LIMIT 1)
                              FROM a WHERE a.action IS NOT NULL)
                        SELECT action FROM a WHERE action IS NOT NULL LIMIT 200
                        """).bind("tenant", tenantId).mapTo(String.class).list());
    }

    /** The names of the tenant's users among {@code actors} ({@code user:<id>}), by actor. */
    public java.util.Map<String, String> actorNames(long tenantId, List<String> actors) {
        List<Long> ids = actors.stream().filter(a -> a.matches("user:\\d{1,18}")).map(a -> Long.parseLong(a.substring(5))).toList();
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, name, email FROM app_user WHERE tenant_id = :tenant AND id = ANY(:ids)")
                .bind("tenant", tenantId).bindArray("ids", Long.class, ids)
                .map((rs, ctx) -> names.put("user:" + rs.getLong("id"), rs.getString("name") + " <" + rs.getString("email") + ">")).list());
        return names;
    }

    /** The actor a person typed: a user's e-mail address at the tenant stands for {@code user:<id>}; anything else is as typed. */
    public String actorOf(long tenantId, String typed) {
        if (!typed.contains("@")) {
            return typed;
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT 'user:' || id FROM app_user WHERE tenant_id = :tenant AND lower(email) = lower(:email)")
                .bind("tenant", tenantId).bind("email", typed).mapTo(String.class).findOne()).orElse(typed);
    }

    private static final String SELECT = """
            SELECT id, actor, action, subject, CAST(before AS TEXT) AS before, CAST(after AS TEXT) AS after, at, hash
              FROM audit_event""";

    private static AuditEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        byte[] hash = rs.getBytes("hash");
        return new AuditEntry(rs.getLong("id"), rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("before"),
                rs.getString("after"), rs.getObject("at", OffsetDateTime.class).toInstant(), hash == null ? null : HexFormat.of().formatHex(hash));
    }
}
