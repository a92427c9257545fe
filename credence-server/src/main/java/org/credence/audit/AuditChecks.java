package org.credence.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit page's check of a tenant's hash chain. Each look walks on from where the last one found the chain intact,
 * at most {@link #STEP} entries, and remembers how far it got; so a look costs a bounded step however long the trail,
 * and a trail of millions is covered over successive looks. A break is reported where it is, look after look, until
 * the chain is mended. {@code credence audit verify} walks every chain in one go.
 */
public final class AuditChecks {
    /** Entries walked per look: bounded, so a look stays within the page's budget (docs/app-credentials.md has the numbers). */
    public static final int STEP = 2_000;

    /**
     * What is known of the tenant's chain.
     *
     * @param verifiedTo the id of the last entry found intact (0: none yet)
     * @param entries    how many entries, the first up to {@code verifiedTo}, were found intact
     * @param more       whether newer entries are left for the next look
     * @param broken     the first entry whose hash does not match, if one was found
     */
    public record Status(long verifiedTo, long entries, Instant checkedAt, boolean more, Optional<AuditChain.Break> broken) {}

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;

    public AuditChecks(Jdbi jdbi, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** Walks the tenant's chain one step on from where it was found intact, remembers the progress, and says what is known. */
    public Status check(long tenantId) {
        return jdbi.inTransaction(h -> {
            record Known(long verifiedTo, byte[] hash, long entries) {}
            Known known = h.createQuery("SELECT verified_to, hash, entries FROM audit_chain_check WHERE tenant_id = :tenant")
                    .bind("tenant", tenantId).map((rs, ctx) -> new Known(rs.getLong(1), rs.getBytes(2), rs.getLong(3))).findOne()
                    .orElse(new Known(0, null, 0));
            AuditChain.Step step = AuditChain.walk(h, tenantId, known.verifiedTo(), known.hash(), STEP);
            long entries = known.entries() + step.checked();
            Instant now = clock.instant();
            if (step.checked() > 0) {
                // a concurrent look may have got further: progress only ever moves on
                h.createUpdate("""
                                INSERT INTO audit_chain_check (tenant_id, verified_to, hash, entries, checked_at)
                                VALUES (:tenant, :to, :hash, :entries, :now)
                                ON CONFLICT (tenant_id) DO UPDATE
                                   SET verified_to = EXCLUDED.verified_to, hash = EXCLUDED.hash, entries = EXCLUDED.entries, checked_at = EXCLUDED.checked_at
                                 WHERE audit_chain_check.verified_to < EXCLUDED.verified_to
                                """)
                        .bind("tenant", tenantId).bind("to", step.lastId()).bind("hash", step.lastHash()).bind("entries", entries)
                        .bind("now", Timestamp.from(now)).execute();
            }
            return new Status(step.lastId(), entries, now, step.more(), step.broken());
        });
    }

    /** Forgets the tenant's progress, so the next looks walk its chain again from the first entry; audited as {@code actor}. */
    public void restart(long tenantId, String actor) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM audit_chain_check WHERE tenant_id = :tenant").bind("tenant", tenantId).execute();
            audit.record(h, tenantId, actor, "audit.chain.recheck", "audit:chain", null, null);
        });
    }
}
