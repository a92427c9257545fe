package org.credence.analytics;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The engagement dashboard's reports ({@code /app/analytics}) per tenant, dates, achievement and day, kept while the data they
 * were computed from is unchanged, as {@link org.credence.analytics.outcomes.OutcomeReports} keeps its answers: each entry holds
 * the fingerprint of the tenant's data when it was computed, and a reader whose fingerprint differs computes afresh. The
 * fingerprint is the tenant's rollup version (counted up by every fold that changed its rollups, V50) and its latest audited
 * change (marketing assumptions, achievement names, a recipient's tracking choice, revocations). Twelve months of rollups of a
 * 1.46-million-credential tenant took 140 ms to compute per read; a kept answer costs the one fingerprint query.
 *
 * <p>Callers fold the tenant's pending deltas first ({@link AnalyticsFolder#foldPending(long)}), so the fingerprint covers every
 * delta committed before the read. The fingerprint is read before the figures: an answer may be newer than its fingerprint,
 * never older.
 */
public final class DashboardAnswers {
    private static final int CACHE_SIZE = 256;

    /** The reports and the fingerprint of the data they were computed from. */
    private record Cached(String fingerprint, Map<String, Report> reports) {}

    private final Jdbi jdbi;
    private final AnalyticsReports reports;
    private final Map<String, Cached> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    public DashboardAnswers(Jdbi jdbi, AnalyticsReports reports) {
        this.jdbi = jdbi;
        this.reports = reports;
    }

    /**
     * Every report the dashboard shows, by name, for the filter as of {@code today}: the kept ones when the tenant's data is
     * unchanged since they were computed, otherwise {@link #computed}'s (then kept). The map is unmodifiable; readers must not
     * change its reports.
     */
    public Map<String, Report> reports(long tenantId, AnalyticsFilter filter, LocalDate today) {
        String key = tenantId + "|" + filter.from() + "|" + filter.to() + "|" + filter.achievementId() + "|" + today;
        String fingerprint = fingerprint(tenantId);
        Cached hit = cache.get(key);
        if (hit != null && hit.fingerprint().equals(fingerprint)) {
            return hit.reports();
        }
        Map<String, Report> computed = Collections.unmodifiableMap(computed(tenantId, filter, today));
        cache.put(key, new Cached(fingerprint, computed));
        return computed;
    }

    /** Every report the dashboard shows, computed from the rollups now (no cache). */
    public Map<String, Report> computed(long tenantId, AnalyticsFilter filter, LocalDate today) {
        Map<String, Report> all = new LinkedHashMap<>();
        for (String name : DashboardPage.EXPORTS.values()) {
            all.computeIfAbsent(name, n -> DashboardRoutes.report(reports, n, tenantId, filter, today));
        }
        return all;
    }

    /** The tenant's rollup version and latest audit event: equal fingerprints, equal figures. */
    public String fingerprint(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT coalesce((SELECT version FROM analytics_version WHERE tenant_id = :tenant), 0) || '/'
                    || coalesce((SELECT max(id) FROM audit_event WHERE tenant_id = :tenant), 0)""")
                .bind("tenant", tenantId).mapTo(String.class).one());
    }
}
