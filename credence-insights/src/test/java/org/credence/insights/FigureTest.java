package org.credence.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FigureTest {

    private static final Metric METRIC = new Metric("test.value", "Value", "A value.",
            new Formula("product", "a × b"), null, Evidence.ESTIMATED, null);
    private static final Provenance SET_BY_ANNA = new Provenance("anna@acme.example", Instant.parse("2025-03-01T10:00:00Z"),
            "LinkedIn reach survey 2024", Scope.tenant("acme"));

    @Test
    void inputs_keep_their_order_and_split_into_measured_and_assumed() {
        Map<String, Input> inputs = new LinkedHashMap<>();
        inputs.put("z_shares", Input.measured(300, "credentials"));
        inputs.put("a_impressions_per_share", Input.assumed(BigDecimal.valueOf(200), "impressions per share",
                SET_BY_ANNA));
        inputs.put("m_views", Input.measured(40, "views"));

        Figure figure = Figure.of(METRIC, BigDecimal.ONE, "impressions", inputs);

        assertThat(figure.inputs().keySet()).containsExactly("z_shares", "a_impressions_per_share", "m_views");
        assertThat(figure.measuredInputs().keySet()).containsExactly("z_shares", "m_views");
        assertThat(figure.assumedInputs().keySet()).containsExactly("a_impressions_per_share");
        assertThat(figure.assumedInputs().get("a_impressions_per_share").provenance()).isEqualTo(SET_BY_ANNA);
    }

    @Test
    void a_suppressed_figure_cannot_carry_anything_that_reveals_it() {
        Figure suppressed = Figure.suppressed(METRIC, "verifications", "fewer than 5");

        assertThat(suppressed.value()).isNull();
        assertThat(suppressed.inputs()).isEmpty();
        assertThat(suppressed.warnings()).extracting(Warning::code).containsExactly(Warning.Code.SUPPRESSED);
        assertThatThrownBy(() -> new Figure(METRIC, BigDecimal.valueOf(3), "verifications", Map.of(), null,
                List.of(), true))
                .hasMessage("suppressed figure test.value must carry no value, interval or inputs: they would reveal "
                        + "the small group");
    }

    @Test
    void a_figure_without_a_value_must_say_why() {
        assertThatThrownBy(() -> new Figure(METRIC, null, "proportion", Map.of(), null, List.of(), false))
                .hasMessage("figure test.value has no value and no warning saying why");
    }

    @Test
    void a_measured_input_has_no_provenance() {
        assertThatThrownBy(() -> new Input(BigDecimal.ONE, "credentials", InputSource.MEASURED, SET_BY_ANNA))
                .hasMessage("a measured input has no provenance; only assumptions do");
    }

    @Test
    void a_group_metric_extends_the_id_and_label() {
        Metric group = METRIC.forGroup("linkedin_post", "LinkedIn post");

        assertThat(group.id()).isEqualTo("test.value.linkedin_post");
        assertThat(group.label()).isEqualTo("Value — LinkedIn post");
        assertThat(group.definition()).isEqualTo(METRIC.definition());
        assertThatThrownBy(() -> METRIC.forGroup("United Kingdom", "UK")).hasMessageContaining("must be dotted words");
    }
}
