package org.credence.audit;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The check of each tenant's audit hash chain, done by background jobs so that reading the audit page costs one row.
 * Every minute {@link #advanceAll} walks each tenant's entries newer than its verified checkpoint (the id and stored hash
 * of the last entry found intact, table {@code audit_chain_check}), first re-hashing the checkpoint's own entry against
 * the one before it, and moves the checkpoint on or records the first entry that does not hash as stored. A checkpoint
 * only proves that the entries up to it hashed correctly when they were walked: an entry edited later, behind
 * Credence's back, is found by the walk from the first entry ({@link #checkWhole}) that runs once a day per tenant and
 * when someone asks for it on the page. docs/app-credentials.md says what the checkpoint proves and what it does not.
 */
public final class AuditChecks {
    /** The one-time job that walks a tenant's whole chain from its first entry. */
    public static final String WHOLE_TASK = "audit-chain-whole";
    /** The recurring job that moves every tenant's checkpoint on. */
    public static final String ADVANCE_TASK = "audit-chain-advance";
    /** Entries walked per transaction: the walk streams them, and a short transaction holds back no vacuum. */
    static final int STEP = 10_000;
    /** Entries one tenant's checkpoint moves on per run of {@link #advanceAll}, so one busy tenant cannot hold up the rest. */
    static final int PER_RUN = 200_000;
    /** How old the last walk from the first entry may be before {@link #advanceAll} starts another. */
    static final Duration WHOLE_EVERY = Duration.ofDays(1);
    private static final long CHECK_LOCK_BASE = 0x7c3f_0000_0000_0000L;
    /** Newer entries are counted up to here; beyond it the page says "more than". */
    static final int COUNT_LIMIT = 100_000;

    /**
     * What is known of the tenant's chain, read without walking it.
     *
     * @param verifiedTo   the id of the last entry found intact (0: none yet)
     * @param entries      how many entries, the first up to {@code verifiedTo}, were found intact
     * @param checkedAt    when the checkpoint was last moved or confirmed (empty: never)
     * @param wholeAt      when a walk from the first entry last reached the end (empty: never)
     * @param unchecked    how many entries are newer than the checkpoint, counted up to {@link #COUNT_LIMIT}
     * @param wholeQueued  whether a walk of the whole chain is queued or running
     * @param broken       the first entry whose hash did not match at the last check
     */
    public record Status(long verifiedTo, long entries, Optional<Instant> checkedAt, Optional<Instant> wholeAt, long unchecked,
                         boolean wholeQueued, Optional<AuditChain.Break> broken) {
        /** Whether more entries are newer than the checkpoint than were counted. */
        public boolean uncheckedAtLeast() {
            return unchecked >= COUNT_LIMIT;
        }
    }

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;

    public AuditChecks(Jdbi jdbi, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** What is known of the tenant's chain: the stored checkpoint and a bounded count of newer entries; no entry is hashed. */
    public Status status(long tenantId) {
        return jdbi.withHandle(h -> {
            Checkpoint known = checkpoint(h, tenantId);
            long unchecked = h.createQuery("""
                            SELECT count(*) FROM (SELECT 1 FROM audit_event WHERE tenant_id = :tenant AND id > :after ORDER BY id LIMIT :limit) AS newer
                            """).bind("tenant", tenantId).bind("after", known.verifiedTo()).bind("limit", COUNT_LIMIT).mapTo(Long.class).one();
            boolean queued = h.createQuery("SELECT count(*) FROM scheduled_tasks WHERE task_name = :task AND task_instance = :instance")
                    .bind("task", WHOLE_TASK).bind("instance", tenantId + ":whole").mapTo(Integer.class).one() > 0;
            return new Status(known.verifiedTo(), known.entries(), known.checkedAt(), known.wholeAt(), unchecked, queued, known.broken());
        });
    }

    /** Queues a walk of the tenant's whole chain from its first entry (a job, not the request); audited as {@code actor}. */
    public void queueWhole(Handle h, long tenantId, String actor) {
        org.credence.jobs.Jobs.enqueue(h, WHOLE_TASK, tenantId, "whole", clock.instant());
        audit.record(h, tenantId, actor, "audit.chain.recheck", "audit:chain", null, null);
    }

    /** {@link #queueWhole} in a transaction of its own. */
    public void queueWhole(long tenantId, String actor) {
        jdbi.useTransaction(h -> queueWhole(h, tenantId, actor));
    }

    /**
     * The recurring job: for each tenant with entries newer than its checkpoint, or a break on record, walks on from the
     * checkpoint (at most {@link #PER_RUN} entries); a tenant whose last whole walk is older than {@link #WHOLE_EVERY} is
     * walked from its first entry instead.
     */
    public void advanceAll() {
        Instant wholeBefore = clock.instant().minus(WHOLE_EVERY);
        record Due(long tenantId, boolean whole) {}
        List<Due> due = jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.id, (c.whole_checked_at IS NULL OR c.whole_checked_at < :wholeBefore) AS whole
                          FROM tenant t
                          LEFT JOIN audit_chain_check c ON c.tenant_id = t.id
                         WHERE c.broken_id IS NOT NULL
                            OR (c.whole_checked_at IS NULL OR c.whole_checked_at < :wholeBefore)
                               AND EXISTS (SELECT 1 FROM audit_event e WHERE e.tenant_id = t.id)
                            OR EXISTS (SELECT 1 FROM audit_event e WHERE e.tenant_id = t.id AND e.id > coalesce(c.verified_to, 0))
                         ORDER BY t.id
                        """).bind("wholeBefore", Timestamp.from(wholeBefore))
                .map((rs, ctx) -> new Due(rs.getLong(1), rs.getBoolean(2))).list());
        for (Due tenant : due) {
            if (tenant.whole()) {
                checkWhole(tenant.tenantId());
            } else {
                advance(tenant.tenantId(), PER_RUN);
            }
        }
    }

    /**
     * Walks the tenant's chain on from its checkpoint, at most {@code limit} entries, after re-hashing the checkpoint's
     * own entry; moves the checkpoint to the last entry found intact and records the first that is not, or clears a
     * break on record once the chain walks clean past it.
     */
    public Status advance(long tenantId, int limit) {
        alone(tenantId, () -> {
            Checkpoint known = jdbi.withHandle(h -> checkpoint(h, tenantId));
            Optional<AuditChain.Break> anchor = known.verifiedTo() == 0 ? Optional.empty()
                    : jdbi.withHandle(h -> anchorBroken(h, tenantId, known.verifiedTo(), known.hash()));
            if (anchor.isPresent()) {
                // the checkpoint stays where it was (its count still includes the entry now found changed), the break beside it
                store(tenantId, known.verifiedTo(), known.hash(), known.entries(), anchor, false);
            } else {
                walk(tenantId, known.verifiedTo(), known.hash(), known.entries(), limit, false);
            }
        });
        return status(tenantId);
    }

    /** Walks the tenant's whole chain from its first entry to its end, and stores what it found as the checkpoint. */
    public Status checkWhole(long tenantId) {
        alone(tenantId, () -> walk(tenantId, 0, null, 0, Integer.MAX_VALUE, true));
        return status(tenantId);
    }

    /** The session advisory lock a check of the tenant's chain holds while it runs. */
    public static long lockKey(long tenantId) {
        return CHECK_LOCK_BASE + tenantId;
    }

    /**
     * Runs one check of the tenant's chain at a time, across processes (a session lock of its own, not the chain's append
     * lock, so writers never wait): otherwise a step that read the checkpoint before another check found a break could
     * store over that break.
     */
    private void alone(long tenantId, Runnable check) {
        jdbi.useHandle(h -> {
            h.execute("SELECT pg_advisory_lock(?)", lockKey(tenantId));
            try {
                check.run();
            } finally {
                h.execute("SELECT pg_advisory_unlock(?)", lockKey(tenantId));
            }
        });
    }

    /** Walks on in steps of {@link #STEP} entries, each in its own short read (an incremental walk stores progress after each). */
    private void walk(long tenantId, long fromId, byte[] fromHash, long entries, long limit, boolean whole) {
        long lastId = fromId;
        byte[] lastHash = fromHash;
        long walked = 0;
        while (true) {
            long afterId = lastId;
            byte[] previous = lastHash;
            int step = (int) Math.min(STEP, limit - walked);
            AuditChain.Step s = jdbi.withHandle(h -> AuditChain.walk(h, tenantId, afterId, previous, step));
            walked += s.checked();
            entries += s.checked();
            lastId = s.lastId();
            lastHash = s.lastHash();
            boolean end = s.broken().isPresent() || !s.more() || walked >= limit;
            // a whole walk stores only its result, so the page's checkpoint does not fall back to the start while it runs
            if (!whole && s.checked() > 0 || end) {
                store(tenantId, lastId, lastHash, entries, s.broken(), whole && s.broken().isEmpty() && !s.more());
            }
            if (end) {
                return;
            }
        }
    }

    /** The checkpoint's own entry re-hashed from the one before it: a break when it was changed, or removed, since it was walked. */
    private static Optional<AuditChain.Break> anchorBroken(Handle h, long tenantId, long id, byte[] hash) {
        byte[] before = h.createQuery("SELECT hash FROM audit_event WHERE tenant_id = :tenant AND id < :id ORDER BY id DESC LIMIT 1")
                .bind("tenant", tenantId).bind("id", id).mapTo(byte[].class).findFirst().orElse(null);
        AuditChain.Step step = AuditChain.walk(h, tenantId, id - 1, before, 1);
        String expected = HexFormat.of().formatHex(hash);
        if (step.broken().isPresent() && step.broken().get().id() == id) {
            return step.broken();
        }
        if (step.checked() == 0 || step.lastId() != id) {
            return Optional.of(new AuditChain.Break(id, tenantId, expected, "none (the entry the last check ended on is gone)"));
        }
        if (!MessageDigest.isEqual(step.lastHash(), hash)) {
            return Optional.of(new AuditChain.Break(id, tenantId, expected, HexFormat.of().formatHex(step.lastHash())));
        }
        return Optional.empty();
    }

    private void store(long tenantId, long verifiedTo, byte[] hash, long entries, Optional<AuditChain.Break> broken, boolean wholeDone) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO audit_chain_check (tenant_id, verified_to, hash, entries, checked_at, broken_id, broken_expected, broken_found,
                                                       whole_checked_at)
                        VALUES (:tenant, :to, :hash, :entries, :now, :brokenId, :expected, :found, CAST(:wholeAt AS TIMESTAMPTZ))
                        ON CONFLICT (tenant_id) DO UPDATE
                           SET verified_to = EXCLUDED.verified_to, hash = EXCLUDED.hash, entries = EXCLUDED.entries,
                               checked_at = EXCLUDED.checked_at, broken_id = EXCLUDED.broken_id, broken_expected = EXCLUDED.broken_expected,
                               broken_found = EXCLUDED.broken_found,
                               whole_checked_at = coalesce(EXCLUDED.whole_checked_at, audit_chain_check.whole_checked_at)
                        """)
                .bind("tenant", tenantId).bind("to", verifiedTo).bind("hash", hash).bind("entries", entries).bind("now", now)
                .bindByType("brokenId", broken.map(AuditChain.Break::id).orElse(null), Long.class)
                .bind("expected", broken.map(AuditChain.Break::expected).orElse(null))
                .bind("found", broken.map(AuditChain.Break::found).orElse(null))
                .bind("wholeAt", wholeDone ? now : null)
                .execute());
    }

    private record Checkpoint(long verifiedTo, byte[] hash, long entries, Optional<Instant> checkedAt, Optional<Instant> wholeAt,
                              Optional<AuditChain.Break> broken) {}

    private static Checkpoint checkpoint(Handle h, long tenantId) {
        return h.createQuery("""
                        SELECT verified_to, hash, entries, checked_at, whole_checked_at, broken_id, broken_expected, broken_found
                          FROM audit_chain_check WHERE tenant_id = :tenant
                        """)
                .bind("tenant", tenantId)
                .map((rs, ctx) -> {
                    Timestamp whole = rs.getTimestamp("whole_checked_at");
                    long brokenId = rs.getLong("broken_id");
                    Optional<AuditChain.Break> broken = rs.wasNull() ? Optional.empty()
                            : Optional.of(new AuditChain.Break(brokenId, tenantId, rs.getString("broken_expected"), rs.getString("broken_found")));
                    return new Checkpoint(rs.getLong("verified_to"), rs.getBytes("hash"), rs.getLong("entries"),
                            Optional.of(rs.getTimestamp("checked_at").toInstant()), Optional.ofNullable(whole).map(Timestamp::toInstant), broken);
                })
                .findOne()
                .orElse(new Checkpoint(0, null, 0, Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
