package org.credence.report;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.credence.delivery.Delivery;
import org.credence.jobs.Jobs;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports, wired: the board and weekly reports from the analytics services, the weekly
 * mail's renderer plugged into delivery, and {@link WeeklyReportScan} as the recurring job
 * {@value #SCAN_JOB}, run by one Credence process at a time.
 */
public final class ReportModule {
    /** The recurring job that queues the weekly report mails that are due. */
    public static final String SCAN_JOB = "weekly-report-scan";
    private static final Logger LOG = LoggerFactory.getLogger(ReportModule.class);

    private final BoardReports reports;
    private final WeeklySubscriptions subscriptions;
    private final ReportQueries queries;
    private final WeeklyReportScan scan;
    private final Clock clock;

    private ReportModule(BoardReports reports, WeeklySubscriptions subscriptions, ReportQueries queries, WeeklyReportScan scan, Clock clock) {
        this.reports = reports;
        this.subscriptions = subscriptions;
        this.queries = queries;
        this.scan = scan;
        this.clock = clock;
    }

    /**
     * @param scanEvery how often the weekly mail scan job runs; zero for never (tests run {@link #scan()} themselves)
     */
    public static ReportModule create(Jdbi jdbi, ReportSources sources, Delivery delivery, URI publicUrl, Jobs jobs, Clock clock,
                                      Duration scanEvery) {
        ReportQueries queries = new ReportQueries(jdbi);
        BoardReports reports = reports(queries, sources);
        delivery.renderReportsWith(new WeeklyReportMail(reports, publicUrl, clock));
        ReportModule module = new ReportModule(reports, new WeeklySubscriptions(jdbi), queries, new WeeklyReportScan(jdbi, delivery), clock);
        if (!scanEvery.isZero()) {
            jobs.recurring(SCAN_JOB, scanEvery, module::runScan);
        }
        return module;
    }

    /** The report services alone, for the command line (no mail, no timer). */
    public static BoardReports reports(ReportQueries queries, ReportSources sources) {
        Sections sections = new Sections(sources, queries);
        return new BoardReports(queries, sources.folder()::foldPending, sources.engagement()::simulated, sections.board(), sections.weekly(),
                sections::costVersusReturn, sources.maturity() == null ? null : sources.maturity()::assess);
    }

    public BoardReports reports() {
        return reports;
    }

    public WeeklySubscriptions subscriptions() {
        return subscriptions;
    }

    public ReportQueries queries() {
        return queries;
    }

    /** The weekly mail scan, for tests and commands that run it now. */
    public WeeklyReportScan scan() {
        return scan;
    }

    // a failure is thrown to the scheduler, which records it (GET /api/v1/jobs) and runs the scan again on schedule
    private void runScan() {
        int queued = scan.run(clock.instant());
        if (queued > 0) {
            LOG.info("weekly report: {} mails queued", queued);
        }
    }
}
