package org.credence.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.insights.compare.Comparison;
import org.credence.insights.compare.Comparisons;
import org.credence.insights.compare.StudyDesign;
import org.junit.jupiter.api.Test;

/** The sentences and the comparison block, in English and Norwegian, and the words an association must never use. */
class ComparisonTextTest {

    /** Causal and return words an observational or before/after result must not use, in English and Norwegian. */
    private static final Pattern CAUSAL = Pattern.compile("(?iu)\\b(caus\\w*|drove|drives?|driven|generat\\w*|ROI|led to|resulted in"
            + "|because of|forårsak\\w*|førte til|drev|driver|genererte|generert\\w*|skapte|avkastning\\w*|på grunn av)\\b");

    /** Every kind of comparison in every design: positive, negative, no difference, small, rounded, money, a family. */
    private static List<Comparison> everyShape(StudyDesign design) {
        List<Comparison> all = new ArrayList<>();
        all.add(Comparisons.ofRates("earners", 200, 400, "non-earners", 210, 600, design));
        all.add(Comparisons.ofRates("earners", 50, 400, "non-earners", 210, 600, design));
        all.add(Comparisons.ofRates("after", 18, 50, "before", 15, 50, design));
        all.add(Comparisons.ofRates("a", 3, 10, "b", 0, 12, design));
        all.add(Comparisons.ofRates("offered", 0.83, 30, "not offered", 0.36, 30, design));
        all.add(Comparisons.ofMeans("earners", 38, 14, 45, "non-earners", 52, 22, 60, "days", design));
        all.add(Comparisons.ofMeans("earners", 50, 14, 10, "non-earners", 52, 22, 12, "days", design));
        all.add(Comparisons.ofMoney("credentialed", new double[] {1200, 1500, 900, 30_000, 2500, 1800}, "others",
                new double[] {800, 1000, 0, 0, 0, 0, 0}, "EUR", design));
        all.addAll(Comparisons.family(List.of(all.get(0), all.get(1), all.get(2))));
        return all;
    }

    @Test
    void no_observational_or_before_after_sentence_claims_cause_in_either_language() {
        for (String lang : Messages.LANGUAGES) {
            ComparisonText text = ComparisonText.of(lang);
            for (StudyDesign design : List.of(StudyDesign.OBSERVATIONAL, StudyDesign.BEFORE_AFTER)) {
                for (Comparison c : everyShape(design)) {
                    List<String> rendered = new ArrayList<>(text.notes(c));
                    rendered.add(text.sentence(c));
                    ComparisonView view = text.view(c);
                    view.facts().forEach(f -> rendered.add(f.label() + " " + f.value()));
                    for (String sentence : rendered) {
                        assertThat(CAUSAL.matcher(sentence).find()).as(lang + " " + design + ": " + sentence).isFalse();
                    }
                }
            }
            // and no text in the bundle except the randomised holdout's may say it either
            Messages.texts("comparison", lang).forEach((key, value) -> {
                if (!key.startsWith("sentence.randomised_holdout")) {
                    assertThat(CAUSAL.matcher(value).find()).as(lang + " " + key + ": " + value).isFalse();
                }
            });
        }
    }

    @Test
    void a_randomised_holdout_may_say_the_offer_caused_the_difference_with_its_interval() {
        Comparison c = Comparisons.ofRates("offered", 166, 200, "not offered", 72, 200, StudyDesign.RANDOMISED_HOLDOUT);

        assertThat(ComparisonText.of("en").sentence(c))
                .startsWith("In a randomised holdout, the credential offer caused a difference of +47.0 points (95 % interval +38.0 points to +54.8 points)");
        assertThat(ComparisonText.of("nb").sentence(c)).contains("forårsaket").contains("+47,0 prosentpoeng");
        // the scan above would have caught these words: it is not vacuous
        assertThat(CAUSAL.matcher(ComparisonText.of("en").sentence(c)).find()).isTrue();
        assertThat(CAUSAL.matcher(ComparisonText.of("nb").sentence(c)).find()).isTrue();
    }

    @Test
    void the_observational_sentence_gives_both_groups_the_difference_and_its_interval() {
        Comparison c = Comparisons.ofRates("earners", 200, 400, "non-earners", 210, 600, StudyDesign.OBSERVATIONAL);
        ComparisonText en = ComparisonText.of("en");

        assertThat(en.sentence(c)).startsWith("earners (400): 50.0 %. non-earners (600): 35.0 %. Difference: +15.0 points "
                + "(95 % interval +8.8 points to +21.1 points). This is an association, not a measured effect");
        assertThat(en.notes(c)).anyMatch(note -> note.startsWith("E-value 2.21 (1.77 at the interval limit nearest no difference)"));
        assertThat(ComparisonText.of("nb").sentence(c)).contains("35,0 %").contains("+15,0 prosentpoeng").contains("sammenheng");
    }

    @Test
    void before_after_says_the_change_coincided_with_the_launch_and_names_other_explanations() {
        Comparison c = Comparisons.ofRates("after launch", 166, 200, "before launch", 72, 200, StudyDesign.BEFORE_AFTER);

        assertThat(ComparisonText.of("en").sentence(c)).contains("coincided with the launch").contains("the season, prices, who enrolled");
        assertThat(ComparisonText.of("nb").sentence(c)).contains("falt sammen i tid med lanseringen").contains("sesongen");
    }

    @Test
    void an_interval_including_zero_and_too_few_people_are_said_plainly() {
        Comparison c = Comparisons.ofRates("after", 18, 50, "before", 15, 50, StudyDesign.OBSERVATIONAL);
        ComparisonText en = ComparisonText.of("en");

        assertThat(en.sentence(c)).contains("includes no difference: these data cannot tell the two groups apart");
        assertThat(en.notes(c)).anyMatch(note -> note.startsWith("With 50 and 50 people, only differences of about 27.5 points or more")
                && note.contains("about 963 people per group"));
    }

    @Test
    void means_read_in_their_unit_with_a_real_minus_sign() {
        Comparison c = Comparisons.ofMeans("earners", 38, 14, 45, "non-earners", 52, 22, 60, "days", StudyDesign.OBSERVATIONAL);

        assertThat(ComparisonText.of("en").sentence(c)).contains("earners (45): 38.0 days")
                .contains("Difference: \u221214.0 days (95 % interval \u221221.0 days to \u22127.0 days)");
    }

    @Test
    void the_view_shows_rates_with_their_interval_and_every_fact() {
        Comparison c = Comparisons.ofRates("earners", 200, 400, "non-earners", 210, 600, StudyDesign.OBSERVATIONAL);

        ComparisonView view = ComparisonText.of("en").view(c);

        assertThat(view.groups()).containsExactly(List.of("earners", "400", "50.0 % (45.1–54.9 %)"),
                List.of("non-earners", "600", "35.0 % (31.3–38.9 %)"));
        assertThat(view.facts()).extracting(ComparisonView.Fact::label).containsExactly("Difference (95 % interval)",
                "Relative risk (95 % interval)", "E-value", "Smallest difference these groups detect reliably", "p-value", "Method",
                "Study design");
        assertThat(view.facts().get(0).value()).isEqualTo("+15.0 points (+8.8 to +21.1 points)");
        assertThat(view.facts().get(1).value()).isEqualTo("1.43 (1.23–1.65)");
        assertThat(view.facts().get(2).value()).isEqualTo("2.21 (1.77 at the interval limit)");
        assertThat(view.facts().get(4).value()).isEqualTo("< 0.001");
        assertThat(ComparisonText.of("nb").view(c).groups().get(1).get(2)).isEqualTo("35,0 % (31,3–38,9 %)");
    }

    @Test
    void the_partial_renders_the_view_escaped() {
        Comparison c = Comparisons.ofRates("<b>earners</b>", 200, 400, "non-earners", 210, 600, StudyDesign.OBSERVATIONAL);

        String html = Pages.render("analytics/comparison.jte", Map.of("comparison", ComparisonText.of("en").view(c)));

        assertThat(html).contains("<div class=\"comparison\">").contains("35.0 % (31.3–38.9 %)").contains("1.43 (1.23–1.65)")
                .contains("&lt;b&gt;earners&lt;/b&gt;").doesNotContain("<b>earners</b>").contains("This is an association");
    }
}
