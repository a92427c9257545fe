package org.credence.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A warning keeps the English message it always had and carries the key and numbers a page translates it by. */
class WarningTest {

    @Test
    void a_small_sample_warning_names_its_numbers_in_english_and_carries_them_by_name() {
        List<Warning> warnings = SmallSampleRule.DEFAULT.forProportion(Count.of("credentials_shared", 3, "credentials"),
                Count.of("credentials_issued", 12, "credentials"));
        assertThat(warnings).extracting(Warning::message).containsExactly(
                "based on 12 credentials, under 30: read as a rough indication",
                "3 of 12: fewer than 5 events, so the rate can move a lot with one more");
        assertThat(warnings).extracting(Warning::text).containsExactly(Warning.Text.SMALL_DENOMINATOR, Warning.Text.FEW_EVENTS);
        assertThat(warnings.get(0).arguments()).isEqualTo(Map.of("n", 12L, "unit", "credentials", "minimum", 30L));
        assertThat(warnings.get(1).text().key()).isEqualTo("warning.few_events");
    }

    @Test
    void a_warning_about_a_group_says_so_before_the_message_and_keeps_its_key() {
        Warning about = SmallSampleRule.DEFAULT.smallDenominator(12, "people").about("earners");
        assertThat(about.message()).isEqualTo("earners: based on 12 people, under 30: read as a rough indication");
        assertThat(about.about()).isEqualTo("earners");
        assertThat(about.text()).isEqualTo(Warning.Text.SMALL_DENOMINATOR);
    }

    @Test
    void a_wording_without_one_of_its_arguments_is_refused() {
        assertThatThrownBy(() -> Warning.of(Warning.Text.WITHHELD_SMALL_TOTAL)).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new Warning(Warning.Code.NO_DATA, "x", Warning.Text.FEW_EVENTS, Map.of(), null))
                .hasMessageContaining("FEW_EVENTS");
    }

    @Test
    void a_freely_written_warning_has_no_key() {
        Warning free = new Warning(Warning.Code.NOT_MEASURED, "not collected");
        assertThat(free.text()).isNull();
        assertThat(free.arguments()).isEmpty();
    }
}
