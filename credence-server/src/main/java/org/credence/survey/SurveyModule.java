package org.credence.survey;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.delivery.Delivery;
import org.credence.delivery.Tokens;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Post-completion surveys, wired: the service, its mail (rendered by delivery's worker), the periodic
 * {@link SurveyScan}; {@link SurveyRoutes#register} adds the routes. The scan runs on its own thread every {@code scanEvery} (none when zero:
 * tests run it themselves); issue 14 moves it to the job scheduler.
 */
public final class SurveyModule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SurveyModule.class);
    private final Surveys surveys;
    private final SurveyScan scan;
    private final ScheduledExecutorService executor;
    private final URI publicUrl;
    private final SurveyBenefits estimates;
    private final SecureRandom random;

    private SurveyModule(Surveys surveys, SurveyScan scan, SurveyBenefits estimates, Duration scanEvery, URI publicUrl, SecureRandom random) {
        this.estimates = estimates;
        this.surveys = surveys;
        this.scan = scan;
        this.publicUrl = publicUrl;
        this.random = random;
        if (scanEvery.isZero()) {
            this.executor = null;
        } else {
            this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "credence-surveys");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(this::scanQuietly, scanEvery.toMillis(), scanEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The surveys' participant estimates read from the database alone, for tools that run without a server (the report command). */
    public static org.credence.analytics.SurveyEstimates estimatesOf(Jdbi jdbi) {
        return new SurveyBenefits(jdbi);
    }

    /** The surveys' results of a period as report figures, read from the database alone (the report command builds it too). */
    public static SurveyOutcomes outcomesOf(Jdbi jdbi) {
        return new SurveyOutcomes(jdbi);
    }

    /** Builds surveys and has delivery render their mail. */
    public static SurveyModule create(Jdbi jdbi, Achievements achievements, AuditTrail audit, Delivery delivery, URI publicUrl, Duration scanEvery,
                                      Clock clock, SecureRandom random) {
        delivery.renderSurveysWith(new SurveyMail(publicUrl, new Tokens(random)));
        return new SurveyModule(new Surveys(jdbi, achievements, audit, delivery, clock), new SurveyScan(jdbi, delivery, clock), new SurveyBenefits(jdbi), scanEvery,
                publicUrl, random);
    }

    URI publicUrl() {
        return publicUrl;
    }

    SecureRandom random() {
        return random;
    }

    /** The surveys' participant estimate, for the ROI model's survey-based benefit line. */
    public org.credence.analytics.SurveyEstimates estimates() {
        return estimates;
    }

    public Surveys surveys() {
        return surveys;
    }

    /** The scan, for a test or command that wants due invitations now. */
    public SurveyScan scan() {
        return scan;
    }

    private void scanQuietly() {
        try {
            scan.run();
        } catch (RuntimeException e) {
            // the database may be briefly away; the next run tries again
            LOG.warn("survey scan: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
