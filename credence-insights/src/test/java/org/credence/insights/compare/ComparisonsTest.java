package org.credence.insights.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.credence.insights.Warning;
import org.credence.insights.compare.Comparison.Kind;
import org.credence.insights.stats.IntervalMethod;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

    /** Issue 13: re-enrolment 200/400 vs 210/600 → +15.0 points (+8.8 to +21.1), RR 1.43 (1.23–1.65), E 2.21 (1.77). */
    @Test
    void re_enrolment_of_earners_against_non_earners() {
        Comparison c = Comparisons.ofRates("earners", 200, 400, "non-earners", 210, 600, StudyDesign.OBSERVATIONAL);

        assertThat(c.kind()).isEqualTo(Kind.RATE);
        assertThat(c.difference()).isCloseTo(0.150, within(0.0005));
        assertThat(c.differenceInterval().low()).isCloseTo(0.088, within(0.0005));
        assertThat(c.differenceInterval().high()).isCloseTo(0.211, within(0.0005));
        assertThat(c.differenceInterval().method()).isEqualTo(IntervalMethod.NEWCOMBE_HYBRID_SCORE);
        assertThat(c.ratio().point()).isCloseTo(1.43, within(0.005));
        assertThat(c.ratio().interval().low()).isCloseTo(1.23, within(0.005));
        assertThat(c.ratio().interval().high()).isCloseTo(1.65, within(0.005));
        assertThat(c.eValue().point()).isCloseTo(2.21, within(0.005));
        assertThat(c.eValue().limit()).isCloseTo(1.77, within(0.005));
        assertThat(c.eValueBasis()).isEqualTo("risk_ratio");
        assertThat(c.pValue()).isLessThan(0.001);
        assertThat(c.familySize()).isEqualTo(1);
        assertThat(c.adjustedPValue()).isNull();
        assertThat(c.warnings()).isEmpty();
        assertThat(c.wording().key()).isEqualTo("sentence.observational");
        assertThat(c.notes()).extracting(Wording::key).contains("note.evalue");
    }

    /** Each group carries its own interval: 210/600 is 35.0 % (31.3–38.9 %), Wilson. */
    @Test
    void each_group_carries_its_own_interval() {
        Comparison rates = Comparisons.ofRates("earners", 200, 400, "non-earners", 210, 600, StudyDesign.OBSERVATIONAL);
        Comparison means = Comparisons.ofMeans("earners", 38, 14, 45, "non-earners", 52, 22, 60, "days",
                StudyDesign.OBSERVATIONAL);

        assertThat(rates.second().interval().low()).isCloseTo(0.313, within(0.0005));
        assertThat(rates.second().interval().high()).isCloseTo(0.389, within(0.0005));
        assertThat(rates.second().interval().method()).isEqualTo(IntervalMethod.WILSON_SCORE);
        assertThat(means.first().interval().low()).isCloseTo(33.79, within(0.005));
        assertThat(means.first().interval().high()).isCloseTo(42.21, within(0.005));
    }

    /** Newcombe (1998) Table II example (a): 56/70 − 48/80 → 0.0524 to 0.3339. */
    @Test
    void newcombe_example_a() {
        Comparison c = Comparisons.ofRates("a", 56, 70, "b", 48, 80, StudyDesign.OBSERVATIONAL);

        assertThat(c.differenceInterval().low()).isCloseTo(0.0524, within(0.00005));
        assertThat(c.differenceInterval().high()).isCloseTo(0.3339, within(0.00005));
    }

    /** Issue 13: completion 166/200 vs 72/200 → +47.0 points, +38.0 to +54.8. */
    @Test
    void completion_with_and_without_a_credential_offer() {
        Comparison c = Comparisons.ofRates("offered", 166, 200, "not offered", 72, 200, StudyDesign.RANDOMISED_HOLDOUT);

        assertThat(c.difference()).isCloseTo(0.470, within(0.0005));
        assertThat(c.differenceInterval().low()).isCloseTo(0.380, within(0.0005));
        assertThat(c.differenceInterval().high()).isCloseTo(0.548, within(0.0005));
        assertThat(c.wording().key()).isEqualTo("sentence.randomised_holdout");
    }

    /**
     * Issue 13: the same rates at n = 30 per arm → +22.1 to +64.2. 83 % and 36 % of 30 are 24.9
     * and 10.8 people; whole people are 25 and 11, and 25/30 − 11/30 gives the published interval
     * (Wilson on the fractional counts would give +22.4 to +64.4).
     */
    @Test
    void the_same_rates_at_thirty_per_arm_are_rounded_to_whole_people() {
        Comparison c = Comparisons.ofRates("offered", 0.83, 30, "not offered", 0.36, 30, StudyDesign.OBSERVATIONAL);

        assertThat(c.first().successes()).isEqualTo(25);
        assertThat(c.second().successes()).isEqualTo(11);
        assertThat(c.differenceInterval().low()).isCloseTo(0.221, within(0.0005));
        assertThat(c.differenceInterval().high()).isCloseTo(0.642, within(0.0005));
        assertThat(c.notes()).extracting(Wording::key).contains("note.rounded");
    }

    @Test
    void rates_given_as_counts_or_as_exact_proportions_agree_and_carry_no_rounding_note() {
        Comparison counts = Comparisons.ofRates("a", 200, 400, "b", 210, 600, StudyDesign.OBSERVATIONAL);
        Comparison rates = Comparisons.ofRates("a", 0.5, 400, "b", 0.35, 600, StudyDesign.OBSERVATIONAL);

        assertThat(rates.differenceInterval()).isEqualTo(counts.differenceInterval());
        assertThat(rates.notes()).extracting(Wording::key).doesNotContain("note.rounded");
    }

    /** Issue 13: 38 ± 14 days (n 45) vs 52 ± 22 (n 60) → −14.0 days, −21.0 to −7.0. */
    @Test
    void days_to_productivity_by_welch() {
        Comparison c = Comparisons.ofMeans("earners", 38, 14, 45, "non-earners", 52, 22, 60, "days",
                StudyDesign.OBSERVATIONAL);

        assertThat(c.kind()).isEqualTo(Kind.MEAN);
        assertThat(c.unit()).isEqualTo("days");
        assertThat(c.difference()).isCloseTo(-14.0, within(1e-9));
        assertThat(c.differenceInterval().low()).isCloseTo(-21.0, within(0.05));
        assertThat(c.differenceInterval().high()).isCloseTo(-7.0, within(0.05));
        assertThat(c.ratio()).isNull();
        assertThat(c.eValueBasis()).isEqualTo("standardized_difference");
        assertThat(c.eValue().point()).isGreaterThan(1);
        assertThat(c.minimumDetectableEffect().standardized()).isNotNull();
        assertThat(c.notes()).extracting(Wording::key).contains("note.evalue", "note.evalue_approximate");
    }

    @Test
    void money_compares_medians_with_a_reproducible_bootstrap_and_no_e_value() {
        double[] earners = {1200, 1500, 900, 30_000, 2500, 1800, 2200, 1300, 1700, 2000};
        double[] others = {800, 1000, 700, 1100, 20_000, 950, 1200, 600, 1050, 900};

        Comparison c = Comparisons.ofMoney("credentialed", earners, "not credentialed", others, "EUR",
                StudyDesign.OBSERVATIONAL);

        assertThat(c.kind()).isEqualTo(Kind.MONEY);
        assertThat(c.first().median()).isEqualTo(1750);
        assertThat(c.second().median()).isEqualTo(975);
        assertThat(c.first().interval().contains(1750)).isTrue();
        assertThat(c.ratio().point()).isCloseTo(1750.0 / 975, within(1e-12));
        assertThat(c.differenceInterval().method()).isEqualTo(IntervalMethod.BOOTSTRAP_PERCENTILE);
        assertThat(c.eValue()).isNull();
        assertThat(c.pValue()).isNull();
        assertThat(c.notes()).extracting(Wording::key).contains("note.evalue_omitted", "note.small_sample");
        assertThat(Comparisons.ofMoney("credentialed", earners, "not credentialed", others, "EUR",
                StudyDesign.OBSERVATIONAL)).isEqualTo(c);
    }

    @Test
    void an_interval_including_zero_chooses_the_no_difference_sentence_and_the_below_detectable_note() {
        Comparison c = Comparisons.ofRates("after", 18, 50, "before", 15, 50, StudyDesign.BEFORE_AFTER);

        assertThat(c.includesNoDifference()).isTrue();
        assertThat(c.wording().key()).isEqualTo("sentence.before_after.no_difference");
        assertThat(c.belowDetectableSize()).isTrue();
        assertThat(c.notes()).extracting(Wording::key).contains("note.below_detectable_needed")
                .doesNotContain("note.evalue");
    }

    @Test
    void a_reference_median_of_zero_gives_no_ratio_and_says_why() {
        Comparison c = Comparisons.ofMoney("credentialed", new double[] {100, 200, 300}, "others",
                new double[] {0, 0, 0, 0, 50}, "EUR", StudyDesign.OBSERVATIONAL);

        assertThat(c.ratio()).isNull();
        assertThat(c.differenceInterval()).isNotNull();
        assertThat(c.notes()).extracting(Wording::key).contains("note.ratio_unbounded");
    }

    @Test
    void groups_too_small_to_detect_anything_say_so() {
        Comparison c = Comparisons.ofRates("a", 1, 2, "b", 1, 2, StudyDesign.OBSERVATIONAL);

        assertThat(c.minimumDetectableEffect().absolute()).isNull();
        assertThat(c.belowDetectableSize()).isTrue();
        assertThat(c.notes()).extracting(Wording::key).contains("note.undetectable");
    }

    @Test
    void small_groups_are_warned_about() {
        Comparison c = Comparisons.ofRates("a", 3, 10, "b", 8, 12, StudyDesign.OBSERVATIONAL);

        assertThat(c.warnings()).extracting(Warning::code).contains(Warning.Code.SMALL_DENOMINATOR);
        assertThat(c.warnings()).extracting(Warning::message).anyMatch(message -> message.startsWith("a: "));
        assertThat(c.notes()).extracting(Wording::key).contains("note.small_sample");
    }

    @Test
    void a_family_carries_holm_adjusted_p_values() {
        List<Comparison> family = Comparisons.family(List.of(
                Comparisons.ofRates("a", 60, 100, "b", 45, 100, StudyDesign.OBSERVATIONAL),
                Comparisons.ofRates("c", 52, 100, "d", 45, 100, StudyDesign.OBSERVATIONAL),
                Comparisons.ofRates("e", 50, 100, "f", 49, 100, StudyDesign.OBSERVATIONAL)));

        assertThat(family).allSatisfy(c -> {
            assertThat(c.familySize()).isEqualTo(3);
            assertThat(c.adjustedPValue()).isGreaterThanOrEqualTo(c.pValue());
            assertThat(c.notes()).extracting(Wording::key).contains("note.family");
        });
        assertThat(family.get(0).adjustedPValue()).isCloseTo(3 * family.get(0).pValue(), within(1e-12));
    }

    @Test
    void impossible_groups_are_refused() {
        assertThatThrownBy(() -> Comparisons.ofRates("a", 5, 4, "b", 1, 2, StudyDesign.OBSERVATIONAL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Comparisons.ofRates("a", 0, 0, "b", 1, 2, StudyDesign.OBSERVATIONAL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Comparisons.ofRates("a", 1.2, 10, "b", 0.5, 2, StudyDesign.OBSERVATIONAL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void study_designs_parse_from_their_url_names() {
        assertThat(StudyDesign.parse(null)).isEqualTo(StudyDesign.OBSERVATIONAL);
        assertThat(StudyDesign.parse("before_after")).isEqualTo(StudyDesign.BEFORE_AFTER);
        assertThat(StudyDesign.parse("randomized-holdout")).isEqualTo(StudyDesign.RANDOMISED_HOLDOUT);
        assertThatThrownBy(() -> StudyDesign.parse("anecdote")).isInstanceOf(IllegalArgumentException.class);
    }
}
