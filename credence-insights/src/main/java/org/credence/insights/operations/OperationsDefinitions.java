package org.credence.insights.operations;

import java.util.List;
import org.credence.insights.Evidence;
import org.credence.insights.Formula;
import org.credence.insights.Metric;

/** The operations metrics (ROI layer 1) as data; docs/metrics-operations.md explains each. */
public final class OperationsDefinitions {
    private static final String RESOLUTION = "Read from log-spaced buckets (each spans a factor of 1.09): within about ±4.5 % of the "
            + "exact value.";

    public static final Metric CREDENTIALS_ISSUED = new Metric("operations.credentials_issued", "Credentials issued",
            "Credentials issued in the period (by their issue date), revoked ones included.",
            new Formula("count", "credentials with issued_at in the period"), null, Evidence.MEASURED, null);

    public static final Metric RECIPIENTS = new Metric("operations.recipients", "Recipients",
            "Distinct people (by normalised e-mail) who were issued at least one credential in the period.",
            new Formula("distinct count", "distinct recipient e-mail hashes of the credentials issued in the period"), null,
            Evidence.MEASURED, "Counted exactly up to 50,000 credentials in the period; above that, estimated from a HyperLogLog sketch "
                    + "(standard error 4.6 %), with its 95 % interval.");

    public static final Metric TIME_TO_ISSUE_MEDIAN = new Metric("operations.time_to_issue.median", "Time to issue (median)",
            "Half of the credentials were signed within this time of their completion (when the issuing system sent it) or of the "
                    + "request to issue them.",
            new Formula("median", "median of (signed at − completed or requested at) over credentials issued in the period"),
            "credentials issued in the period with a request time", Evidence.MEASURED, RESOLUTION);

    public static final Metric TIME_TO_ISSUE_P90 = new Metric("operations.time_to_issue.p90", "Time to issue (90th percentile)",
            "Nine in ten credentials were signed within this time of their completion or request.",
            new Formula("90th percentile", "nearest-rank 90th percentile of (signed at − completed or requested at)"),
            "credentials issued in the period with a request time", Evidence.MEASURED, RESOLUTION);

    public static final Metric DELIVERY_SUCCESS = new Metric("operations.delivery_success", "Delivery success",
            "The share of credential mails (issued notices and claim links) queued in the period that the mail server accepted.",
            new Formula("proportion", "mails sent ÷ (mails sent + failed + bounced)"), "credential mails that reached a final state",
            Evidence.DERIVED, "Accepted by the receiving server, not necessarily read.");

    public static final Metric BOUNCE_RATE = new Metric("operations.bounce_rate", "Bounce rate",
            "The share of credential mails queued in the period that bounced (refused for good by the receiving server).",
            new Formula("proportion", "mails bounced ÷ (mails sent + failed + bounced)"), "credential mails that reached a final state",
            Evidence.DERIVED, null);

    public static final Metric CLAIM_RATE = new Metric("operations.claim_rate", "Claimed",
            "The share of credentials issued in the period that their recipients have claimed so far.",
            new Formula("proportion", "credentials claimed ÷ credentials issued"), "credentials issued in the period",
            Evidence.DERIVED, "Recent credentials have had less time to be claimed.");

    public static final Metric CLAIM_LAG_MEDIAN = new Metric("operations.claim_lag.median", "Claim lag (median)",
            "Half of the claimed credentials issued in the period were claimed within this many days of issue.",
            new Formula("median", "median of (claimed at − issued at) over claimed credentials issued in the period"),
            "claimed credentials issued in the period", Evidence.MEASURED,
            RESOLUTION + " Unclaimed credentials are not in it: see the claim rate.");

    public static final Metric CLAIM_LAG_P90 = new Metric("operations.claim_lag.p90", "Claim lag (90th percentile)",
            "Nine in ten claimed credentials issued in the period were claimed within this many days of issue.",
            new Formula("90th percentile", "nearest-rank 90th percentile of (claimed at − issued at)"),
            "claimed credentials issued in the period", Evidence.MEASURED, RESOLUTION);

    public static final Metric SUPPORT_TICKETS = new Metric("operations.support_tickets", "Support tickets",
            "Support tickets about credentials in the period, as entered or imported per day and channel.",
            new Formula("sum", "Σ tickets per day and channel in the period"), null, Evidence.MEASURED,
            "Typed in or imported, not counted by Credence.");

    public static final Metric TICKETS_PER_100 = new Metric("operations.tickets_per_100_credentials", "Tickets per 100 credentials",
            "Support tickets in the period for every 100 credentials issued in it.",
            new Formula("rate", "support tickets ÷ credentials issued × 100"), "credentials issued in the period", Evidence.DERIVED, null);

    public static final Metric PROGRAM_COST = new Metric("operations.program_cost", "Program cost",
            "The fully loaded cost of the program in the period from the cost ledger: every current, unvoided line, a cost spread "
                    + "over several days counted with the share of its days in the period.",
            new Formula("sum", "Σ ledger lines × (days of the line in the period ÷ days of the line)"), null, Evidence.MEASURED,
            "Entered in the ledger by people; as complete as the ledger is.");

    public static final Metric COST_PER_CREDENTIAL = new Metric("operations.cost_per_credential", "Cost per credential",
            "The program cost of the period divided by the credentials issued in it.",
            new Formula("ratio", "program cost ÷ credentials issued"), "credentials issued in the period", Evidence.DERIVED, null);

    public static final Metric COST_PER_RECIPIENT = new Metric("operations.cost_per_recipient", "Cost per recipient",
            "The program cost of the period divided by the distinct recipients of the credentials issued in it.",
            new Formula("ratio", "program cost ÷ distinct recipients"), "distinct recipients in the period", Evidence.DERIVED, null);

    public static final Metric COST_AVOIDED = new Metric("operations.cost_avoided", "Cost avoided",
            "What producing the period's credentials by hand as PDF certificates would have cost in staff time.",
            new Formula("cost avoided", "minutes per certificate × hourly rate ÷ 60 × credentials issued"), null, Evidence.ESTIMATED,
            "An estimate from two assumptions about the manual process; not money received.");

    private OperationsDefinitions() {
    }

    /** Every operations metric. */
    public static List<Metric> all() {
        return List.of(CREDENTIALS_ISSUED, RECIPIENTS, TIME_TO_ISSUE_MEDIAN, TIME_TO_ISSUE_P90, DELIVERY_SUCCESS, BOUNCE_RATE, CLAIM_RATE,
                CLAIM_LAG_MEDIAN, CLAIM_LAG_P90, SUPPORT_TICKETS, TICKETS_PER_100, PROGRAM_COST, COST_PER_CREDENTIAL, COST_PER_RECIPIENT,
                COST_AVOIDED);
    }
}
