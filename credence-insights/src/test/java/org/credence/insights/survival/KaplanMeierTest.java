package org.credence.insights.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

    /**
     * Freireich et al. (1963), 6-MP arm: weeks in remission for 21 leukaemia patients, 12 censored
     * (still in remission). Published in Klein &amp; Moeschberger (2003), Table 4.1A, and Collett.
     */
    static List<Observation> sixMp() {
        List<Observation> data = new ArrayList<>();
        for (int t : new int[] {6, 6, 6, 7, 10, 13, 16, 22, 23}) {
            data.add(Observation.event(t));
        }
        for (int t : new int[] {6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35}) {
            data.add(Observation.censored(t));
        }
        return data;
    }

    @Test
    void reproduces_the_published_product_limit_table_of_the_6mp_arm() {
        KaplanMeier km = KaplanMeier.estimate(sixMp());

        // Klein & Moeschberger Table 4.1A: S(t) and Greenwood standard errors
        double[][] published = {{6, 0.857, 0.076}, {7, 0.807, 0.087}, {10, 0.753, 0.096}, {13, 0.690, 0.107},
                {16, 0.627, 0.114}, {22, 0.538, 0.128}, {23, 0.448, 0.135}};
        for (double[] row : published) {
            SurvivalStep step = km.steps().stream().filter(s -> s.time() == row[0]).findFirst().orElseThrow();
            assertThat(step.survival()).as("S(%s)", row[0]).isCloseTo(row[1], within(0.0005));
            assertThat(step.standardError()).as("se(%s)", row[0]).isCloseTo(row[2], within(0.0005));
        }
        assertThat(km.people()).isEqualTo(21);
        assertThat(km.events()).isEqualTo(9);
        assertThat(km.censored()).isEqualTo(12);
    }

    @Test
    void keeps_the_censored_in_the_risk_set_until_they_leave_it() {
        KaplanMeier km = KaplanMeier.estimate(sixMp());

        SurvivalStep atSix = km.steps().get(0);
        assertThat(atSix.atRisk()).isEqualTo(21);
        assertThat(atSix.events()).isEqualTo(3);
        assertThat(atSix.censored()).isEqualTo(1);
        // 21 − 3 events − 1 censored at 6, − 1 event at 7, − 1 censored at 9: 15 at risk at 10
        assertThat(km.steps().stream().filter(s -> s.time() == 10).findFirst().orElseThrow().atRisk()).isEqualTo(15);
    }

    @Test
    void median_of_the_6mp_arm_is_23_weeks_with_a_log_log_interval_from_13_to_not_reached() {
        MedianSurvival median = KaplanMeier.estimate(sixMp()).median();

        assertThat(median.reached()).isTrue();
        assertThat(median.estimate().getAsDouble()).isEqualTo(23);
        assertThat(median.lower().getAsDouble()).isEqualTo(13);
        assertThat(median.upper()).as("the upper band never drops to 0.5").isEmpty();
        assertThat(median.level()).isEqualTo(0.95);
    }

    @Test
    void survival_at_a_time_is_the_last_step_at_or_before_it() {
        KaplanMeier km = KaplanMeier.estimate(sixMp());

        assertThat(km.survivalAt(5.9)).isEqualTo(1);
        assertThat(km.survivalAt(6)).isCloseTo(18.0 / 21, within(1e-12));
        assertThat(km.survivalAt(9)).isCloseTo(18.0 / 21 * 16 / 17, within(1e-12));
        assertThat(km.survivalAt(100)).isCloseTo(0.448179, within(1e-6));
    }

    @Test
    void says_median_not_reached_when_fewer_than_half_had_the_event() {
        List<Observation> mostlyRamping = List.of(Observation.event(30), Observation.event(45),
                Observation.censored(20), Observation.censored(60), Observation.censored(60),
                Observation.censored(90));

        MedianSurvival median = KaplanMeier.estimate(mostlyRamping).median();

        assertThat(median.reached()).isFalse();
        assertThat(median.estimate()).isEmpty();
        assertThat(median.people()).isEqualTo(6);
        assertThat(median.events()).isEqualTo(2);
    }

    @Test
    void without_censoring_the_median_is_the_smallest_time_at_which_half_have_had_the_event() {
        List<Observation> all = List.of(Observation.event(10), Observation.event(20), Observation.event(30),
                Observation.event(40));

        KaplanMeier km = KaplanMeier.estimate(all);

        assertThat(km.survivalAt(20)).isCloseTo(0.5, within(1e-12));
        assertThat(km.median().estimate().getAsDouble()).isEqualTo(20);
        assertThat(km.steps().get(3).survival()).isZero();
        assertThat(km.steps().get(3).lower()).isZero();
    }

    @Test
    void an_empty_sample_survives_everywhere_and_has_no_median() {
        KaplanMeier km = KaplanMeier.estimate(List.of());

        assertThat(km.survivalAt(1000)).isEqualTo(1);
        assertThat(km.median().reached()).isFalse();
    }
}
