package org.credence.insights.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.credence.insights.Evidence;
import org.credence.insights.InputSource;
import org.junit.jupiter.api.Test;

class WhatIfTest {

    /**
     * The worked example of the five-layer credentialing ROI framework (TRUE; seed 000, and the
     * product brief): 1,000 recipients × 30 % × 200 impressions per share ÷ 1,000 × 5 = 300.
     */
    @Test
    void the_seed_example_gives_60000_impressions_and_300() {
        WhatIf result = MarketingValue.whatIf(1000, new BigDecimal("0.30"), BigDecimal.valueOf(200), BigDecimal.valueOf(5));

        assertThat(result.shares().value()).isEqualTo(new BigDecimal("300"));
        assertThat(result.impressions().value()).isEqualTo(new BigDecimal("60000"));
        assertThat(result.equivalentMediaValue().value()).isEqualTo(new BigDecimal("300.00"));
        assertThat(result.equivalentMediaValue().unit()).isEqualTo("USD");
        assertThat(result.equivalentMediaValue().metric().caveat()).startsWith("Advertising-equivalent value (not revenue)");
        assertThat(result.equivalentMediaValue().metric().evidence()).isEqualTo(Evidence.ESTIMATED);
    }

    /** The same article scales it: 50,000 recipients "produces 3 million impressions and €15,000". */
    @Test
    void the_seed_scaled_example_gives_three_million_impressions_and_15000_euro() {
        WhatIf result = MarketingValue.whatIf(50_000, new BigDecimal("0.30"), BigDecimal.valueOf(200),
                BigDecimal.valueOf(5), Currency.getInstance("EUR"));

        assertThat(result.impressions().value()).isEqualTo(new BigDecimal("3000000"));
        assertThat(result.equivalentMediaValue().value()).isEqualTo(new BigDecimal("15000.00"));
        assertThat(result.equivalentMediaValue().unit()).isEqualTo("EUR");
    }

    @Test
    void every_input_is_shown_as_typed_in() {
        WhatIf result = MarketingValue.whatIf(1000, new BigDecimal("0.30"), BigDecimal.valueOf(200), BigDecimal.valueOf(5));

        assertThat(result.equivalentMediaValue().inputs().keySet())
                .containsExactly("recipients", "share_rate", "impressions_per_share", "cpm");
        assertThat(result.equivalentMediaValue().inputs().values())
                .allMatch(input -> input.source() == InputSource.ASSUMED && input.provenance() == null);
        assertThat(result.equivalentMediaValue().inputs().get("cpm").unit()).isEqualTo("USD per 1000 impressions");
        assertThat(result.shares().inputs().keySet()).containsExactly("recipients", "share_rate");
    }

    @Test
    void fractional_shares_are_kept_and_money_is_rounded_half_even_to_the_cent() {
        // 333 × 0.3 = 99.9 shares; × 7 = 699.3 → 699 impressions; × 2.5 / 1000 = 1.7475 → 1.75
        WhatIf result = MarketingValue.whatIf(333, new BigDecimal("0.3"), BigDecimal.valueOf(7), new BigDecimal("2.5"));

        assertThat(result.shares().value()).isEqualTo(new BigDecimal("99.9"));
        assertThat(result.impressions().value()).isEqualTo(new BigDecimal("699"));
        assertThat(result.equivalentMediaValue().value()).isEqualTo(new BigDecimal("1.75"));
    }

    @Test
    void money_uses_the_currency_minor_unit() {
        WhatIf yen = MarketingValue.whatIf(1000, new BigDecimal("0.30"), BigDecimal.valueOf(200), BigDecimal.valueOf(700),
                Currency.getInstance("JPY"));

        assertThat(yen.equivalentMediaValue().value()).isEqualTo(new BigDecimal("42000"));
    }

    @Test
    void impossible_inputs_are_refused_naming_them() {
        assertThatThrownBy(() -> MarketingValue.whatIf(1000, new BigDecimal("1.2"), BigDecimal.ONE, BigDecimal.ONE))
                .hasMessage("share rate (1.2) must be between 0 and 1");
        assertThatThrownBy(() -> MarketingValue.whatIf(-1, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))
                .hasMessage("recipients (-1) must not be negative");
        assertThatThrownBy(() -> MarketingValue.whatIf(10, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("-5")))
                .hasMessage("impressions per share (1) and CPM (-5) must be 0 or more");
    }
}
