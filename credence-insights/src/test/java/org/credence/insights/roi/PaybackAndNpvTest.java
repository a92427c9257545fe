package org.credence.insights.roi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.credence.insights.roi.NetPresentValue.Convention;
import org.junit.jupiter.api.Test;

class PaybackAndNpvTest {

    private static final BigDecimal UPFRONT = new BigDecimal("60000");
    private static final BigDecimal MONTHLY = new BigDecimal("5000");
    private static final BigDecimal TEN_PERCENT = new BigDecimal("0.10");

    @Test
    void the_issue_example_pays_back_in_12_months_and_13_discounted() {
        Payback payback = Payback.of(UPFRONT, MONTHLY, TEN_PERCENT);

        assertThat(payback.simpleMonths()).hasValue(12);
        assertThat(payback.discountedMonths()).hasValue(13);
    }

    @Test
    void the_issue_example_has_a_three_year_npv_of_89211_at_the_year_end_convention() {
        assertThat(NetPresentValue.of(UPFRONT, MONTHLY, TEN_PERCENT, 3)).isEqualByComparingTo("89211.12");
    }

    @Test
    void monthly_discounting_gives_the_higher_value_it_documents() {
        assertThat(NetPresentValue.of(UPFRONT, MONTHLY, TEN_PERCENT, 3, Convention.MONTHLY))
                .isEqualByComparingTo("95932.29");
    }

    @Test
    void at_a_zero_rate_npv_is_the_plain_sum_and_both_paybacks_agree() {
        assertThat(NetPresentValue.of(UPFRONT, MONTHLY, BigDecimal.ZERO, 3)).isEqualByComparingTo("120000");
        Payback payback = Payback.of(UPFRONT, MONTHLY, BigDecimal.ZERO);
        assertThat(payback.discountedMonths()).isEqualTo(payback.simpleMonths());
    }

    @Test
    void a_flow_that_never_repays_has_no_payback() {
        assertThat(Payback.of(UPFRONT, BigDecimal.ZERO, TEN_PERCENT).simpleMonths()).isEmpty();
        // 10 a month at 10 % a year is worth at most about 1,260 today: never 60,000
        Payback tiny = Payback.of(UPFRONT, BigDecimal.TEN, TEN_PERCENT);
        assertThat(tiny.discountedMonths()).isEmpty();
        assertThat(tiny.simpleMonths()).isEmpty();
    }

    @Test
    void a_partial_last_year_is_discounted_at_that_years_end() {
        var flows = java.util.Collections.nCopies(18, MONTHLY);

        // 60,000 / 1.1 + 30,000 / 1.21 − 60,000
        assertThat(NetPresentValue.ofFlows(UPFRONT, flows, TEN_PERCENT, Convention.YEAR_END))
                .isEqualByComparingTo("19338.84");
    }
}
