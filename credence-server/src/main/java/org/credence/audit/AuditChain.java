package org.credence.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The hash chain over the audit trail. One chain per tenant; entries with no tenant (installation
 * administration) form a chain of their own. An entry's hash is
 * {@code SHA-256(previous entry's hash ‖ UTF-8(canonical form))}, with 32 zero bytes before the
 * first entry. The canonical form is the JSON array
 * {@code [id, tenantId|null, actor, action, subject, before|null, after|null, at]}: {@code before}
 * and {@code after} as PostgreSQL prints the stored JSONB, {@code at} as ISO-8601 UTC with
 * PostgreSQL's microseconds ({@link Instant#toString()}). Editing, inserting or deleting a row
 * breaks the hash of that row or of the next one.
 */
public final class AuditChain {
    private static final long LOCK_BASE = 0x7c3e_0000_0000_0000L;
    private static final byte[] GENESIS = new byte[32];

    private AuditChain() {}

    /** One audit entry as hashed. */
    public record Entry(long id, Long tenantId, String actor, String action, String subject, String before, String after, Instant at) {
        /** The exact text hashed for this entry. */
        public String canonical() {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            array.add(id);
            if (tenantId == null) {
                array.addNull();
            } else {
                array.add(tenantId);
            }
            array.add(actor).add(action).add(subject);
            raw(array, before);
            raw(array, after);
            array.add(at.toString());
            return array.toString();
        }

        private static void raw(ArrayNode array, String json) {
            if (json == null) {
                array.addNull();
            } else {
                array.addRawValue(new RawValue(json));
            }
        }
    }

    /** The first entry that does not hash as stored: which row, the hash it should have, the hash it has. */
    public record Break(long id, Long tenantId, String expected, String found) {
        public String describe() {
            return "audit_event row id " + id + " (" + (tenantId == null ? "installation chain" : "tenant " + tenantId)
                    + "): expected hash " + expected + ", found " + found;
        }
    }

    static long lockKey(Long tenantId) {
        return LOCK_BASE + (tenantId == null ? 0 : tenantId);
    }

    static byte[] hash(byte[] previous, Entry entry) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous == null ? GENESIS : previous);
            return sha.digest(entry.canonical().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash of the chain's last entry, or null for an empty chain; call with the chain's lock held. */
    static byte[] lastHash(Handle h, Long tenantId) {
        return h.createQuery("SELECT hash FROM audit_event WHERE " + tenantFilter(tenantId) + " ORDER BY id DESC LIMIT 1")
                .bind("tenant", tenantId).mapTo(byte[].class).findFirst().orElse(null);
    }

    private static String tenantFilter(Long tenantId) {
        return tenantId == null ? "tenant_id IS NULL AND CAST(:tenant AS BIGINT) IS NULL" : "tenant_id = :tenant";
    }

    /**
     * Chains the entries written before the chain existed (hash still null), in id order, each chain
     * under its lock. Runs at start; after the first start there is nothing left to do.
     *
     * @return how many entries were chained
     */
    public static int chainUnchained(Jdbi jdbi) {
        // only rows older than the chain: a newer row without a hash had it removed, and audit verify reports it
        List<Long> tenants = jdbi.withHandle(h -> h.createQuery("""
                        SELECT DISTINCT tenant_id FROM audit_event WHERE hash IS NULL AND id < (SELECT chained_from FROM audit_chain_origin)
                        """).map((rs, ctx) -> rs.getObject(1) == null ? null : rs.getLong(1)).list());
        int chained = 0;
        for (Long tenant : tenants) {
            chained += jdbi.inTransaction(h -> {
                h.execute("SELECT pg_advisory_xact_lock(?)", lockKey(tenant));
                long chainedFrom = h.createQuery("SELECT chained_from FROM audit_chain_origin").mapTo(Long.class).one();
                byte[] previous = null;
                int count = 0;
                for (Stored row : rows(h, tenant)) {
                    if (row.hash() == null && row.entry().id() < chainedFrom) {
                        byte[] hash = hash(previous, row.entry());
                        h.createUpdate("UPDATE audit_event SET hash = :hash WHERE id = :id AND hash IS NULL")
                                .bind("hash", hash).bind("id", row.entry().id()).execute();
                        previous = hash;
                        count++;
                    } else if (row.hash() == null) {
                        break; // a hash removed from a chained row: left for audit verify to report
                    } else {
                        previous = row.hash();
                    }
                }
                return count;
            });
        }
        return chained;
    }

    /** What walking the chains found: how many entries were checked, and the first that broke, if any. */
    public record Walk(long checked, Optional<Break> broken) {}

    /** Walks every chain up to the first entry whose stored hash is not the recomputed one. */
    public static Walk verify(Handle h) {
        long checked = 0;
        long chainedFrom = h.createQuery("SELECT chained_from FROM audit_chain_origin").mapTo(Long.class).one();
        List<Long> tenants = h.createQuery("SELECT DISTINCT tenant_id FROM audit_event ORDER BY tenant_id NULLS FIRST")
                .map((rs, ctx) -> rs.getObject(1) == null ? null : rs.getLong(1)).list();
        for (Long tenant : tenants) {
            byte[] previous = null;
            for (Stored row : rows(h, tenant)) {
                byte[] expected = hash(previous, row.entry());
                checked++;
                if (row.hash() == null || !MessageDigest.isEqual(expected, row.hash())) {
                    return new Walk(checked, Optional.of(new Break(row.entry().id(), tenant, HexFormat.of().formatHex(expected),
                            row.hash() == null ? "none" + (row.entry().id() < chainedFrom ? " (written before the chain existed: start the server once to chain it)" : "")
                            : HexFormat.of().formatHex(row.hash()))));
                }
                previous = row.hash();
            }
        }
        return new Walk(checked, Optional.empty());
    }

    /**
     * What one bounded step along a tenant's chain found.
     *
     * @param lastId   the last entry found intact (the step's start when none was)
     * @param lastHash its stored hash
     * @param checked  how many entries were found intact in this step
     * @param more     whether entries after {@code lastId} were left for the next step
     */
    public record Step(long lastId, byte[] lastHash, long checked, boolean more, Optional<Break> broken) {}

    /**
     * Walks a tenant's chain onward from entry {@code afterId}, whose stored hash is {@code previous} (0 and null: from
     * the first entry), over at most {@code limit} entries, stopping at the first whose stored hash is not the recomputed one.
     * Entries are streamed along the tenant's (tenant_id, id) index, so memory stays flat whatever the step.
     */
    public static Step walk(Handle h, long tenantId, long afterId, byte[] previous, int limit) {
        long[] last = {afterId};
        byte[][] hash = {previous};
        long[] checked = {0};
        Break[] broken = {null};
        try (var rows = h.createQuery("""
                        SELECT id, actor, action, subject, CAST(before AS TEXT) AS before, CAST(after AS TEXT) AS after, at, hash
                          FROM audit_event
                         WHERE tenant_id = :tenant AND id > :after
                         ORDER BY id
                         LIMIT :limit
                        """)
                .bind("tenant", tenantId).bind("after", afterId).bind("limit", limit).setFetchSize(1000)
                .map((rs, ctx) -> new Stored(new Entry(rs.getLong("id"), tenantId, rs.getString("actor"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("before"), rs.getString("after"),
                        rs.getObject("at", OffsetDateTime.class).toInstant()), rs.getBytes("hash")))
                .stream()) {
            var it = rows.iterator();
            while (it.hasNext() && broken[0] == null) {
                Stored row = it.next();
                byte[] expected = hash(hash[0], row.entry());
                if (row.hash() == null || !MessageDigest.isEqual(expected, row.hash())) {
                    broken[0] = new Break(row.entry().id(), tenantId, HexFormat.of().formatHex(expected),
                            row.hash() == null ? "none" : HexFormat.of().formatHex(row.hash()));
                } else {
                    last[0] = row.entry().id();
                    hash[0] = row.hash();
                    checked[0]++;
                }
            }
        }
        return new Step(last[0], hash[0], checked[0], broken[0] == null && checked[0] == limit, Optional.ofNullable(broken[0]));
    }

    private record Stored(Entry entry, byte[] hash) {}

    private static List<Stored> rows(Handle h, Long tenantId) {
        List<Stored> rows = new ArrayList<>();
        h.createQuery("""
                        SELECT id, tenant_id, actor, action, subject, CAST(before AS TEXT) AS before, CAST(after AS TEXT) AS after, at, hash
                          FROM audit_event
                         WHERE %s
                         ORDER BY id
                        """.formatted(tenantFilter(tenantId)))
                .bind("tenant", tenantId)
                .map((rs, ctx) -> new Stored(new Entry(rs.getLong("id"), tenantId, rs.getString("actor"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("before"), rs.getString("after"),
                        rs.getObject("at", OffsetDateTime.class).toInstant()), rs.getBytes("hash")))
                .forEach(rows::add);
        return rows;
    }
}
