package org.credence.insights.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhillipsRoiTest {

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void the_issue_example_gives_bcr_1_44_and_roi_44_percent() {
        BigDecimal benefit = ParticipantEstimate.adjust(eur("120000"), eur("0.40"), eur("0.75"));
        PhillipsRoi roi = PhillipsRoi.participantEstimate(eur("120000"), eur("0.40"), eur("0.75"), eur("25000"));

        assertThat(benefit).isEqualByComparingTo("36000");
        RoiResult base = roi.result(RoiCase.BASE, false);
        assertThat(base.benefits()).isEqualByComparingTo("36000");
        assertThat(base.benefitCostRatio()).isEqualByComparingTo("1.44");
        assertThat(base.roiPercent()).isEqualByComparingTo("44");
        assertThat(base.netBenefits()).isEqualByComparingTo("11000");
        assertThat(roi.isRoi()).isTrue();
        assertThat(roi.label()).isEqualTo(PhillipsRoi.ROI);
    }

    @Test
    void conservative_and_optimistic_cases_scale_the_benefits_not_the_costs() {
        PhillipsRoi roi = PhillipsRoi.participantEstimate(eur("120000"), eur("0.40"), eur("0.75"), eur("25000"));

        RoiResult conservative = roi.result(RoiCase.CONSERVATIVE, false);
        RoiResult optimistic = roi.result(RoiCase.OPTIMISTIC, false);

        assertThat(conservative.benefits()).isEqualByComparingTo("27000");
        assertThat(conservative.benefitCostRatio()).isEqualByComparingTo("1.08");
        assertThat(conservative.roiPercent()).isEqualByComparingTo("8");
        assertThat(optimistic.benefits()).isEqualByComparingTo("45000");
        assertThat(optimistic.roiPercent()).isEqualByComparingTo("80");
        assertThat(optimistic.costs()).isEqualByComparingTo("25000");
        assertThat(roi.results()).hasSize(3);
    }

    @Test
    void without_an_isolation_method_it_is_a_correlational_indicator_with_no_roi_percent() {
        BenefitLine unisolated = new BenefitLine("revenue from certified partners", eur("50000"), IsolationMethod.NONE,
                BigDecimal.ONE, BigDecimal.ONE, CaseFactors.DEFAULT);
        BenefitLine isolated = new BenefitLine("fewer tickets", eur("10000"), IsolationMethod.COMPARISON_GROUP,
                BigDecimal.ONE, BigDecimal.ONE, CaseFactors.DEFAULT);

        PhillipsRoi roi = PhillipsRoi.of(List.of(unisolated, isolated), eur("25000"), null);

        assertThat(roi.isRoi()).isFalse();
        assertThat(roi.label()).isEqualTo("correlational value indicator — not ROI");
        assertThat(roi.results()).allSatisfy(result -> assertThat(result.roiPercent()).isNull());
        assertThat(roi.result(RoiCase.BASE, false).benefitCostRatio()).isEqualByComparingTo("2.40");
    }

    @Test
    void with_advertising_value_adds_three_more_cases_that_include_it() {
        PhillipsRoi roi = PhillipsRoi.of(List.of(new BenefitLine("benefit", eur("36000"),
                IsolationMethod.BEFORE_AFTER, BigDecimal.ONE, BigDecimal.ONE, CaseFactors.DEFAULT)), eur("25000"),
                eur("4000"));

        assertThat(roi.results()).hasSize(6);
        RoiResult withAdvertising = roi.result(RoiCase.BASE, true);
        assertThat(withAdvertising.withAdvertisingValue()).isTrue();
        assertThat(withAdvertising.benefits()).isEqualByComparingTo("40000");
        assertThat(withAdvertising.benefitCostRatio()).isEqualByComparingTo("1.60");
        assertThat(withAdvertising.roiPercent()).isEqualByComparingTo("60");
    }

    @Test
    void zero_costs_give_no_ratio_and_no_roi() {
        PhillipsRoi roi = PhillipsRoi.participantEstimate(eur("1000"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO);

        assertThat(roi.result(RoiCase.BASE, false).benefitCostRatio()).isNull();
        assertThat(roi.result(RoiCase.BASE, false).roiPercent()).isNull();
    }

    @Test
    void no_benefit_lines_at_all_is_not_roi() {
        assertThat(PhillipsRoi.of(List.of(), eur("100"), null).isRoi()).isFalse();
    }

    @Test
    void refuses_an_attribution_above_one_and_cases_out_of_order() {
        assertThatThrownBy(() -> PhillipsRoi.participantEstimate(eur("1"), eur("40"), eur("0.75"), eur("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attribution");
        assertThatThrownBy(() -> new CaseFactors(eur("1.2"), BigDecimal.ONE, eur("1.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void as_figures_roi_is_a_ratio_and_a_percentage_and_an_indicator_is_one_labelled_ratio() {
        List<org.credence.insights.Figure> roi = PhillipsRoi.participantEstimate(eur("120000"), eur("0.40"), eur("0.75"), eur("25000"))
                .figures(RoiCase.BASE, false, "EUR");
        assertThat(roi).extracting(f -> f.metric().id()).containsExactly("roi.benefit_cost_ratio", "roi.percent");
        assertThat(roi.get(1).value()).isEqualByComparingTo("44");
        assertThat(roi.get(0).inputs().get("fully_loaded_costs").value()).isEqualByComparingTo("25000");

        List<org.credence.insights.Figure> indicator = PhillipsRoi.of(List.of(new BenefitLine("b", eur("1000"), IsolationMethod.NONE,
                BigDecimal.ONE, BigDecimal.ONE, CaseFactors.DEFAULT)), BigDecimal.ZERO, null).figures(RoiCase.BASE, false, "EUR");
        assertThat(indicator).singleElement().satisfies(f -> {
            assertThat(f.metric().caveat()).isEqualTo("correlational value indicator — not ROI");
            assertThat(f.value()).isNull();
            assertThat(f.hasSampleWarning()).isTrue();
        });
    }

    @Test
    void every_roi_metric_is_documented() throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "metrics-roi.md"));
        assertThat(RoiDefinitions.all()).allSatisfy(metric -> assertThat(docs).contains("`" + metric.id() + "`"));
    }
}
