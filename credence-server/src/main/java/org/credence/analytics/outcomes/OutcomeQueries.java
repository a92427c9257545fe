package org.credence.analytics.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.credence.insights.survival.LandmarkResult;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The measured counts behind the completion, retention and business-outcome figures (ROI layers 4
 * and 5), read set-based from the V25 outcome tables, the credentials and the V27 view
 * {@code outcome_earning} (what each outcome person earned, erased persons included). Every query
 * is scoped by tenant and groups in the database: no figure loops over rows in Java.
 */
public final class OutcomeQueries {
    /** Days an enrolment is followed for completion, and a completion for re-enrolment: equal windows for every arm. */
    public static final int FOLLOW_UP_DAYS = 180;
    /** Days after the first completion by which a credential makes a learner an earner (credentials follow completion). */
    public static final int EARNER_GRACE_DAYS = 30;
    /** Days after hire at which a new employee's earner status is fixed for time-to-productivity. */
    public static final int RAMP_LANDMARK_DAYS = 30;
    /** Months after hire at which a new employee's earner status is fixed for attrition. */
    public static final int ATTRITION_LANDMARK_MONTHS = 3;
    /** Days before expiry a renewal window opens: a credential is eligible for renewal from then on. */
    public static final int RENEWAL_WINDOW_DAYS = 90;

    private final Jdbi jdbi;

    public OutcomeQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a figure is about: {@code from}..{@code to} (UTC days, both included), optionally one achievement, as of {@code now}. */
    public record Scope(long tenantId, LocalDate from, LocalDate to, OptionalLong achievementId, Instant now) {
        /** Outcomes take longer than engagement to show: without dates, the three years up to today. */
        static final int DEFAULT_YEARS = 3;

        /** The scope of a request without filters: every achievement, the {@link #DEFAULT_YEARS} years up to {@code now}'s day. */
        public static Scope standard(long tenantId, Instant now) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            return new Scope(tenantId, today.minusYears(DEFAULT_YEARS).plusDays(1), today, OptionalLong.empty(), now);
        }

        /** {@link #standard}'s days for one achievement: the filtered view {@link OutcomeWarmer} also keeps warm. */
        public static Scope standard(long tenantId, Instant now, long achievementId) {
            Scope all = standard(tenantId, now);
            return new Scope(tenantId, all.from(), all.to(), OptionalLong.of(achievementId), now);
        }

        /**
         * The scope of a report period ({@code from}..{@code to}) read on {@code today}: as of the end of that day, as the board
         * report reads its outcome figures (and {@link OutcomeWarmer} warms them).
         */
        public static Scope ofReport(long tenantId, LocalDate from, LocalDate to, LocalDate today) {
            return new Scope(tenantId, from, to, OptionalLong.empty(), today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }

        /** Whether this is {@link #standard}'s days, with or without an achievement: the scopes kept warm after every change. */
        boolean isStandard() {
            return to.equals(today()) && from.equals(to.minusYears(DEFAULT_YEARS).plusDays(1));
        }

        Instant start() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Long achievement() {
            return achievementId.isPresent() ? achievementId.getAsLong() : null;
        }

        LocalDate today() {
            return LocalDate.ofInstant(now, ZoneOffset.UTC);
        }
    }

    /**
     * Enrolments of one arm: {@code with} = a course mapped to an achievement, enrolled on or after its launch date (or with no
     * launch date); {@code before} = a mapped course, enrolled before the launch date; {@code without} = an unmapped course.
     *
     * @param achievementId the mapped course's achievement, null for {@code without}
     * @param launchedOn    that achievement's launch date, or null
     */
    public record CompletionArm(Long achievementId, LocalDate launchedOn, String arm, long enrolled, long completed) {}

    /** Renewal counts of one expiry quarter ("2026Q1"). */
    public record RenewalCohort(String cohort, long eligible, long renewed) {}

    /** A two-by-two table: earners with and without the outcome, non-earners with and without it. */
    public record Split(long earners, long earnersWith, long others, long othersWith) {}

    /** Credential holders and those holding two or more distinct achievements. */
    public record Repeat(long recipients, long repeatEarners) {}

    /**
     * Ramp-up times of one role and group, grouped by day: {@code count} people reached productivity (or were censored) after
     * {@code days} days.
     */
    public record RampTime(String role, boolean earner, int days, boolean productive, long count) {}

    /** Opportunities of one currency and group (credential predates the opportunity, or not). */
    public record Pipeline(String currency, boolean credentialed, long opportunities, long open, BigDecimal openAmount, long won,
                           BigDecimal wonAmount, long lost, BigDecimal medianWon) {}

    /** Contacts who arrived by a credential link, by the link's campaign (lower case; null when the contact names none). */
    public record ReferralCampaign(String campaign, long contacts, long withOpportunity, long withWon) {}

    /** Completion counts per arm, for enrolments in the scope's days at least {@link #FOLLOW_UP_DAYS} old. */
    public List<CompletionArm> completion(Scope scope) {
        return jdbi.withHandle(h -> bind(h.createQuery("""
                SELECT ca.achievement_id, p.launched_on,
                       CASE WHEN ca.course_id IS NULL THEN 'without'
                            WHEN p.launched_on IS NULL OR e.enrolled_at >= p.launched_on THEN 'with'
                            ELSE 'before' END AS arm,
                       count(*) AS enrolled,
                       count(*) FILTER (WHERE e.completed_at < e.enrolled_at + make_interval(days => :window)) AS completed
                FROM lms_enrolment e
                LEFT JOIN course_achievement ca ON ca.tenant_id = e.tenant_id AND ca.course_id = e.course_id
                LEFT JOIN achievement_program p ON p.tenant_id = ca.tenant_id AND p.achievement_id = ca.achievement_id
                WHERE e.tenant_id = :tenant AND e.enrolled_at >= :start AND e.enrolled_at < :end
                  AND e.enrolled_at < CAST(:now AS timestamptz) - make_interval(days => :window)
                  AND (CAST(:achievement AS bigint) IS NULL OR ca.course_id IS NULL OR ca.achievement_id = :achievement)
                GROUP BY 1, 2, 3
                ORDER BY 1, 3"""), scope).bind("window", FOLLOW_UP_DAYS)
                .map((rs, ctx) -> new CompletionArm((Long) rs.getObject("achievement_id"), rs.getObject("launched_on", LocalDate.class),
                        rs.getString("arm"), rs.getLong("enrolled"), rs.getLong("completed")))
                .list());
    }

    /**
     * Renewals by expiry quarter: credentials whose renewal window ({@link #RENEWAL_WINDOW_DAYS} days before expiry) opened in
     * the scope's days and by now, and of those the ones
     * renewed — renewed in Credence (its lineage has a successor that extends its validity), or an imported renewal revenue
     * line of the same achievement for the same person, booked on or after the issue date (after it, for a credential that
     * is itself a renewal: the line that paid for it is not a renewal of it). Each credential counts once, by either signal;
     * Credence's own fee lines (source {@code credence}) always come with a lineage renewal and are not counted again. A
     * re-issued copy (its successor has the same expiry: an e-mail change) is not eligible: its re-issue stands for it.
     * An erased person's renewal line is matched through what they earned (outcome_person_earning).
     */
    public List<RenewalCohort> renewals(Scope scope) {
        return jdbi.withHandle(h -> bind(h.createQuery("""
                WITH renewal AS (
                    SELECT r.person_id, r.achievement_id, p.erased_at IS NOT NULL AS erased, coalesce(p.email_hash, x.email_hash) AS email_hash,
                           pe.first_issued_at, min(r.booked_on) AS booked_on
                    FROM revenue_line r
                    JOIN outcome_person p ON p.id = r.person_id AND p.tenant_id = r.tenant_id
                    LEFT JOIN recipient_external_id x ON x.tenant_id = p.tenant_id AND x.external_id = p.external_id
                    LEFT JOIN outcome_person_earning pe ON p.erased_at IS NOT NULL AND pe.tenant_id = p.tenant_id AND pe.person_id = p.id
                                                       AND pe.achievement_id = r.achievement_id
                    WHERE r.tenant_id = :tenant AND r.kind = 'renewal' AND r.achievement_id IS NOT NULL AND r.source <> 'credence'
                    GROUP BY 1, 2, 3, 4, 5),
                eligible AS (
                    SELECT c.achievement_id, c.issued_at, c.expires_at, c.recipient_email_hash, c.renews IS NOT NULL AS is_renewal,
                           n.id IS NOT NULL AND (n.expires_at IS NULL OR n.expires_at > c.expires_at) AS renewed_here
                    FROM credential c
                    LEFT JOIN credential n ON n.tenant_id = c.tenant_id AND n.id = c.superseded_by
                    WHERE c.tenant_id = :tenant
                      AND NOT (n.id IS NOT NULL AND n.expires_at IS NOT DISTINCT FROM c.expires_at)
                      AND c.expires_at >= CAST(:start AS timestamptz) + make_interval(days => :window)
                      AND c.expires_at < CAST(:end AS timestamptz) + make_interval(days => :window)
                      AND c.expires_at <= CAST(:now AS timestamptz) + make_interval(days => :window)
                      AND (CAST(:achievement AS bigint) IS NULL OR c.achievement_id = :achievement)),
                by_hash AS (
                    SELECT to_char(c.expires_at AT TIME ZONE 'UTC', 'YYYY"Q"Q') AS cohort, count(*) AS eligible,
                           count(*) FILTER (WHERE c.renewed_here OR EXISTS (
                               SELECT 1 FROM renewal r WHERE NOT r.erased AND r.achievement_id = c.achievement_id
                                 AND r.email_hash = c.recipient_email_hash
                                 AND r.booked_on >= CAST(c.issued_at AT TIME ZONE 'UTC' AS date)
                                 AND (NOT c.is_renewal OR r.booked_on > CAST(c.issued_at AT TIME ZONE 'UTC' AS date)))) AS renewed
                    FROM eligible c
                    GROUP BY 1),
                -- an erased person's hash is gone: their renewal counts once, in the cohort of a credential of that
                -- achievement issued when they first earned it (every such credential expires the same day)
                by_earning AS (
                    SELECT to_char(x.expires_at AT TIME ZONE 'UTC', 'YYYY"Q"Q') AS cohort, count(*) AS renewed
                    FROM renewal r
                    CROSS JOIN LATERAL (SELECT min(c.expires_at) AS expires_at FROM eligible c
                                        WHERE c.achievement_id = r.achievement_id AND c.issued_at = r.first_issued_at) x
                    WHERE r.erased AND x.expires_at IS NOT NULL AND r.booked_on >= CAST(r.first_issued_at AT TIME ZONE 'UTC' AS date)
                    GROUP BY 1)
                SELECT h.cohort, h.eligible, h.renewed + coalesce(e.renewed, 0) AS renewed
                FROM by_hash h LEFT JOIN by_earning e ON e.cohort = h.cohort
                ORDER BY 1"""), scope).bind("window", RENEWAL_WINDOW_DAYS)
                .map((rs, ctx) -> new RenewalCohort(rs.getString("cohort"), rs.getLong("eligible"), rs.getLong("renewed")))
                .list());
    }

    /**
     * Re-enrolment: people whose first completion falls in the scope's days (at least {@link #FOLLOW_UP_DAYS} ago); with the
     * outcome = enrolled in another course within {@link #FOLLOW_UP_DAYS} days after it; earner = a credential issued by
     * {@link #EARNER_GRACE_DAYS} days after that completion.
     */
    public Split reEnrolment(Scope scope) {
        return jdbi.withHandle(h -> reEnrolment(h, scope, EARNED));
    }

    private static Split reEnrolment(Handle h, Scope scope, String earnedCte) {
        return bind(h.createQuery("""
                WITH first_completion AS (
                    SELECT DISTINCT ON (e.person_id) e.person_id, e.course_id, e.completed_at
                    FROM lms_enrolment e
                    WHERE e.tenant_id = :tenant AND e.person_id IS NOT NULL AND e.completed_at >= :start AND e.completed_at < :end
                      AND e.completed_at < CAST(:now AS timestamptz) - make_interval(days => :window)
                    ORDER BY e.person_id, e.completed_at),
                """ + earnedCte + ",\n" + """
                classified AS (
                    SELECT coalesce(oe.first_issued_at <= f.completed_at + make_interval(days => :grace), false) AS earner,
                           EXISTS (SELECT 1 FROM lms_enrolment n
                                   WHERE n.tenant_id = :tenant AND n.person_id = f.person_id AND n.course_id <> f.course_id
                                     AND n.enrolled_at > f.completed_at
                                     AND n.enrolled_at <= f.completed_at + make_interval(days => :window)) AS outcome
                    FROM first_completion f LEFT JOIN earned oe ON oe.person_id = f.person_id)
                """ + SPLIT), scope).bind("window", FOLLOW_UP_DAYS).bind("grace", EARNER_GRACE_DAYS)
                .map((rs, ctx) -> split(rs)).one();
    }

    /** Recipients who earned a credential (of the achievement, if one is chosen) in the scope's days, and those holding two or more. */
    public Repeat repeatEarners(Scope scope) {
        return jdbi.withHandle(h -> bind(h.createQuery("""
                SELECT count(*) AS recipients, count(*) FILTER (WHERE held >= 2) AS repeat_earners
                FROM (SELECT c.recipient_email_hash, count(DISTINCT c.achievement_id) AS held
                      FROM credential c
                      WHERE c.tenant_id = :tenant AND c.issued_at < :end
                      GROUP BY c.recipient_email_hash
                      HAVING bool_or(c.issued_at >= :start AND (CAST(:achievement AS bigint) IS NULL OR c.achievement_id = :achievement))) s"""),
                scope).map((rs, ctx) -> new Repeat(rs.getLong("recipients"), rs.getLong("repeat_earners"))).one());
    }

    /**
     * Days from hire to the productivity milestone, grouped, for people hired in the scope's days who were still ramping and
     * employed at the landmark ({@link #RAMP_LANDMARK_DAYS} after hire), with earner status fixed there. Someone not yet
     * productive is censored at their termination or today, whichever comes first.
     */
    public List<RampTime> rampTimes(Scope scope) {
        return jdbi.withHandle(h -> rampTimes(h, scope, EARNED));
    }

    private static List<RampTime> rampTimes(Handle h, Scope scope, String earnedCte) {
        return bind(h.createQuery("""
                WITH """ + earnedCte + ",\n" + """
                employee AS (
                    SELECT h.role, h.hired_on, h.productive_on,
                           least(coalesce(h.productive_on, DATE '9999-12-31'), coalesce(h.terminated_on, DATE '9999-12-31'), :today) AS ends_on,
                           coalesce(oe.first_issued_at < CAST(h.hired_on + :landmark + 1 AS timestamp) AT TIME ZONE 'UTC', false) AS earner
                    FROM hris_employee h LEFT JOIN earned oe ON oe.person_id = h.person_id
                    WHERE h.tenant_id = :tenant AND h.hired_on BETWEEN :from AND :to)
                SELECT role, earner, ends_on - hired_on AS days, productive_on IS NOT NULL AND productive_on <= ends_on AS productive, count(*) AS n
                FROM employee
                WHERE ends_on - hired_on >= :landmark
                GROUP BY 1, 2, 3, 4
                ORDER BY 1, 2, 3"""), scope).bind("landmark", RAMP_LANDMARK_DAYS)
                .map((rs, ctx) -> new RampTime(rs.getString("role"), rs.getBoolean("earner"), rs.getInt("days"), rs.getBoolean("productive"),
                        rs.getLong("n")))
                .list();
    }

    /**
     * Attrition by {@code months} after hire, by landmark analysis: people hired in the scope's days and still employed at the
     * landmark ({@link #ATTRITION_LANDMARK_MONTHS} months after hire), earner = a credential issued on or before the landmark
     * date, so a credential earned later cannot move anyone into the earners (no immortal time); left = terminated after the
     * landmark and on or before hire + {@code months}. Only people followed that far (on or before today) count. The rules
     * are {@code Landmark.attrition}'s with horizon {@code months} − landmark, counted in the database.
     */
    public LandmarkResult attrition(Scope scope, int months) {
        return jdbi.withHandle(h -> attrition(h, scope, months, EARNED));
    }

    private static LandmarkResult attrition(Handle h, Scope scope, int months, String earnedCte) {
        return bind(h.createQuery("""
                WITH """ + earnedCte + ",\n" + """
                employee AS (
                    SELECT h.person_id, h.terminated_on, CAST(h.hired_on + make_interval(months => :landmark) AS date) AS landmark_on
                    FROM hris_employee h
                    WHERE h.tenant_id = :tenant AND h.hired_on BETWEEN :from AND :to),
                classified AS (
                    SELECT CASE WHEN landmark_on > :today THEN 'not_yet'
                                WHEN terminated_on IS NOT NULL AND terminated_on <= landmark_on THEN 'left_before'
                                WHEN CAST(landmark_on + make_interval(months => :horizon) AS date) > :today THEN 'incomplete'
                                ELSE 'included' END AS status,
                           coalesce(oe.first_issued_at < CAST(landmark_on + 1 AS timestamp) AT TIME ZONE 'UTC', false) AS earner,
                           terminated_on IS NOT NULL AND terminated_on <= CAST(landmark_on + make_interval(months => :horizon) AS date) AS outcome
                    FROM employee e LEFT JOIN earned oe ON oe.person_id = e.person_id)
                SELECT count(*) FILTER (WHERE status = 'included' AND earner) AS earners,
                       count(*) FILTER (WHERE status = 'included' AND earner AND outcome) AS earners_with,
                       count(*) FILTER (WHERE status = 'included' AND NOT earner) AS others,
                       count(*) FILTER (WHERE status = 'included' AND NOT earner AND outcome) AS others_with,
                       count(*) FILTER (WHERE status = 'not_yet') AS not_yet, count(*) FILTER (WHERE status = 'left_before') AS left_before,
                       count(*) FILTER (WHERE status = 'incomplete') AS incomplete
                FROM classified"""), scope).bind("landmark", ATTRITION_LANDMARK_MONTHS).bind("horizon", months - ATTRITION_LANDMARK_MONTHS)
                .map((rs, ctx) -> new LandmarkResult(ATTRITION_LANDMARK_MONTHS, months - ATTRITION_LANDMARK_MONTHS, rs.getLong("earners_with"),
                        rs.getLong("earners"), rs.getLong("others_with"), rs.getLong("others"), rs.getLong("not_yet"), rs.getLong("left_before"),
                        rs.getLong("incomplete")))
                .one();
    }

    /**
     * Opportunities created in the scope's days by currency, split by whether the contact held a credential (of the achievement,
     * if one is chosen) issued before the opportunity was created. An opportunity without a matched contact is non-credentialed.
     */
    public List<Pipeline> pipeline(Scope scope) {
        return jdbi.withHandle(h -> pipeline(h, scope, EARNED));
    }

    private static List<Pipeline> pipeline(Handle h, Scope scope, String earnedCte) {
        return bind(h.createQuery("""
                WITH """ + earnedCte + ",\n" + """
                opportunity AS (""" + CREDENTIALED_OPPORTUNITY + """
                )
                SELECT currency, credentialed, count(*) AS opportunities,
                       count(*) FILTER (WHERE outcome = 'open') AS open, coalesce(sum(amount) FILTER (WHERE outcome = 'open'), 0) AS open_amount,
                       count(*) FILTER (WHERE outcome = 'won') AS won, coalesce(sum(amount) FILTER (WHERE outcome = 'won'), 0) AS won_amount,
                       count(*) FILTER (WHERE outcome = 'lost') AS lost,
                       -- numeric, not double: the driver reads a double as 2000 in text and as 2000.0 once it prepares the statement (binary)
                       CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY amount) FILTER (WHERE outcome = 'won') AS numeric) AS median_won
                FROM opportunity
                GROUP BY 1, 2
                ORDER BY 1, 2 DESC"""), scope)
                .map((rs, ctx) -> new Pipeline(rs.getString("currency"), rs.getBoolean("credentialed"), rs.getLong("opportunities"),
                        rs.getLong("open"), rs.getBigDecimal("open_amount"), rs.getLong("won"), rs.getBigDecimal("won_amount"),
                        rs.getLong("lost"), rs.getBigDecimal("median_won")))
                .list();
    }

    /**
     * Won amounts of one currency and group, for the deal-size bootstrap: at most {@code limit} of them, a fixed pseudo-random
     * subset (ordered by a hash of the source id) when there are more, so the answer is the same on every read.
     */
    public double[] wonAmounts(Scope scope, String currency, boolean credentialed, int limit) {
        return jdbi.withHandle(h -> wonAmounts(h, scope, currency, credentialed, limit, EARNED));
    }

    private static double[] wonAmounts(Handle h, Scope scope, String currency, boolean credentialed, int limit, String earnedCte) {
        return bind(h.createQuery("""
                WITH """ + earnedCte + ",\n" + """
                opportunity AS (""" + CREDENTIALED_OPPORTUNITY + """
                )
                SELECT amount FROM opportunity
                WHERE outcome = 'won' AND currency = :currency AND credentialed = :credentialed
                ORDER BY md5(source_id)
                LIMIT :limit"""), scope).bind("currency", currency).bind("credentialed", credentialed).bind("limit", limit)
                .mapTo(Double.class).list().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * CRM contacts created in the scope's days who arrived by a link on a credential page: {@code utm_source} (or, when the
     * CRM kept no UTM values, the lead source) is {@code credence}, the value Credence puts on every outgoing credential link.
     */
    public List<ReferralCampaign> referralLeads(Scope scope) {
        return jdbi.withHandle(h -> bind(h.createQuery("""
                SELECT lower(c.utm_campaign) AS campaign, count(*) AS contacts,
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM crm_opportunity o WHERE o.tenant_id = c.tenant_id AND o.source = c.source
                                                        AND o.contact_source_id = c.source_id)) AS with_opportunity,
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM crm_opportunity o WHERE o.tenant_id = c.tenant_id AND o.source = c.source
                                                        AND o.contact_source_id = c.source_id AND o.outcome = 'won')) AS with_won
                FROM crm_contact c
                WHERE c.tenant_id = :tenant AND c.created_at >= :start AND c.created_at < :end
                  AND (lower(c.utm_source) = 'credence' OR (c.utm_source IS NULL AND lower(c.lead_source) = 'credence'))
                GROUP BY 1
                ORDER BY 2 DESC, 1"""), scope)
                .map((rs, ctx) -> new ReferralCampaign(rs.getString("campaign"), rs.getLong("contacts"), rs.getLong("with_opportunity"),
                        rs.getLong("with_won")))
                .list());
    }

    /**
     * Opens a {@link Session} for the answers of one tenant and achievement filter (empty: every achievement). Nothing is read
     * until a query of the session needs "earned"; close it when the answers are computed.
     */
    public Session session(long tenantId, OptionalLong achievementId) {
        return new Session(tenantId, achievementId);
    }

    /**
     * The queries that need each person's first credential ("earned"), on one connection: "earned" is computed once, into a
     * temporary table dropped with the session's transaction, and every query of the session joins that table instead of
     * joining the persons to the credentials again (at a million rows that join is most of each query's time). Answers are
     * the same as the {@link OutcomeQueries} methods of the same name. One thread at a time.
     */
    public final class Session implements AutoCloseable {
        private final long tenantId;
        private final OptionalLong achievementId;
        private Handle handle;

        private Session(long tenantId, OptionalLong achievementId) {
            this.tenantId = tenantId;
            this.achievementId = achievementId;
        }

        /** As {@link OutcomeQueries#reEnrolment}. */
        public Split reEnrolment(Scope scope) {
            return OutcomeQueries.reEnrolment(handle(scope), scope, EARNED_TABLE);
        }

        /** As {@link OutcomeQueries#rampTimes}. */
        public List<RampTime> rampTimes(Scope scope) {
            return OutcomeQueries.rampTimes(handle(scope), scope, EARNED_TABLE);
        }

        /** As {@link OutcomeQueries#attrition}. */
        public LandmarkResult attrition(Scope scope, int months) {
            return OutcomeQueries.attrition(handle(scope), scope, months, EARNED_TABLE);
        }

        /** As {@link OutcomeQueries#pipeline}. */
        public List<Pipeline> pipeline(Scope scope) {
            return OutcomeQueries.pipeline(handle(scope), scope, EARNED_TABLE);
        }

        /** As {@link OutcomeQueries#wonAmounts}. */
        public double[] wonAmounts(Scope scope, String currency, boolean credentialed, int limit) {
            return OutcomeQueries.wonAmounts(handle(scope), scope, currency, credentialed, limit, EARNED_TABLE);
        }

        private Handle handle(Scope scope) {
            if (scope.tenantId() != tenantId || !scope.achievementId().equals(achievementId)) {
                throw new IllegalArgumentException("a session answers one tenant and achievement filter");
            }
            if (handle == null) {
                Handle h = jdbi.open();
                try {
                    h.begin();
                    h.createUpdate("""
                            CREATE TEMPORARY TABLE outcome_earned ON COMMIT DROP AS
                            SELECT person_id, min(first_issued_at) AS first_issued_at FROM outcome_earning
                            WHERE tenant_id = :tenant AND (CAST(:achievement AS bigint) IS NULL OR achievement_id = :achievement)
                            GROUP BY person_id""")
                            .bind("tenant", tenantId).bind("achievement", scope.achievement()).execute();
                    // temporary tables are never auto-analyzed: without statistics the planner guesses its size
                    h.execute("ANALYZE outcome_earned");
                } catch (RuntimeException e) {
                    h.close();
                    throw e;
                }
                handle = h;
            }
            return handle;
        }

        /** Ends the transaction, which drops the temporary table, and returns the connection. */
        @Override
        public void close() {
            if (handle != null) {
                try {
                    handle.rollback();
                } finally {
                    handle.close();
                    handle = null;
                }
            }
        }
    }

    /**
     * What the tenant's outcome figures depend on, cheaply: the latest import, the latest audited change (issuance, erasure,
     * program metadata) and the number of outcome rows the simulator or a test wrote without either. Equal fingerprints, equal figures.
     */
    public String fingerprint(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT coalesce((SELECT max(id) FROM outcome_import WHERE tenant_id = :tenant), 0) || '/'
                    || coalesce((SELECT max(id) FROM audit_event WHERE tenant_id = :tenant), 0) || '/'
                    || (SELECT count(*) FROM outcome_person WHERE tenant_id = :tenant AND erased_at IS NOT NULL)""")
                .bind("tenant", tenantId).mapTo(String.class).one());
    }

    /** Whether the tenant's data is simulated: a simulator-made tenant, or any simulated outcome import. */
    public boolean simulated(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT EXISTS (SELECT 1 FROM simulated_tenant WHERE tenant_id = :tenant)
                    OR EXISTS (SELECT 1 FROM outcome_import WHERE tenant_id = :tenant AND simulated)""")
                .bind("tenant", tenantId).mapTo(Boolean.class).one());
    }

    /** Opportunities in the scope's days with {@code credentialed}: a credential predates the opportunity's creation. */
    private static final String CREDENTIALED_OPPORTUNITY = """
            SELECT o.source_id, o.currency, o.outcome, o.amount, coalesce(oe.first_issued_at < o.created_at, false) AS credentialed
            FROM crm_opportunity o
            LEFT JOIN crm_contact c ON c.tenant_id = o.tenant_id AND c.source = o.source AND c.source_id = o.contact_source_id
            LEFT JOIN earned oe ON oe.person_id = c.person_id
            WHERE o.tenant_id = :tenant AND o.created_at >= :start AND o.created_at < :end""";

    /**
     * Each person's first credential (of the achievement, if one is chosen), computed once per query and hash-joined: "earned
     * before X" is "first credential before X".
     */
    private static final String EARNED = " " + """
            earned AS (
                SELECT person_id, min(first_issued_at) AS first_issued_at FROM outcome_earning
                WHERE tenant_id = :tenant AND (CAST(:achievement AS bigint) IS NULL OR achievement_id = :achievement)
                GROUP BY person_id)""";

    /** {@link #EARNED} as a {@link Session} reads it: from the temporary table it computed once. */
    private static final String EARNED_TABLE = " earned AS (SELECT person_id, first_issued_at FROM pg_temp.outcome_earned)";

    private static final String SPLIT = """
            SELECT count(*) FILTER (WHERE earner) AS earners, count(*) FILTER (WHERE earner AND outcome) AS earners_with,
                   count(*) FILTER (WHERE NOT earner) AS others, count(*) FILTER (WHERE NOT earner AND outcome) AS others_with
            FROM classified""";

    private static Split split(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Split(rs.getLong("earners"), rs.getLong("earners_with"), rs.getLong("others"), rs.getLong("others_with"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Query bind(Query query, Scope scope) {
        // one binder for every query: each reads the subset of these it needs
        query.configure(SqlStatements.class, statements -> statements.setUnusedBindingAllowed(true));
        return query.bind("tenant", scope.tenantId()).bind("start", utc(scope.start())).bind("end", utc(scope.end())).bind("now", utc(scope.now()))
                .bind("from", scope.from()).bind("to", scope.to()).bind("today", scope.today()).bind("achievement", scope.achievement());
    }
}
