package org.credence.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.status.BitstringStatusList;
import org.credence.standards.status.StatusListCredentials;
import org.credence.standards.status.StatusPurpose;
import org.credence.tenant.Tenant;
import org.credence.tenant.TenantKeys;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Each tenant's W3C Bitstring Status Lists. A credential gets one index in a list; the list is
 * published twice, as a revocation list and as a suspension list, both signed by the tenant.
 * The bits are derived from the credentials' states (and those of credentials issued through the
 * W3C VC API with a status entry), so they cannot drift from them.
 */
public final class StatusLists {
    public static final int SIZE = BitstringStatusList.MINIMUM_SIZE;

    /** Where a credential's bit lives. */
    public record Slot(long listId, int index) {}

    private record Signed(long version, ObjectNode credential) {}

    private final Jdbi jdbi;
    private final TenantKeys keys;
    private final EddsaRdfc2022 suite;
    private final Clock clock;
    private final Map<String, Signed> signed = new ConcurrentHashMap<>();

    public StatusLists(Jdbi jdbi, TenantKeys keys, EddsaRdfc2022 suite, Clock clock) {
        this.jdbi = jdbi;
        this.keys = keys;
        this.suite = suite;
        this.clock = clock;
    }

    /**
     * A free index in the tenant's current list, opening a new list when it is full. Indexes are
     * reserved from the database in blocks, in their own short transaction, so concurrent
     * issuances do not queue behind one row lock held until each commits. An index reserved but
     * never used (a lost race, a crash) only leaves an unused bit, which reads as "not revoked".
     */
    public Slot allocate(long tenantId) {
        Reserved block = reserved.computeIfAbsent(tenantId, id -> new Reserved());
        synchronized (block) {
            if (block.next == block.end) {
                Reserved fresh = jdbi.inTransaction(h -> reserve(h, tenantId, BLOCK));
                block.listId = fresh.listId;
                block.next = fresh.next;
                block.end = fresh.end;
            }
            return new Slot(block.listId, block.next++);
        }
    }

    /**
     * {@code count} free indexes at once, for a batch: what this server holds reserved first, then one reservation of
     * the rest (two when the current list fills up), each in its own short transaction as for {@link #allocate(long)}.
     */
    public List<Slot> allocate(long tenantId, int count) {
        List<Slot> slots = new java.util.ArrayList<>(count);
        Reserved block = reserved.computeIfAbsent(tenantId, id -> new Reserved());
        synchronized (block) {
            while (slots.size() < count) {
                if (block.next == block.end) {
                    int wanted = Math.max(BLOCK, count - slots.size());
                    Reserved fresh = jdbi.inTransaction(h -> reserve(h, tenantId, wanted));
                    block.listId = fresh.listId;
                    block.next = fresh.next;
                    block.end = fresh.end;
                }
                slots.add(new Slot(block.listId, block.next++));
            }
        }
        return slots;
    }

    private static final int BLOCK = 32;

    /** Indexes [next, end) of one list, handed out by this server only. */
    private static final class Reserved {
        long listId;
        int next;
        int end;
    }

    private final Map<Long, Reserved> reserved = new ConcurrentHashMap<>();

    private Reserved reserve(Handle h, long tenantId, int size) {
        Optional<Reserved> block = h.createQuery("""
                        WITH current AS (SELECT id, next_index
                                           FROM status_list
                                          WHERE tenant_id = :tenant
                                            AND next_index < size
                                          ORDER BY id
                                          LIMIT 1
                                            FOR UPDATE)
                        UPDATE status_list list
                           SET next_index = least(list.size, current.next_index + :block)
                          FROM current
                         WHERE list.id = current.id
                        RETURNING list.id, current.next_index AS first, list.next_index AS after
                        """).bind("tenant", tenantId).bind("block", size)
                .map((rs, ctx) -> {
                    Reserved r = new Reserved();
                    r.listId = rs.getLong("id");
                    r.next = rs.getInt("first");
                    r.end = rs.getInt("after");
                    return r;
                }).findOne();
        if (block.isPresent()) {
            return block.get();
        }
        h.createUpdate("INSERT INTO status_list (tenant_id, purpose, size, bits) VALUES (:tenant, 'revocation', :size, ''::bytea)")
                .bind("tenant", tenantId).bind("size", SIZE).execute();
        return reserve(h, tenantId, size);
    }

    /** Marks a list changed, so its next fetch is re-signed and gets a new ETag. */
    public void touch(Handle h, long listId) {
        h.createUpdate("UPDATE status_list SET version = version + 1 WHERE id = :id").bind("id", listId).execute();
    }

    public String url(Tenant tenant, long listId, StatusPurpose purpose, java.net.URI publicUrl) {
        return publicUrl + "/status/" + tenant.slug() + "/" + listId + (purpose == StatusPurpose.SUSPENSION ? "/suspension" : "");
    }

    /** The signed status list credential, and its version for the ETag; empty when the list is not the tenant's. */
    public Optional<Map.Entry<Long, ObjectNode>> published(Tenant tenant, long listId, StatusPurpose purpose, java.net.URI publicUrl) {
        Optional<Long> version = jdbi.withHandle(h -> h.createQuery("SELECT version FROM status_list WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.id()).bind("id", listId).mapTo(Long.class).findOne());
        if (version.isEmpty()) {
            return Optional.empty();
        }
        String cacheKey = listId + "/" + purpose;
        Signed cached = signed.get(cacheKey);
        if (cached == null || cached.version() != version.get()) {
            cached = new Signed(version.get(), sign(tenant, listId, purpose, publicUrl));
            signed.put(cacheKey, cached);
        }
        return Optional.of(Map.entry(cached.version(), cached.credential()));
    }

    private ObjectNode sign(Tenant tenant, long listId, StatusPurpose purpose, java.net.URI publicUrl) {
        String state = purpose == StatusPurpose.REVOCATION ? "revoked" : "suspended";
        List<Integer> set = jdbi.withHandle(h -> h.createQuery("""
                        SELECT status_index
                          FROM credential
                         WHERE tenant_id = :tenant
                           AND status_list_id = :list
                           AND state = :state
                        UNION ALL
                        SELECT status_index
                          FROM vc_api_credential
                         WHERE tenant_id = :tenant
                           AND status_list_id = :list
                           AND CASE WHEN :state = 'revoked' THEN revoked ELSE suspended END
                        """).bind("tenant", tenant.id()).bind("list", listId).bind("state", state).mapTo(Integer.class).list());
        BitstringStatusList bits = BitstringStatusList.create(SIZE);
        set.forEach(bits::set);
        ObjectNode unsigned = StatusListCredentials.unsigned(url(tenant, listId, purpose, publicUrl), tenant.did(), purpose, bits,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        TenantKeys.SigningKey key = keys.signingKey(tenant);
        return suite.sign(unsigned, key.keys(), key.verificationMethod(), clock.instant());
    }
}
