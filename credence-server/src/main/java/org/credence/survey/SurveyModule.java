package org.credence.survey;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.delivery.Delivery;
import org.credence.delivery.Tokens;
import org.credence.jobs.Jobs;
import org.jdbi.v3.core.Jdbi;

/**
 * Post-completion surveys, wired: the service, its mail (rendered by delivery's worker), the periodic
 * {@link SurveyScan}; {@link SurveyRoutes#register} adds the routes. The scan is the recurring job {@value #SCAN_JOB},
 * run by one Credence process at a time every {@code scanEvery} (none when zero: tests run it themselves).
 */
public final class SurveyModule {
    /** The recurring job that queues due survey invitations and reminders. */
    public static final String SCAN_JOB = "survey-scan";
    private final Surveys surveys;
    private final SurveyScan scan;
    private final URI publicUrl;
    private final SurveyBenefits estimates;
    private final SecureRandom random;

    private SurveyModule(Surveys surveys, SurveyScan scan, SurveyBenefits estimates, URI publicUrl, SecureRandom random) {
        this.estimates = estimates;
        this.surveys = surveys;
        this.scan = scan;
        this.publicUrl = publicUrl;
        this.random = random;
    }

    /** The surveys' participant estimates read from the database alone, for tools that run without a server (the report command). */
    public static org.credence.analytics.SurveyEstimates estimatesOf(Jdbi jdbi) {
        return new SurveyBenefits(jdbi);
    }

    /** The surveys' results of a period as report figures, read from the database alone (the report command builds it too). */
    public static SurveyOutcomes outcomesOf(Jdbi jdbi) {
        return new SurveyOutcomes(jdbi);
    }

    /** Builds surveys, has delivery render their mail and registers the scan job (every {@code scanEvery}; none when zero). */
    public static SurveyModule create(Jdbi jdbi, Achievements achievements, AuditTrail audit, Delivery delivery, URI publicUrl, Jobs jobs,
                                      Duration scanEvery, Clock clock, SecureRandom random) {
        delivery.renderSurveysWith(new SurveyMail(publicUrl, new Tokens(random)));
        SurveyScan scan = new SurveyScan(jdbi, delivery, clock);
        if (!scanEvery.isZero()) {
            jobs.recurring(SCAN_JOB, scanEvery, scan::run);
        }
        return new SurveyModule(new Surveys(jdbi, achievements, audit, delivery, clock), scan, new SurveyBenefits(jdbi), publicUrl, random);
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
}
