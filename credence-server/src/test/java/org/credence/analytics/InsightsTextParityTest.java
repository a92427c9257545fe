package org.credence.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.i18n.Messages;
import org.credence.insights.Metric;
import org.credence.insights.Warning;
import org.credence.insights.WarningText;
import org.junit.jupiter.api.Test;

/**
 * Every text the insights library (and the server's own metric definitions) writes in English has a key with an English and a
 * Norwegian text in the {@code insights} bundle: enumerated from the {@code *Definitions} classes, {@link Warning.Text} and
 * {@link AnalyticsWarning}, not
 * from a hand list, so a new metric or warning without its translation fails here. The English copy is the library's English
 * exactly. Rerun with {@code -Dinsights.write=true} to rewrite insights_en.properties from the library after adding one.
 */
class InsightsTextParityTest {
    /** Every class that defines metrics as constants; their Metric fields are read whatever their visibility. */
    private static final List<String> DEFINITIONS = List.of("org.credence.insights.engagement.EngagementDefinitions",
            "org.credence.insights.marketing.MarketingDefinitions", "org.credence.insights.operations.OperationsDefinitions",
            "org.credence.insights.roi.RoiDefinitions", "org.credence.analytics.outcomes.OutcomeDefinitions",
            "org.credence.report.ReportDefinitions", "org.credence.survey.SurveyOutcomes");
    private static final Path EN = Path.of("src/main/resources/org/credence/i18n/insights_en.properties");

    /** Every metric text and warning text the code can produce, by key, in English. */
    static Map<String, String> english() throws ReflectiveOperationException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : DEFINITIONS) {
            for (Field field : Class.forName(name).getDeclaredFields()) {
                if (field.getType() == Metric.class && Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    Metric metric = (Metric) field.get(null);
                    String prefix = "metric." + metric.id() + ".";
                    texts.put(prefix + "definition", metric.definition());
                    texts.put(prefix + "formula", metric.formula().expression());
                    if (metric.denominator() != null) {
                        texts.put(prefix + "denominator", metric.denominator());
                    }
                    if (metric.caveat() != null) {
                        texts.put(prefix + "caveat", metric.caveat());
                    }
                }
            }
        }
        for (WarningText[] wordings : List.of(Warning.Text.values(), AnalyticsWarning.values())) {
            for (WarningText text : wordings) {
                assertThat(texts.put(text.key(), text.english())).as("a second " + text.key()).isNull();
            }
        }
        return texts;
    }

    @Test
    void every_metric_and_warning_text_has_an_english_and_a_norwegian_text() throws Exception {
        Map<String, String> english = english();
        if (Boolean.getBoolean("insights.write")) {
            write(english);
        }
        assertThat(english).hasSizeGreaterThan(150);
        Map<String, String> en = Messages.texts("insights", "en");
        Map<String, String> nb = Messages.texts("insights", "nb");
        List<String> missing = new ArrayList<>();
        english.forEach((key, text) -> {
            if (!text.equals(en.get(key))) {
                missing.add("en " + key);
            }
            if (!nb.containsKey(key)) {
                missing.add("nb " + key);
            }
        });
        assertThat(missing).as("keys whose English is not the library's, or that have no Norwegian").isEmpty();
    }

    private static void write(Map<String, String> english) throws IOException {
        Map<String, String> kept = new LinkedHashMap<>(Messages.texts("insights", "en"));
        kept.keySet().removeIf(key -> key.startsWith("metric.") || key.startsWith("warning."));
        StringBuilder file = new StringBuilder("# The insights library's words (metric definitions, formulas, warnings, units, input names): a copy of\n"
                + "# the library's English kept equal to it by InsightsTextParityTest (-Dinsights.write=true rewrites it). UTF-8.\n");
        english.forEach((key, text) -> file.append(key).append('=').append(text.replace("\\", "\\\\")).append('\n'));
        kept.forEach((key, text) -> file.append(key).append('=').append(text.replace("\\", "\\\\")).append('\n'));
        Files.writeString(EN, file.toString(), StandardCharsets.UTF_8);
    }
}
