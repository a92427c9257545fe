package org.credence.insights.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class KaplanMeierPropertiesTest {

    @Provide
    Arbitrary<List<Observation>> samples() {
        Arbitrary<Observation> observation = Combinators.combine(Arbitraries.integers().between(0, 400),
                Arbitraries.of(true, false)).as((time, event) -> new Observation(time, event));
        return observation.list().ofMinSize(0).ofMaxSize(200);
    }

    @Property(tries = 300)
    void survival_never_increases_and_stays_in_the_unit_interval(@ForAll("samples") List<Observation> sample) {
        KaplanMeier km = KaplanMeier.estimate(sample);

        double previous = 1;
        for (SurvivalStep step : km.steps()) {
            assertThat(step.survival()).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
            assertThat(step.lower()).isBetween(0.0, 1.0).isLessThanOrEqualTo(step.survival() + 1e-12);
            assertThat(step.upper()).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(step.survival() - 1e-12);
            previous = step.survival();
        }
    }

    @Property(tries = 200)
    void censoring_only_leaves_survival_at_one(@ForAll @Size(max = 100) List<@IntRange(max = 1000) Integer> times,
            @ForAll @IntRange(max = 2000) int at) {
        KaplanMeier km = KaplanMeier.estimate(times.stream().map(t -> Observation.censored(t)).toList());

        assertThat(km.survivalAt(at)).isEqualTo(1);
        assertThat(km.median().reached()).isFalse();
        assertThat(km.people()).isEqualTo(times.size());
    }

    @Property(tries = 200)
    void the_median_lies_within_its_interval(@ForAll("samples") List<Observation> sample) {
        MedianSurvival median = KaplanMeier.estimate(sample).median();

        if (median.reached() && median.lower().isPresent()) {
            assertThat(median.lower().getAsDouble()).isLessThanOrEqualTo(median.estimate().getAsDouble());
        }
        if (median.upper().isPresent()) {
            assertThat(median.reached()).isTrue();
            assertThat(median.upper().getAsDouble()).isGreaterThanOrEqualTo(median.estimate().getAsDouble());
        }
    }
}
