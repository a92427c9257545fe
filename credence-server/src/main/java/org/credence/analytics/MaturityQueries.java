package org.credence.analytics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.credence.analytics.outcomes.OutcomeQueries;
import org.credence.insights.maturity.MaturityInputs;
import org.credence.insights.maturity.SourceData;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The counts behind the measurement-maturity tier, every one scoped to the tenant: issuance and
 * sharing from the cohort rollup, assessment-backed credentials, and what each outcome source holds
 * with its import runs' match rate.
 *
 * <p>Assessment-backed: a credential of an achievement of kind {@code certification} that states
 * criteria (from the rollup, per achievement), plus credentials of other achievements that carry a
 * result (a grade) or evidence in the signed document. The second part reads credential documents,
 * so it is skipped when the first already counts one and otherwise stops at {@value #DOCUMENT_SCAN_CAP}:
 * the tier needs only one, and the reason then says "at least".
 */
public final class MaturityQueries {
    /** The most credential documents read for results and evidence on one request. */
    static final int DOCUMENT_SCAN_CAP = 10_000;
    /** The most rows counted per outcome table: beyond it the reason says "at least" (the tier needs 30). */
    static final int ROW_COUNT_CAP = 100_000;

    private final Jdbi jdbi;
    private final LongFunction<String> outcomeVersion;
    /** The outcome sources' counts per tenant and the version of the outcome data they were read at. */
    private final Map<Long, Sources> sources = new ConcurrentHashMap<>();

    private record Sources(String version, SourceData lms, SourceData crm, SourceData hris) {}

    /** Counts read from {@code jdbi}; the outcome sources' counts are kept until {@link OutcomeQueries#fingerprint} changes. */
    public MaturityQueries(Jdbi jdbi) {
        this(jdbi, new OutcomeQueries(jdbi)::fingerprint);
    }

    /**
     * @param outcomeVersion what a tenant's outcome rows depend on (equal values, equal rows): the counts of the LMS, CRM and
     *                       HRIS rows (a capped scan of up to {@link #ROW_COUNT_CAP} rows each, most of a request's time at a
     *                       million rows) are read again only when it changes
     */
    MaturityQueries(Jdbi jdbi, LongFunction<String> outcomeVersion) {
        this.jdbi = jdbi;
        this.outcomeVersion = outcomeVersion;
    }

    /**
     * The inputs, and which counts are lower bounds: the assessment-backed count, and the sources
     * ({@code lms}, {@code crm}, {@code hris}) whose stored rows reached {@link #ROW_COUNT_CAP}.
     */
    public record Counts(MaturityInputs inputs, boolean assessmentCapped, java.util.Set<String> cappedSources) {}

    public Counts counts(long tenantId) {
        return jdbi.withHandle(h -> {
            long[] cohort = h.createQuery("""
                            SELECT COALESCE(SUM(issued), 0) AS issued, COALESCE(SUM(shared), 0) AS shared
                            FROM analytics_cohort WHERE tenant_id = :tenant""")
                    .bind("tenant", tenantId).map((rs, ctx) -> new long[] {rs.getLong("issued"), rs.getLong("shared")}).one();
            long certified = h.createQuery("""
                            SELECT COALESCE(SUM(c.issued), 0) FROM analytics_cohort c
                            JOIN achievement a ON a.id = c.achievement_id AND a.tenant_id = c.tenant_id
                            WHERE c.tenant_id = :tenant AND a.kind = 'certification' AND length(btrim(a.criteria)) > 0""")
                    .bind("tenant", tenantId).mapTo(Long.class).one();
            // with a certification already counted the tier is decided: skip reading documents, say "at least"
            long withResult = certified > 0 ? 0 : h.createQuery("""
                            SELECT count(*) FROM (
                                SELECT 1 FROM credential c JOIN achievement a ON a.id = c.achievement_id AND a.tenant_id = c.tenant_id
                                WHERE c.tenant_id = :tenant AND NOT (a.kind = 'certification' AND length(btrim(a.criteria)) > 0)
                                  AND (c.document -> 'credentialSubject' -> 'result' IS NOT NULL OR c.document -> 'evidence' IS NOT NULL)
                                LIMIT :cap) capped""")
                    .bind("tenant", tenantId).bind("cap", DOCUMENT_SCAN_CAP).mapTo(Long.class).one();
            String version = outcomeVersion.apply(tenantId);
            Sources held = sources.get(tenantId);
            if (held == null || !held.version().equals(version)) {
                // the version is read first: rows written while counting give a new version, so the next read counts again
                held = new Sources(version, source(h, tenantId, "lms_enrolment", List.of("lms_enrolment")),
                        source(h, tenantId, "crm_opportunity", List.of("crm_contact", "crm_opportunity")),
                        source(h, tenantId, "hris_employee", List.of("hris_employee")));
                sources.put(tenantId, held);
            }
            SourceData lms = held.lms();
            SourceData crm = held.crm();
            SourceData hris = held.hris();
            MaturityInputs inputs = new MaturityInputs(cohort[0], cohort[1], certified + withResult, lms, crm, hris);
            java.util.Set<String> capped = new java.util.TreeSet<>();
            if (lms.rows() >= ROW_COUNT_CAP) {
                capped.add("lms");
            }
            if (crm.rows() >= ROW_COUNT_CAP) {
                capped.add("crm");
            }
            if (hris.rows() >= ROW_COUNT_CAP) {
                capped.add("hris");
            }
            return new Counts(inputs, certified > 0 || withResult >= DOCUMENT_SCAN_CAP, capped);
        });
    }

    /** Rows stored in {@code table}, with the match counts summed over the import runs of {@code kinds}. */
    private static SourceData source(Handle h, long tenantId, String table, List<String> kinds) {
        // the table name is one of three constants above, never input; counting stops at the cap
        long rows = h.createQuery("SELECT count(*) FROM (SELECT 1 FROM " + table + " WHERE tenant_id = :tenant LIMIT :cap) AS capped")
                .bind("tenant", tenantId).bind("cap", ROW_COUNT_CAP).mapTo(Long.class).one();
        long[] match = h.createQuery("""
                        SELECT COALESCE(SUM(rows_with_person), 0) AS with_person, COALESCE(SUM(rows_matched), 0) AS matched
                        FROM outcome_import WHERE tenant_id = :tenant AND kind IN (<kinds>)""")
                .bind("tenant", tenantId).bindList("kinds", kinds)
                .map((rs, ctx) -> new long[] {rs.getLong("with_person"), rs.getLong("matched")}).one();
        return new SourceData(rows, match[0], Math.min(match[0], match[1]));
    }
}
