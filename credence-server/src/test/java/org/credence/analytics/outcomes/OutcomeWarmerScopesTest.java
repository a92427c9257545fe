package org.credence.analytics.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What the warmer precomputes: the default filters and the quarters a board report reads, in the scope the report reads them. */
class OutcomeWarmerScopesTest {
    static OutcomeQueries.Scope quarter(String first, String last, String today) {
        return OutcomeQueries.Scope.ofReport(7, LocalDate.parse(first), LocalDate.parse(last), LocalDate.parse(today));
    }

    @Test
    void the_default_filters_then_the_quarter_in_progress_the_last_finished_one_and_the_one_before() {
        Instant now = Instant.parse("2026-12-05T18:00:00Z");
        assertThat(OutcomeWarmer.scopes(7, now)).containsExactly(OutcomeQueries.Scope.standard(7, now),
                quarter("2026-10-01", "2026-12-31", "2026-12-05"), quarter("2026-07-01", "2026-09-30", "2026-12-05"),
                quarter("2026-04-01", "2026-06-30", "2026-12-05"));
    }

    @Test
    void in_january_the_board_quarters_are_last_years_fourth_and_third() {
        Instant now = Instant.parse("2027-01-01T00:30:00Z");
        assertThat(OutcomeWarmer.scopes(7, now)).contains(quarter("2027-01-01", "2027-03-31", "2027-01-01"),
                quarter("2026-10-01", "2026-12-31", "2027-01-01"), quarter("2026-07-01", "2026-09-30", "2027-01-01"));
    }

    @Test
    void a_board_quarter_is_read_as_of_the_end_of_today_like_the_report_reads_it() {
        OutcomeQueries.Scope scope = quarter("2026-07-01", "2026-09-30", "2026-12-05");
        assertThat(scope.now()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(scope.achievementId()).isEmpty();
    }
}
