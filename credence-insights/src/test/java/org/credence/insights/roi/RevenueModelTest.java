package org.credence.insights.roi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevenueModelTest {

    @Test
    void sums_exam_fees_renewals_and_bundles_per_currency_with_the_average_price() {
        RevenueModel model = RevenueModel.of(List.of(
                new RevenueLine(RevenueKind.EXAM_FEE, 100, new BigDecimal("25000"), "EUR"),
                new RevenueLine(RevenueKind.EXAM_FEE, 20, new BigDecimal("5000"), "EUR"),
                new RevenueLine(RevenueKind.EXAM_FEE, -1, new BigDecimal("-250"), "EUR"),
                new RevenueLine(RevenueKind.RENEWAL, 40, new BigDecimal("4000"), "EUR"),
                new RevenueLine(RevenueKind.BUNDLE, 3, new BigDecimal("900"), "USD")));

        assertThat(model.streams()).hasSize(3);
        RevenueStream exams = model.streams().get(0);
        assertThat(exams.kind()).isEqualTo(RevenueKind.EXAM_FEE);
        assertThat(exams.quantity()).isEqualTo(119);
        assertThat(exams.amount()).isEqualByComparingTo("29750");
        assertThat(exams.averagePrice()).isEqualByComparingTo("250");
        assertThat(model.totals().get("EUR")).isEqualByComparingTo("33750");
        assertThat(model.totals().get("USD")).isEqualByComparingTo("900");
    }

    @Test
    void projects_fee_times_candidates() {
        assertThat(RevenueModel.project(new BigDecimal("250"), 400)).isEqualByComparingTo("100000");
    }
}
