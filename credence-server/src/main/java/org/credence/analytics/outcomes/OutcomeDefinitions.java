package org.credence.analytics.outcomes;

import java.util.List;
import org.credence.insights.Evidence;
import org.credence.insights.Formula;
import org.credence.insights.Metric;

/** The completion, retention and business-outcome figures' definitions (docs/metrics.md documents each id). */
final class OutcomeDefinitions {
    private OutcomeDefinitions() {}

    private static final String ASSOCIATION = "an association between holding the credential and the outcome, not its effect";

    static final Metric COMPLETION = new Metric("completion.rate", "Completion rate",
            "Enrolments completed within " + OutcomeQueries.FOLLOW_UP_DAYS + " days of enrolling, of the enrolments made in the period"
                    + " at least " + OutcomeQueries.FOLLOW_UP_DAYS + " days ago.",
            new Formula("proportion", "enrolments completed within " + OutcomeQueries.FOLLOW_UP_DAYS + " days ÷ enrolments"),
            "enrolments", Evidence.DERIVED, null);

    static final Metric RENEWAL = new Metric("retention.renewal_rate", "Renewal rate",
            "Credentials renewed, of those whose renewal window (" + OutcomeQueries.RENEWAL_WINDOW_DAYS
                    + " days before expiry) opened in the period and has opened by today, by expiry quarter. Renewed: renewed in Credence (a successor in its lineage that extends its validity)"
                    + " or an imported renewal revenue line of the same achievement for the same person, booked on or after the issue date; each"
                    + " credential counts once.",
            new Formula("proportion", "credentials renewed ÷ credentials eligible for renewal"), "credentials eligible for renewal",
            Evidence.DERIVED, "an open cohort (expiry still ahead) can still rise");

    static final Metric RE_ENROLMENT = new Metric("retention.re_enrolment_rate", "Re-enrolment rate",
            "People who enrolled in another course within " + OutcomeQueries.FOLLOW_UP_DAYS + " days after their first completion in"
                    + " the period, of those people.",
            new Formula("proportion", "people re-enrolled within " + OutcomeQueries.FOLLOW_UP_DAYS + " days ÷ people who completed"),
            "people who completed a course", Evidence.DERIVED, ASSOCIATION);

    static final Metric REPEAT = new Metric("retention.repeat_earners", "Repeat earners",
            "Recipients who earned a credential in the period and hold two or more different achievements by its end.",
            new Formula("proportion", "recipients holding ≥ 2 achievements ÷ recipients"), "recipients", Evidence.DERIVED, null);

    static final Metric RAMP = new Metric("retention.productive_by_day", "Productive by day " + OutcomeReports.RAMP_HORIZON_DAYS,
            "People who reached the role's productivity milestone within " + OutcomeReports.RAMP_HORIZON_DAYS + " days of hire, of those"
                    + " followed that long or productive sooner.",
            new Formula("proportion", "productive within " + OutcomeReports.RAMP_HORIZON_DAYS + " days ÷ people followed "
                    + OutcomeReports.RAMP_HORIZON_DAYS + " days"), "people followed", Evidence.DERIVED, ASSOCIATION);

    static final Metric ATTRITION = new Metric("retention.attrition", "Attrition",
            "People who left by the horizon, of those employed at the landmark (" + OutcomeQueries.ATTRITION_LANDMARK_MONTHS
                    + " months after hire) and followed to the horizon; earner status is fixed at the landmark.",
            new Formula("proportion", "left after the landmark and by the horizon ÷ employed at the landmark"), "people employed at the landmark",
            Evidence.DERIVED, ASSOCIATION);

    static final Metric WIN_RATE = new Metric("business.win_rate", "Win rate",
            "Opportunities won, of the opportunities created in the period and closed (won or lost).",
            new Formula("proportion", "opportunities won ÷ opportunities closed"), "closed opportunities", Evidence.DERIVED, ASSOCIATION);

    static final Metric REFERRAL_LEADS = new Metric("business.referral_leads", "Leads from credential links",
            "CRM contacts created in the period whose utm_source (or, without UTM values, lead source) is 'credence', the value on every"
                    + " link from a credential page to the program's and issuer's sites.",
            new Formula("count", "contacts with utm_source = credence"), null, Evidence.MEASURED,
            "a lead arriving by other routes after seeing a credential is not counted");

    /** Every definition above, for the test that docs/metrics.md names each id. */
    static List<Metric> all() {
        return List.of(COMPLETION, RENEWAL, RE_ENROLMENT, REPEAT, RAMP, ATTRITION, WIN_RATE, REFERRAL_LEADS);
    }
}
