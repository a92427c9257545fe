package org.credence.insights.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LandmarkTest {

    private static final LocalDate DATA_DATE = LocalDate.of(2026, 12, 1);
    private static final LocalDate HIRED = LocalDate.of(2024, 1, 15); // 6-month landmark 2024-07-15

    private static Employment employee(LocalDate credential, LocalDate terminated) {
        return new Employment(HIRED, credential, terminated);
    }

    @Test
    void fixes_the_group_at_the_landmark_so_a_later_credential_counts_as_not_earned() {
        List<Employment> people = List.of(
                employee(LocalDate.of(2024, 3, 1), null),                       // earner, stayed
                employee(LocalDate.of(2024, 7, 15), LocalDate.of(2025, 2, 1)),  // earner on the landmark day, left
                employee(LocalDate.of(2024, 9, 1), null),                       // earned after L: other group
                employee(null, LocalDate.of(2025, 7, 15)),                      // other, left on the horizon's last day
                employee(null, LocalDate.of(2025, 7, 16)));                     // other, left after the horizon

        LandmarkResult result = Landmark.attrition(people, 6, 12, DATA_DATE);

        assertThat(result.earnersAtRisk()).isEqualTo(2);
        assertThat(result.earnersLeft()).isEqualTo(1);
        assertThat(result.othersAtRisk()).isEqualTo(3);
        assertThat(result.othersLeft()).isEqualTo(1);
        assertThat(result.excluded()).isZero();
    }

    @Test
    void leaves_out_people_not_employed_at_the_landmark_with_the_reason() {
        List<Employment> people = List.of(
                employee(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 7, 15)),   // left on the landmark day
                employee(null, LocalDate.of(2024, 5, 1)),                          // left before
                new Employment(LocalDate.of(2026, 9, 1), null, null),              // landmark after the data date
                new Employment(LocalDate.of(2025, 12, 1), null, null),             // landmark 2026-06-01, horizon 2027
                new Employment(LocalDate.of(2025, 12, 1), null, LocalDate.of(2026, 8, 1))); // left, but incomplete

        LandmarkResult result = Landmark.attrition(people, 6, 12, DATA_DATE);

        assertThat(result.leftBeforeLandmark()).isEqualTo(2);
        assertThat(result.notYetAtLandmark()).isEqualTo(1);
        assertThat(result.followUpIncomplete()).as("early leavers are not over-counted").isEqualTo(2);
        assertThat(result.included()).isZero();
    }

    @Test
    void the_twelve_month_landmark_moves_both_the_group_and_the_window() {
        Employment earnedAtNineMonths = employee(LocalDate.of(2024, 10, 15), LocalDate.of(2025, 6, 1));

        LandmarkResult atSix = Landmark.attrition(List.of(earnedAtNineMonths), 6, 12, DATA_DATE);
        LandmarkResult atTwelve = Landmark.attrition(List.of(earnedAtNineMonths), 12, 12, DATA_DATE);

        assertThat(atSix.othersLeft()).isEqualTo(1);
        assertThat(atSix.earnersAtRisk()).isZero();
        assertThat(atTwelve.earnersLeft()).isEqualTo(1);
        assertThat(atTwelve.othersAtRisk()).isZero();
    }

    @Test
    void refuses_a_landmark_of_zero_months() {
        assertThatThrownBy(() -> Landmark.attrition(List.of(), 0, 12, DATA_DATE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
