package org.credence.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import org.credence.insights.engagement.EngagementInputs;
import org.credence.insights.engagement.EngagementMetrics;
import org.credence.insights.marketing.MarketingAssumptions;
import org.credence.insights.marketing.MarketingValue;
import org.junit.jupiter.api.Test;

/** The server serialises figures with a plain Jackson mapper; this is the shape it gets. */
class JsonShapeTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void a_rate_serialises_with_its_definition_inputs_and_interval() throws Exception {
        Figure figure = EngagementMetrics.of(EngagementInputs.builder().issued(1000).shared(300).build()).shareRate();

        JsonNode json = mapper.readTree(mapper.writeValueAsString(figure));

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("metric", "value", "unit", "inputs", "interval", "warnings", "suppressed");
        assertThat(json.at("/metric/id").asText()).isEqualTo("engagement.share_rate");
        assertThat(json.at("/metric/formula/expression").asText())
                .isEqualTo("credentials with at least one share ÷ credentials issued");
        assertThat(json.at("/metric/evidence").asText()).isEqualTo("DERIVED");
        assertThat(json.at("/value").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(json.at("/inputs").fieldNames()).toIterable().containsExactly("credentials_shared", "credentials_issued");
        assertThat(json.at("/inputs/credentials_issued/source").asText()).isEqualTo("MEASURED");
        assertThat(json.at("/interval/method").asText()).isEqualTo("WILSON_SCORE");
        assertThat(json.at("/interval/level").asDouble()).isEqualTo(0.95);
    }

    @Test
    void money_serialises_as_an_exact_decimal_with_assumptions_and_their_provenance() throws Exception {
        Figure value = MarketingValue.of(Map.of(Channel.LINKEDIN_POST, 300L), MarketingAssumptions.defaults())
                .equivalentMediaValue();

        String text = mapper.writeValueAsString(value);
        JsonNode json = mapper.readTree(text);

        assertThat(text).contains("\"value\":300.00");
        assertThat(json.at("/unit").asText()).isEqualTo("USD");
        assertThat(json.at("/metric/caveat").asText()).startsWith("Advertising-equivalent value (not revenue)");
        assertThat(json.at("/inputs/cpm_linkedin_post/source").asText()).isEqualTo("ASSUMED");
        assertThat(json.at("/inputs/cpm_linkedin_post/provenance/setBy").asText()).isEqualTo("Credence default");
        assertThat(json.at("/inputs/cpm_linkedin_post/value").decimalValue()).isEqualTo(BigDecimal.valueOf(5));
    }
}
