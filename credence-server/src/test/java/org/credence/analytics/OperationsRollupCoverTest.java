package org.credence.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.credence.analytics.OperationsQueries.Granularity;
import org.credence.analytics.OperationsQueries.Range;
import org.junit.jupiter.api.Test;

/** A period is read from the coarsest operations rollups that tile it exactly: whole months, then whole weeks, then days. */
class OperationsRollupCoverTest {
    static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    @Test
    void ninetyDaysFromAMondayAreTwoMonthsFourWeeksAndADay() {
        assertThat(OperationsQueries.cover(LocalDate.of(2026, 8, 3), NOV, Granularity.MONTH)).containsExactly(
                new Range(Granularity.WEEK, LocalDate.of(2026, 8, 3), LocalDate.of(2026, 8, 31)),
                new Range(Granularity.DAY, LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 1)),
                new Range(Granularity.MONTH, LocalDate.of(2026, 9, 1), NOV));
    }

    @Test
    void aWeekSeriesReadsWholeWeeksAndTheClippedDaysAroundThem() {
        // Wednesday 4 March to Thursday 26 March 2026
        assertThat(OperationsQueries.cover(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 26), Granularity.WEEK)).containsExactly(
                new Range(Granularity.DAY, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 9)),
                new Range(Granularity.WEEK, LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 23)),
                new Range(Granularity.DAY, LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 26)));
        assertThat(OperationsQueries.cover(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 8), Granularity.MONTH))
                .containsExactly(new Range(Granularity.DAY, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 8)));
    }

    @Test
    void everyPeriodIsTiledWithoutGapsOrOverlapsByAlignedWholePeriods() {
        LocalDate first = LocalDate.of(2025, 12, 20);
        for (int start = 0; start < 60; start++) {
            for (int length = 0; length < 120; length += 1 + start % 3) {
                LocalDate from = first.plusDays(start);
                LocalDate to = from.plusDays(length);
                for (Granularity coarsest : Granularity.values()) {
                    List<Range> ranges = OperationsQueries.cover(from, to, coarsest);
                    LocalDate next = from;
                    for (Range range : ranges) {
                        assertThat(range.from()).as("%s..%s %s", from, to, coarsest).isEqualTo(next);
                        assertThat(range.from()).isBefore(range.to());
                        assertThat(range.granularity().ordinal()).isLessThanOrEqualTo(coarsest.ordinal());
                        if (range.granularity() == Granularity.WEEK) {
                            assertThat(range.from().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                            assertThat(range.to().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                        }
                        if (range.granularity() == Granularity.MONTH) {
                            assertThat(range.from().getDayOfMonth()).isEqualTo(1);
                            assertThat(range.to().getDayOfMonth()).isEqualTo(1);
                        }
                        next = range.to();
                    }
                    assertThat(next).isEqualTo(from.isBefore(to) ? to : from);
                }
            }
        }
    }
}
