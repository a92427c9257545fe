package org.credence.report;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.credence.delivery.Delivery;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports, wired: the board and weekly reports from the analytics services, the weekly
 * mail's renderer plugged into delivery, and a timer running {@link WeeklyReportScan} (until
 * issue 14 moves it to db-scheduler).
 */
public final class ReportModule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReportModule.class);

    private final BoardReports reports;
    private final WeeklySubscriptions subscriptions;
    private final ReportQueries queries;
    private final WeeklyReportScan scan;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    private ReportModule(BoardReports reports, WeeklySubscriptions subscriptions, ReportQueries queries, WeeklyReportScan scan, Clock clock,
                         Duration scanEvery) {
        this.reports = reports;
        this.subscriptions = subscriptions;
        this.queries = queries;
        this.scan = scan;
        this.clock = clock;
        if (scanEvery.isZero()) {
            this.timer = null;
        } else {
            this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "credence-weekly-report");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::scanQuietly, 1, scanEvery.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * @param scanEvery how often the weekly mail scan runs; zero for never (tests run {@link #scan()} themselves)
     */
    public static ReportModule create(Jdbi jdbi, ReportSources sources, Delivery delivery, URI publicUrl, Clock clock, Duration scanEvery) {
        ReportQueries queries = new ReportQueries(jdbi);
        BoardReports reports = reports(queries, sources);
        delivery.renderReportsWith(new WeeklyReportMail(reports, publicUrl, clock));
        return new ReportModule(reports, new WeeklySubscriptions(jdbi), queries, new WeeklyReportScan(jdbi, delivery), clock, scanEvery);
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

    private void scanQuietly() {
        try {
            int queued = scan.run(clock.instant());
            if (queued > 0) {
                LOG.info("weekly report: {} mails queued", queued);
            }
        } catch (RuntimeException e) {
            // the database may be briefly away; the next run tries again
            LOG.warn("weekly report scan: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
