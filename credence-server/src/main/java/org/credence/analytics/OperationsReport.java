package org.credence.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.credence.analytics.costs.CostTotals;
import org.credence.analytics.costs.ProgramCostLedger;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.insights.Count;
import org.credence.insights.Figure;
import org.credence.insights.Figures;
import org.credence.insights.Input;
import org.credence.insights.InputSource;
import org.credence.insights.Warning;
import org.credence.insights.operations.DurationHistogram;
import org.credence.insights.operations.ManualProcessAssumptions;
import org.credence.insights.operations.OperationsDefinitions;
import org.credence.insights.operations.OperationsMetrics;
import org.credence.insights.stats.ConfidenceLevel;

/**
 * The operations figures (ROI layer 1) of a tenant for a period: credentials issued, time to issue,
 * delivery, claims, support load and program cost, each with its formula, inputs and sample
 * warnings. Reads rollups only (see {@link OperationsQueries}).
 */
public final class OperationsReport {
    /** The longest period one report covers. */
    static final long MAX_DAYS = 5 * 366;
    /** The longest period shown day by day. */
    static final long MAX_DAILY_DAYS = 731;

    private final OperationsQueries queries;
    private final EngagementQueries engagement;
    private final AnalyticsFolder folder;
    private final ProgramCostLedger ledger;
    private final CostAvoidedAssumptionStore assumptions;

    public OperationsReport(OperationsQueries queries, EngagementQueries engagement, AnalyticsFolder folder, ProgramCostLedger ledger,
                            CostAvoidedAssumptionStore assumptions) {
        this.queries = queries;
        this.engagement = engagement;
        this.folder = folder;
        this.ledger = ledger;
        this.assumptions = assumptions;
    }

    /** One period's row of the series: its counts and its time-to-issue median and 90th percentile (seconds; null without data). */
    public record SeriesRow(LocalDate start, long issued, long claimed, long tickets, long timed, BigDecimal timeToIssueMedian,
                            BigDecimal timeToIssueP90) {}

    /** Everything the operations page and API show. */
    public record View(LocalDate from, LocalDate to, OperationsQueries.Granularity granularity, Long achievementId, boolean simulated,
                       Map<String, Figure> figures, List<SeriesRow> series, CostTotals costs, ManualProcessAssumptions costAvoided,
                       OperationsQueries.Mail mail, Map<String, Long> ticketsByChannel) {}

    /** The figures of [from, to), for one achievement when given. */
    public View view(long tenantId, LocalDate from, LocalDate to, OperationsQueries.Granularity granularity, OptionalLong achievement) {
        check(from, to, granularity);
        folder.foldPending(tenantId); // this tenant's deltas only (operations included): reads of other tenants never wait for it
        List<OperationsQueries.Period> periods = queries.periods(tenantId, from, to, achievement, granularity);
        long issued = periods.stream().mapToLong(OperationsQueries.Period::issued).sum();
        long claimed = periods.stream().mapToLong(OperationsQueries.Period::claimed).sum();
        long tickets = periods.stream().mapToLong(OperationsQueries.Period::tickets).sum();
        DurationHistogram issueTimes = periods.stream().map(OperationsQueries.Period::timeToIssue)
                .reduce(DurationHistogram.of(Map.of()), DurationHistogram::plus);
        DurationHistogram claimLags = queries.histogram(tenantId, "claim_ms", from, to, achievement);
        OperationsQueries.Mail mail = queries.mail(tenantId, from, to, achievement);
        OperationsQueries.Recipients recipients = queries.recipients(tenantId, from, to, achievement, issued);
        CostTotals costs = ledger.total(tenantId, from, to, achievement);
        Currency currency = Currency.getInstance(costs.single().map(CostTotals.CurrencyTotal::currency)
                .orElseGet(() -> ledger.mainCurrency(tenantId).orElse(ProgramCostLedger.DEFAULT_CURRENCY)));
        ManualProcessAssumptions manual = assumptions.effective(tenantId, achievement, currency);

        Count issuedCount = Count.of("credentials_issued", issued, "credentials");
        Count timed = Count.of("credentials_timed", issueTimes.n(), "credentials");
        Count untimed = Count.of("credentials_without_request_time", Math.max(0, issued - issueTimes.n()), "credentials");
        Count claimedCount = Count.of("credentials_claimed", claimed, "credentials");
        Count finished = Count.of("mails_finished", mail.finished(), "credential mails");
        Count recipientCount = Count.of("recipients", recipients.count(), "recipients");
        Count ticketCount = Count.of("support_tickets", tickets, "tickets");
        OperationsMetrics.Money money = costs.single().map(t -> new OperationsMetrics.Money(t.total(), t.currency())).orElse(null);

        Map<String, Figure> figures = new LinkedHashMap<>();
        put(figures, Figures.count(OperationsDefinitions.CREDENTIALS_ISSUED, issuedCount));
        put(figures, OperationsMetrics.recipients(recipientCount, recipients.estimated()));
        put(figures, OperationsMetrics.quantile(OperationsDefinitions.TIME_TO_ISSUE_MEDIAN, issueTimes, 0.5, OperationsMetrics.SECONDS, timed, untimed));
        put(figures, OperationsMetrics.quantile(OperationsDefinitions.TIME_TO_ISSUE_P90, issueTimes, 0.9, OperationsMetrics.SECONDS, timed, untimed));
        put(figures, Figures.proportion(OperationsDefinitions.DELIVERY_SUCCESS, Count.of("mails_sent", mail.sent(), "credential mails"), finished,
                ConfidenceLevel.NINETY_FIVE));
        put(figures, Figures.proportion(OperationsDefinitions.BOUNCE_RATE, Count.of("mails_bounced", mail.bounced(), "credential mails"), finished,
                ConfidenceLevel.NINETY_FIVE));
        put(figures, Figures.proportion(OperationsDefinitions.CLAIM_RATE, claimedCount, issuedCount, ConfidenceLevel.NINETY_FIVE));
        Count unclaimed = Count.of("credentials_unclaimed", Math.max(0, issued - claimed), "credentials");
        Count lagged = Count.of("credentials_claimed", claimLags.n(), "credentials");
        put(figures, OperationsMetrics.quantile(OperationsDefinitions.CLAIM_LAG_MEDIAN, claimLags, 0.5, OperationsMetrics.DAYS, lagged, unclaimed));
        put(figures, OperationsMetrics.quantile(OperationsDefinitions.CLAIM_LAG_P90, claimLags, 0.9, OperationsMetrics.DAYS, lagged, unclaimed));
        put(figures, Figures.count(OperationsDefinitions.SUPPORT_TICKETS, ticketCount));
        put(figures, OperationsMetrics.ticketsPer100(ticketCount, issuedCount));
        put(figures, programCost(costs));
        put(figures, OperationsMetrics.costPer(OperationsDefinitions.COST_PER_CREDENTIAL, money, issuedCount));
        put(figures, OperationsMetrics.costPer(OperationsDefinitions.COST_PER_RECIPIENT, money, recipientCount));
        put(figures, OperationsMetrics.costAvoided(manual, issuedCount));

        List<SeriesRow> series = periods.stream().map(p -> new SeriesRow(p.start(), p.issued(), p.claimed(), p.tickets(), p.timeToIssue().n(),
                seconds(p.timeToIssue(), 0.5), seconds(p.timeToIssue(), 0.9))).toList();
        return new View(from, to, granularity, achievement.isPresent() ? achievement.getAsLong() : null, engagement.simulated(tenantId), figures,
                series, costs, manual, mail, queries.ticketsByChannel(tenantId, from, to));
    }

    /** The program cost of the period as a figure: its total and, as inputs, each category. */
    static Figure programCost(CostTotals costs) {
        if (costs.isEmpty()) {
            return new Figure(OperationsDefinitions.PROGRAM_COST, null, "currency", Map.of(), null,
                    List.of(Warning.of(AnalyticsWarning.NO_COST_LINES)), false);
        }
        if (costs.single().isEmpty()) {
            return new Figure(OperationsDefinitions.PROGRAM_COST, null, "currency", Map.of(), null, List.of(Warning.of(
                    AnalyticsWarning.COSTS_IN_SEVERAL_CURRENCIES, "currencies", costs.byCurrency().size())), false);
        }
        CostTotals.CurrencyTotal total = costs.single().get();
        Map<String, Input> inputs = new LinkedHashMap<>();
        total.byCategory().forEach((category, amount) -> inputs.put(category.id(), new Input(amount, total.currency(), InputSource.MEASURED, null)));
        inputs.put("ledger_lines", Input.measured(total.lines(), "cost lines"));
        return Figure.of(OperationsDefinitions.PROGRAM_COST, total.total(), total.currency(), inputs);
    }

    private static BigDecimal seconds(DurationHistogram histogram, double p) {
        return histogram.quantile(p).map(q -> OperationsMetrics.duration(q.millis(), OperationsMetrics.SECONDS)).orElse(null);
    }

    private static void put(Map<String, Figure> figures, Figure figure) {
        figures.put(figure.metric().id(), figure);
    }

    private static void check(LocalDate from, LocalDate to, OperationsQueries.Granularity granularity) {
        if (!from.isBefore(to)) {
            throw new DomainException.InvalidInput("to", ErrorText.of("operations.period_order", "to", to, "from", from));
        }
        long days = ChronoUnit.DAYS.between(from, to);
        if (days > MAX_DAYS) {
            throw new DomainException.InvalidInput("from", ErrorText.of("operations.period_too_long", "days", days));
        }
        if (granularity == OperationsQueries.Granularity.DAY && days > MAX_DAILY_DAYS) {
            throw new DomainException.InvalidInput("granularity", ErrorText.of("operations.daily_too_long", "days", days));
        }
    }
}
