package org.credence.insights.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ComparisonPropertiesTest {

    @Property(tries = 300)
    void every_interval_contains_its_point_and_every_e_value_is_at_least_one(
            @ForAll @IntRange(min = 1, max = 3000) int n1, @ForAll @IntRange(max = 3000) int x1,
            @ForAll @IntRange(min = 1, max = 3000) int n2, @ForAll @IntRange(max = 3000) int x2) {
        Assume.that(x1 <= n1 && x2 <= n2);

        Comparison c = Comparisons.ofRates("a", x1, n1, "b", x2, n2, StudyDesign.OBSERVATIONAL);

        assertThat(c.differenceInterval().contains(c.difference())).isTrue();
        assertThat(c.ratio().interval().contains(c.ratio().point())).isTrue();
        assertThat(c.eValue().point()).isGreaterThanOrEqualTo(1.0);
        assertThat(c.eValue().limit()).isBetween(1.0, c.eValue().point() + 1e-9);
        assertThat(c.pValue()).isBetween(0.0, 1.0);
    }

    @Property(tries = 300)
    void swapping_the_groups_negates_the_difference_and_inverts_the_ratio(
            @ForAll @IntRange(min = 1, max = 3000) int n1, @ForAll @IntRange(min = 1, max = 3000) int x1,
            @ForAll @IntRange(min = 1, max = 3000) int n2, @ForAll @IntRange(min = 1, max = 3000) int x2) {
        Assume.that(x1 < n1 && x2 < n2);

        Comparison forward = Comparisons.ofRates("a", x1, n1, "b", x2, n2, StudyDesign.OBSERVATIONAL);
        Comparison backward = Comparisons.ofRates("b", x2, n2, "a", x1, n1, StudyDesign.OBSERVATIONAL);

        assertThat(backward.difference()).isCloseTo(-forward.difference(), within(1e-12));
        assertThat(backward.differenceInterval().low()).isCloseTo(-forward.differenceInterval().high(), within(1e-12));
        assertThat(backward.ratio().point()).isCloseTo(1 / forward.ratio().point(), within(1e-9 * backward.ratio().point()));
        assertThat(backward.ratio().interval().low())
                .isCloseTo(1 / forward.ratio().interval().high(), within(1e-9 * backward.ratio().interval().high()));
        assertThat(backward.eValue().point()).isCloseTo(forward.eValue().point(), within(1e-9 * forward.eValue().point()));
        assertThat(backward.pValue()).isCloseTo(forward.pValue(), within(1e-12));
    }

    @Property(tries = 500)
    void a_design_name_parses_to_a_design_or_is_refused_never_anything_else(@ForAll String text) {
        try {
            assertThat(StudyDesign.parse(text)).isNotNull();
        } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessageContaining("unknown study design");
        }
    }

    @Property(tries = 200)
    void only_a_randomised_holdout_gets_the_randomised_sentence(
            @ForAll @IntRange(min = 1, max = 500) int n1, @ForAll @IntRange(max = 500) int x1,
            @ForAll @IntRange(min = 1, max = 500) int n2, @ForAll @IntRange(max = 500) int x2,
            @ForAll StudyDesign design) {
        Assume.that(x1 <= n1 && x2 <= n2);

        Comparison c = Comparisons.ofRates("a", x1, n1, "b", x2, n2, design);

        assertThat(c.wording().key().startsWith("sentence." + StudyDesign.RANDOMISED_HOLDOUT.id()))
                .isEqualTo(design == StudyDesign.RANDOMISED_HOLDOUT);
        assertThat(c.wording().key()).startsWith("sentence." + design.id());
    }
}
