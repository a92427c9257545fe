package org.credence.integration;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.Idempotency;
import org.credence.issuance.Issuance;
import org.credence.issuance.IssueCommand;
import org.credence.issuance.IssuedCredential;
import org.credence.jobs.Jobs;
import org.credence.renewal.Renewals;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Completions reported by learning systems: each is stored (one row per tenant, course and learner,
 * committed before it is answered) and, once the course is mapped to an achievement and the learner
 * reached 100 % progress or the achievement's pass mark, issued as a credential. Issuing uses an
 * Idempotency-Key derived from tenant, course and learner, so retries, crashes between storing and
 * issuing, and a course mapped later never make a second credential. A new completion — one completed after the
 * learner's current credential was issued — goes to {@link Renewer}, which renews that credential when it is due.
 */
public final class Completions {
    /** The task that issues a course's waiting completions once the course is mapped. */
    public static final String COURSE_MAPPED_TASK = "completions.course-mapped";
    /** The task that issues completions whose issuing was interrupted (a crash between storing and issuing). */
    public static final String SWEEP_TASK = "completions.sweep";
    /** The longest course id: as {@link CourseAchievements} maps them. */
    public static final int MAX_COURSE_ID = 200;
    private static final BigDecimal FULL = BigDecimal.valueOf(100);
    // a completion waiting this long with a mapped course and a reached mark was interrupted: the sweep issues it
    private static final Duration INTERRUPTED = Duration.ofMinutes(1);
    // learning systems' clocks run a little ahead: this much is taken as "now"
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** One report of a learner's standing in a course, validated by the route that read it. */
    public record Report(String courseId, String email, String name, BigDecimal progress, BigDecimal score, Instant completedAt,
                         String source, UUID statementId) {}

    /** What became of a report. */
    public enum Outcome {
        /** a credential was issued by this report */
        ISSUED,
        /** a new completion renewed the learner's credential, which was due for renewal: the renewal is named */
        RENEWED,
        /** the learner already holds the credential: it is named, nothing new was made */
        REPLAYED,
        /** stored: the course is mapped but the learner has not reached 100 % or the pass mark */
        STORED,
        /** stored: the course is not mapped to an achievement yet; it is issued once it is */
        UNMATCHED,
        /** stored: the course is mapped to an archived achievement; nothing is issued while it stays archived */
        ARCHIVED
    }

    /**
     * A report's outcome, with the credential's id and number when there is one, the number it renews when renewed, and
     * the archived achievement's name when the course is mapped to one.
     */
    public record Result(long completionId, String courseId, Outcome outcome, UUID credentialId, String number, String renews,
                         String archivedAchievement) {}

    /**
     * Renews the current credential of the command's achievement and recipient when it is due, else answers it: the
     * renewal module's rule ({@link Renewals#issueOrRenew}), so "due" is decided in one place.
     */
    @FunctionalInterface
    public interface Renewer {
        Renewals.Outcome issueOrRenew(Caller caller, IssueCommand command);
    }

    /** A stored completion, as the report of completions lists them. */
    public record Stored(long id, String courseId, String email, String name, BigDecimal progress, BigDecimal score, Instant completedAt,
                         String source, Instant receivedAt, Instant updatedAt, Long achievementId, UUID credentialId, String number,
                         boolean archived) {
        /** issued, unmatched (no mapping for its course), archived (mapped to an archived achievement) or waiting (mapped, mark not reached yet). */
        public String state() {
            return credentialId != null ? "issued" : achievementId == null ? "unmatched" : archived ? "archived" : "waiting";
        }
    }

    /** The states {@link #list} filters by. */
    public static final Set<String> STATES = Set.of("issued", "unmatched", "waiting", "archived");

    private final Jdbi jdbi;
    private final Issuance issuance;
    private final Renewer renewer;
    private final Clock clock;
    private volatile Jobs jobs;

    /** @param renewer renews a credential due for renewal when its learner completes the course again */
    public Completions(Jdbi jdbi, Issuance issuance, Renewer renewer, Clock clock) {
        this.jdbi = jdbi;
        this.issuance = issuance;
        this.renewer = renewer;
        this.clock = clock;
    }

    /**
     * Stores the reports in one transaction (committed before this returns), then issues the
     * credential of each that is complete on a mapped course.
     *
     * @throws DomainException.InvalidInput for a completion time far in the future
     */
    public List<Result> receive(Caller caller, List<Report> reports) {
        long tenantId = caller.tenantId();
        Instant now = clock.instant();
        for (Report report : reports) {
            if (report.completedAt() != null && report.completedAt().isAfter(now.plus(CLOCK_SKEW))) {
                throw new DomainException.InvalidInput("completedAt", ErrorText.of("completion.in_future", "completedAt", report.completedAt()));
            }
        }
        // one report is one statement, committed on its own (a single round trip); a batch is one transaction
        List<Row> rows;
        if (reports.size() == 1) {
            Row single = jdbi.withHandle(h -> upsert(h, tenantId, reports.get(0), now));
            rows = List.of(single);
        } else {
            rows = jdbi.inTransaction(h -> {
                List<Row> stored = new ArrayList<>(reports.size());
                for (Report report : reports) {
                    stored.add(upsert(h, tenantId, report, now));
                }
                return stored;
            });
        }
        List<Result> results = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            results.add(row.credentialId() != null ? again(caller, row, reports.get(i))
                    : row.mapped().isEmpty() ? row.result(Outcome.UNMATCHED)
                    : row.mapped().get().archivedName() != null ? row.result(Outcome.ARCHIVED)
                    : !row.mapped().get().reached(row.progress(), row.score()) ? row.result(Outcome.STORED)
                    : issue(caller, row));
        }
        return results;
    }

    /**
     * Registers the jobs: issuing a course's waiting completions once it is mapped (queued by {@link #onMapped()}),
     * and a sweep every minute for completions whose issuing a crash interrupted. Call before the scheduler starts.
     */
    public void schedule(Jobs scheduler) {
        this.jobs = scheduler;
        scheduler.oneTime(COURSE_MAPPED_TASK, Duration.ofDays(1), job -> issueWaiting(job.tenantId(), job.key()));
        scheduler.recurring(SWEEP_TASK, Duration.ofMinutes(1), this::sweep);
    }

    /** What a course mapping starts: a job, committed with the mapping, that issues the completions stored for the course. */
    public CourseAchievements.OnMapped onMapped() {
        return (h, tenantId, courseId) -> {
            Jobs.enqueue(h, COURSE_MAPPED_TASK, tenantId, courseId, clock.instant());
            h.afterCommit(() -> {
                if (jobs != null) {
                    jobs.wake();
                }
            });
        };
    }

    /**
     * Issues every stored completion of the course that has reached its mark and holds no credential yet:
     * after the course is mapped. Returns how many credentials this made.
     */
    public int issueWaiting(long tenantId, String courseId) {
        Optional<Mapped> mapped = jdbi.withHandle(h -> mapped(h, tenantId, courseId));
        if (mapped.isEmpty() || mapped.get().archivedName() != null) {
            return 0;
        }
        List<Row> waiting = jdbi.withHandle(h -> h.createQuery(SELECT_ROW + """
                         WHERE tenant_id = :tenant AND course_id = :course AND credential_id IS NULL
                           AND (progress >= 100 OR score >= CAST(:passMark AS NUMERIC))
                         ORDER BY id""")
                .bind("tenant", tenantId).bind("course", courseId).bind("passMark", mapped.get().passMark())
                .map((rs, ctx) -> row(rs, mapped)).list());
        Caller system = new Caller(tenantId, Set.of("issue"), "completions");
        int issued = 0;
        RuntimeException first = null;
        for (Row row : waiting) {
            try {
                if (issue(system, row).outcome() == Outcome.ISSUED) {
                    issued++;
                }
            } catch (RuntimeException e) {
                // one learner's failure does not hold back the others; the job fails afterwards, to be retried and seen
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return issued;
    }

    /**
     * Issues the completions whose issuing was interrupted: complete on a mapped course, stored a while
     * ago, still without a credential. Returns how many credentials this made.
     */
    public int sweep() {
        List<Object[]> courses = jdbi.withHandle(h -> h.createQuery("""
                        SELECT DISTINCT c.tenant_id, c.course_id FROM completion c
                          JOIN course_achievement m ON m.tenant_id = c.tenant_id AND m.course_id = c.course_id
                          JOIN achievement a ON a.tenant_id = m.tenant_id AND a.id = m.achievement_id
                         WHERE c.credential_id IS NULL AND c.updated_at < :before AND a.archived_at IS NULL
                           AND (c.progress >= 100 OR c.score >= CAST(a.details ->> 'passMark' AS NUMERIC))""")
                .bind("before", Timestamp.from(clock.instant().minus(INTERRUPTED)))
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)}).list());
        int issued = 0;
        for (Object[] course : courses) {
            issued += issueWaiting((Long) course[0], (String) course[1]);
        }
        return issued;
    }

    /** The tenant's stored completions, newest first, in a state (null: all), a page before the id {@code before} (null: the first). */
    public List<Stored> list(long tenantId, String state, Long before, int limit) {
        if (state != null && !STATES.contains(state)) {
            throw new DomainException.InvalidInput("state", ErrorText.of("completion.state_unknown", "state", state));
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.id, c.course_id, c.learner_email, c.learner_name, c.progress, c.score, c.completed_at, c.source,
                               c.received_at, c.updated_at, m.achievement_id, c.credential_id, cr.number, a.archived_at IS NOT NULL AS archived
                          FROM completion c
                          LEFT JOIN course_achievement m ON m.tenant_id = c.tenant_id AND m.course_id = c.course_id
                          LEFT JOIN achievement a ON a.tenant_id = m.tenant_id AND a.id = m.achievement_id
                          LEFT JOIN credential cr ON cr.tenant_id = c.tenant_id AND cr.id = c.credential_id
                         WHERE c.tenant_id = :tenant
                           AND (CAST(:before AS BIGINT) IS NULL OR c.id < :before)
                           AND (CAST(:state AS TEXT) IS NULL
                                OR (:state = 'issued' AND c.credential_id IS NOT NULL)
                                OR (:state = 'unmatched' AND c.credential_id IS NULL AND m.achievement_id IS NULL)
                                OR (:state = 'archived' AND c.credential_id IS NULL AND a.archived_at IS NOT NULL)
                                OR (:state = 'waiting' AND c.credential_id IS NULL AND m.achievement_id IS NOT NULL AND a.archived_at IS NULL))
                         ORDER BY c.id DESC
                         LIMIT :limit""")
                .bind("tenant", tenantId).bind("before", before).bind("state", state).bind("limit", limit)
                .map((rs, ctx) -> new Stored(rs.getLong("id"), rs.getString("course_id"), rs.getString("learner_email"), rs.getString("learner_name"),
                        rs.getBigDecimal("progress"), rs.getBigDecimal("score"), instant(rs.getTimestamp("completed_at")), rs.getString("source"),
                        rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                        (Long) rs.getObject("achievement_id"), rs.getObject("credential_id", UUID.class), rs.getString("number"),
                        rs.getBoolean("archived")))
                .list());
    }

    /** The achievement a course is mapped to, with the achievement's pass mark, and its name when it is archived (else null). */
    private record Mapped(long achievementId, BigDecimal passMark, String archivedName) {
        boolean reached(BigDecimal progress, BigDecimal score) {
            return progress.compareTo(FULL) >= 0 || passMark != null && score != null && score.compareTo(passMark) >= 0;
        }
    }

    /** A stored completion as issuing needs it. */
    private record Row(long id, String courseId, String email, String name, BigDecimal progress, BigDecimal score, Instant completedAt,
                       Instant receivedAt, UUID credentialId, String number, Optional<Mapped> mapped) {
        Result result(Outcome outcome) {
            return new Result(id, courseId, outcome, credentialId, number, null, mapped.map(Mapped::archivedName).orElse(null));
        }
    }

    private static Optional<Mapped> mapped(Handle h, long tenantId, String courseId) {
        return h.createQuery("""
                        SELECT m.achievement_id, CAST(a.details ->> 'passMark' AS NUMERIC) AS pass_mark,
                               CASE WHEN a.archived_at IS NOT NULL THEN a.name END AS archived_name
                          FROM course_achievement m JOIN achievement a ON a.tenant_id = m.tenant_id AND a.id = m.achievement_id
                         WHERE m.tenant_id = :tenant AND m.course_id = :course""")
                .bind("tenant", tenantId).bind("course", courseId)
                .map((rs, ctx) -> new Mapped(rs.getLong("achievement_id"), rs.getBigDecimal("pass_mark"), rs.getString("archived_name"))).findOne();
    }

    private static final String SELECT_ROW = """
            SELECT c.id, c.course_id, c.learner_email, c.learner_name, c.progress, c.score, c.completed_at, c.received_at, c.credential_id,
                   (SELECT number FROM credential cr WHERE cr.tenant_id = c.tenant_id AND cr.id = c.credential_id) AS number
              FROM completion c
            """;

    private static Row upsert(Handle h, long tenantId, Report report, Instant now) {
        // progress and score only rise (a late, stale report does not undo a completion); the completion time is the
        // one reported with the report that completed it, and stays once a credential names it. The course's mapping
        // is read in the same statement.
        return h.createQuery("""
                        WITH m AS (
                          SELECT m.achievement_id, CAST(a.details ->> 'passMark' AS NUMERIC) AS pass_mark,
                                 CASE WHEN a.archived_at IS NOT NULL THEN a.name END AS archived_name
                            FROM course_achievement m JOIN achievement a ON a.tenant_id = m.tenant_id AND a.id = m.achievement_id
                           WHERE m.tenant_id = :tenant AND m.course_id = :course),
                        up AS (
                          INSERT INTO completion AS c (tenant_id, course_id, learner_email_hash, learner_email, learner_name, progress, score,
                                                       completed_at, source, statement_id, received_at, updated_at)
                          VALUES (:tenant, :course, :hash, :email, :name, :progress, :score, :completedAt, :source, CAST(:statement AS UUID), :now, :now)
                          ON CONFLICT (tenant_id, course_id, learner_email_hash) DO UPDATE
                             SET progress = GREATEST(c.progress, EXCLUDED.progress),
                                 score = GREATEST(c.score, EXCLUDED.score),
                                 completed_at = CASE WHEN c.credential_id IS NULL THEN COALESCE(EXCLUDED.completed_at, c.completed_at)
                                                     ELSE c.completed_at END,
                                 learner_name = CASE WHEN c.credential_id IS NULL THEN EXCLUDED.learner_name ELSE c.learner_name END,
                                 statement_id = COALESCE(EXCLUDED.statement_id, c.statement_id),
                                 updated_at = EXCLUDED.updated_at
                          RETURNING c.*)
                        SELECT up.id, up.course_id, up.learner_email, up.learner_name, up.progress, up.score, up.completed_at, up.received_at,
                               up.credential_id, cr.number, m.achievement_id, m.pass_mark, m.archived_name
                          FROM up LEFT JOIN credential cr ON cr.tenant_id = up.tenant_id AND cr.id = up.credential_id
                          LEFT JOIN m ON true""")
                .bind("tenant", tenantId).bind("course", report.courseId()).bind("hash", Issuance.emailHash(report.email()))
                .bind("email", report.email()).bind("name", report.name()).bind("progress", report.progress()).bind("score", report.score())
                .bind("completedAt", report.completedAt() == null ? null : Timestamp.from(report.completedAt()))
                .bind("source", report.source()).bind("statement", report.statementId()).bind("now", Timestamp.from(now))
                .map((rs, ctx) -> {
                    Long achievement = (Long) rs.getObject("achievement_id");
                    return row(rs, achievement == null ? Optional.empty() : Optional.of(new Mapped(achievement, rs.getBigDecimal("pass_mark"),
                            rs.getString("archived_name"))));
                }).one();
    }

    private static Row row(java.sql.ResultSet rs, Optional<Mapped> mapped) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getString("course_id"), rs.getString("learner_email"), rs.getString("learner_name"),
                rs.getBigDecimal("progress"), rs.getBigDecimal("score"), instant(rs.getTimestamp("completed_at")),
                rs.getTimestamp("received_at").toInstant(), rs.getObject("credential_id", UUID.class), rs.getString("number"), mapped);
    }

    /** Issues the row's credential (or finds the one already issued) and links it to the row. */
    private Result issue(Caller caller, Row row) {
        long tenantId = caller.tenantId();
        long achievementId = row.mapped().orElseThrow().achievementId();
        // one key per tenant, course and learner: every retry, sweep or re-mapping names the same credential
        String derived = Issuance.sha256(tenantId + "\n" + row.courseId() + "\n" + Issuance.emailHash(row.email()));
        Idempotency key = new Idempotency("completion:" + derived, derived);
        Instant now = clock.instant();
        Instant completedAt = row.completedAt() == null ? row.receivedAt() : row.completedAt().isAfter(now) ? now : row.completedAt();
        Issuance.Issued issued;
        try {
            issued = issuance.issue(caller, new IssueCommand(achievementId, row.name(), row.email(), null, null, null, List.of(), true, key,
                    completedAt.truncatedTo(ChronoUnit.SECONDS)));
        } catch (DomainException.Conflict heldAlready) {
            // the learner was given this achievement another way (the API, a bulk job): their current credential is theirs,
            // renewed when this completion is a new one and it is due
            IssuedCredential held = current(tenantId, achievementId, row.email()).orElseThrow(() -> heldAlready);
            return renewIfDue(caller, row, achievementId, held, row.completedAt());
        }
        UUID credentialId = issued.credential().id();
        jdbi.useTransaction(h -> link(h, tenantId, row.id(), credentialId));
        return new Result(row.id(), row.courseId(), issued.created() ? Outcome.ISSUED : Outcome.REPLAYED, credentialId, issued.credential().number(),
                null, null);
    }

    /**
     * A report for a learner whose row holds a credential. A new completion — complete by this report's own progress or
     * score, completed after the learner's current credential of the mapped achievement was issued — goes to the renewer,
     * which renews that credential when it is due; anything else (a retry, a stale or partial report) names the current one.
     */
    private Result again(Caller caller, Row row, Report report) {
        if (row.mapped().isEmpty()) {
            return row.result(Outcome.REPLAYED);
        }
        Mapped mapped = row.mapped().get();
        if (mapped.archivedName() != null) {
            // an archived achievement's credentials are not renewed: the report names the one the learner holds
            return row.result(Outcome.REPLAYED);
        }
        Optional<IssuedCredential> current = current(caller.tenantId(), mapped.achievementId(), row.email());
        if (current.isEmpty()) {
            return row.result(Outcome.REPLAYED);
        }
        // a partial report (a stale 60 % after 100 %) is no completion, whatever its time
        return renewIfDue(caller, row, mapped.achievementId(), current.get(),
                mapped.reached(report.progress(), report.score()) ? report.completedAt() : null);
    }

    /** The learner's current credential of the achievement (the newest of its lineage). */
    private Optional<IssuedCredential> current(long tenantId, long achievementId, String email) {
        return jdbi.withHandle(h -> CredentialStore.byRecipient(h, tenantId, achievementId, Issuance.emailHash(email)));
    }

    /**
     * The row's completion, made at {@code completedAt} (null: unknown), is a new one when it is later than the issue of
     * {@code held}, the learner's current credential: then the renewer renews {@code held} if it is due. The row is
     * linked to the credential answered: the renewal, else {@code held}.
     */
    private Result renewIfDue(Caller caller, Row row, long achievementId, IssuedCredential held, Instant completedAt) {
        long tenantId = caller.tenantId();
        IssuedCredential answered = held;
        boolean renewed = false;
        if (completedAt != null && completedAt.isAfter(held.issuedAt())) {
            // one key per completion: the LMS's retries of this report (and a race between them) name the one renewal
            String derived = Issuance.sha256(tenantId + "\n" + row.courseId() + "\n" + Issuance.emailHash(row.email()) + "\n" + completedAt);
            Instant now = clock.instant();
            Renewals.Outcome outcome = renewer.issueOrRenew(caller, new IssueCommand(achievementId, row.name(), row.email(), null, null, null,
                    List.of(), true, new Idempotency("completion-renewal:" + derived, derived),
                    (completedAt.isAfter(now) ? now : completedAt).truncatedTo(ChronoUnit.SECONDS)));
            answered = outcome.credential();
            renewed = outcome.renewed();
        }
        UUID credentialId = answered.id();
        if (renewed) {
            // the row now stands for the new completion and names the renewal
            jdbi.useHandle(h -> h.createUpdate("""
                            UPDATE completion SET credential_id = :credential, completed_at = :completedAt WHERE tenant_id = :tenant AND id = :id""")
                    .bind("credential", credentialId).bind("completedAt", Timestamp.from(completedAt))
                    .bind("tenant", tenantId).bind("id", row.id()).execute());
        } else if (row.credentialId() == null) {
            jdbi.useHandle(h -> link(h, tenantId, row.id(), credentialId));
        }
        return new Result(row.id(), row.courseId(), renewed ? Outcome.RENEWED : Outcome.REPLAYED, credentialId, answered.number(),
                renewed ? held.number() : null, null);
    }

    private static void link(Handle h, long tenantId, long completionId, UUID credentialId) {
        h.createUpdate("UPDATE completion SET credential_id = :credential WHERE tenant_id = :tenant AND id = :id AND credential_id IS NULL")
                .bind("credential", credentialId).bind("tenant", tenantId).bind("id", completionId).execute();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
