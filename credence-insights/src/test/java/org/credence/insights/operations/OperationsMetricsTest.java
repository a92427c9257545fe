package org.credence.insights.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.credence.insights.Count;
import org.credence.insights.Figure;
import org.credence.insights.Provenance;
import org.credence.insights.Scope;
import org.credence.insights.Warning;
import org.junit.jupiter.api.Test;

class OperationsMetricsTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void costAvoidedIsMinutesTimesRateOverSixtyTimesCredentialsAndSaysWhenItUsesTheDefaults() {
        // 10 minutes at 40 an hour is 6.67 a certificate; 300 certificates: 2000
        Figure byDefault = OperationsMetrics.costAvoided(ManualProcessAssumptions.defaults(EUR), Count.of("credentials_issued", 300, "credentials"));
        assertThat(byDefault.value()).isEqualByComparingTo("2000.00");
        assertThat(byDefault.unit()).isEqualTo("EUR");
        assertThat(byDefault.inputs().get("minutes_per_certificate").provenance().setBy()).isEqualTo(Provenance.BUILT_IN_AUTHOR);
        assertThat(byDefault.warnings()).extracting(Warning::message).anySatisfy(m -> assertThat(m).contains("default"));

        Provenance tenant = new Provenance("owner@example.org", Instant.parse("2026-01-01T00:00:00Z"), "timed in January", Scope.tenant("1"));
        Provenance achievement = new Provenance("owner@example.org", Instant.parse("2025-06-01T00:00:00Z"), "exam certificates", Scope.achievement("7"));
        ManualProcessAssumptions set = ManualProcessAssumptions.defaults(EUR).applying(List.of(
                new ManualProcessAssumptions.Override(ManualProcessParameter.MINUTES_PER_CERTIFICATE, BigDecimal.valueOf(25), achievement),
                new ManualProcessAssumptions.Override(ManualProcessParameter.MINUTES_PER_CERTIFICATE, BigDecimal.valueOf(15), tenant),
                new ManualProcessAssumptions.Override(ManualProcessParameter.HOURLY_RATE, BigDecimal.valueOf(52), tenant)));
        // the achievement's edit wins although it is older: 25 × 52 ÷ 60 × 12 = 260
        Figure own = OperationsMetrics.costAvoided(set, Count.of("credentials_issued", 12, "credentials"));
        assertThat(own.value()).isEqualByComparingTo("260.00");
        assertThat(own.warnings()).isEmpty();
    }

    @Test
    void costPerCredentialDividesTheLedgerTotalAndShowsBothInputs() {
        Figure figure = OperationsMetrics.costPer(OperationsDefinitions.COST_PER_CREDENTIAL,
                new OperationsMetrics.Money(new BigDecimal("9300.00"), "EUR"), Count.of("credentials_issued", 400, "credentials"));
        assertThat(figure.value()).isEqualByComparingTo("23.25");
        assertThat(figure.inputs()).containsOnlyKeys("program_cost", "credentials_issued");
        assertThat(figure.warnings()).isEmpty();
        Figure none = OperationsMetrics.costPer(OperationsDefinitions.COST_PER_CREDENTIAL, null, Count.of("credentials_issued", 400, "credentials"));
        assertThat(none.value()).isNull();
        assertThat(none.warnings()).isNotEmpty();
        Figure small = OperationsMetrics.costPer(OperationsDefinitions.COST_PER_RECIPIENT,
                new OperationsMetrics.Money(new BigDecimal("100"), "EUR"), Count.of("recipients", 3, "recipients"));
        assertThat(small.value()).isEqualByComparingTo("33.33");
        assertThat(small.hasSampleWarning()).isTrue();
    }

    @Test
    void aQuantileFigureNamesItsNAndTheCredentialsLeftOut() {
        DurationHistogram h = DurationHistogram.of(Map.of(DurationHistogram.bucket(120_000), 40L));
        Figure figure = OperationsMetrics.quantile(OperationsDefinitions.TIME_TO_ISSUE_MEDIAN, h, 0.5, OperationsMetrics.SECONDS,
                Count.of("credentials_timed", 40, "credentials"), Count.of("credentials_without_request_time", 7, "credentials"));
        assertThat(figure.value().doubleValue()).isBetween(120 * 0.955, 120 * 1.045);
        assertThat(figure.inputs().get("credentials_without_request_time").value()).isEqualByComparingTo("7");
        assertThat(figure.warnings()).extracting(Warning::code).containsExactly(Warning.Code.NOT_MEASURED);
    }

    @Test
    void ticketsPerHundredCredentialsScalesTheRateAndItsInterval() {
        Figure figure = OperationsMetrics.ticketsPer100(Count.of("support_tickets", 30, "tickets"), Count.of("credentials_issued", 1200, "credentials"));
        assertThat(figure.value()).isEqualByComparingTo("2.5");
        assertThat(figure.interval().low()).isLessThan(2.5);
        assertThat(figure.interval().high()).isGreaterThan(2.5);
    }
}
