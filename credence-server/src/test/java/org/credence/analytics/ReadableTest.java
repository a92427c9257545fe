package org.credence.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How the dashboard and the CSV exports write numbers for people (docs/metrics.md, "How figures are written"). */
class ReadableTest {
    final Readable en = Readable.of("en");
    final Readable nb = Readable.of("nb");

    @Test
    void a_rate_is_a_percentage_with_one_decimal_and_its_interval_never_a_raw_float() {
        BigDecimal rate = new BigDecimal("0.7333333333333333");
        assertThat(en.value(rate, "proportion", 0.6812, 0.7801)).isEqualTo("73.3 % (68.1–78.0 %)");
        assertThat(nb.value(rate, "proportion", 0.6812, 0.7801)).isEqualTo("73,3 % (68,1–78,0 %)");
        assertThat(en.value(rate, "proportion", null, null)).isEqualTo("73.3 %");
        assertThat(en.value(null, "proportion", null, null)).isEqualTo("—");
    }

    @Test
    void counts_are_grouped_money_carries_its_currency_and_countries_are_named() {
        assertThat(en.value(new BigDecimal("12480"), "credentials", null, null)).isEqualTo("12,480");
        assertThat(en.value(new BigDecimal("1.27"), "referral clicks per shared credential", 1.1, 1.4)).isEqualTo("1.27 (1.1–1.4)");
        assertThat(en.plain(new BigDecimal("4"), "EUR")).isEqualTo("EUR 4.00");
        assertThat(en.country("NO")).isEqualTo("Norway");
        assertThat(nb.country("NO")).isEqualTo("Norge");
    }
}
