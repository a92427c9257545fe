package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.credence.analytics.outcomes.OutcomeQueries;
import org.credence.analytics.outcomes.OutcomeQueries.CompletionArm;
import org.credence.analytics.outcomes.OutcomeQueries.Pipeline;
import org.credence.analytics.outcomes.OutcomeQueries.RampTime;
import org.credence.analytics.outcomes.OutcomeQueries.ReferralCampaign;
import org.credence.analytics.outcomes.OutcomeQueries.RenewalCohort;
import org.credence.analytics.outcomes.OutcomeQueries.Repeat;
import org.credence.analytics.outcomes.OutcomeQueries.Split;
import org.credence.insights.survival.Employment;
import org.credence.insights.survival.Landmark;
import org.credence.insights.survival.LandmarkResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counts behind the outcome figures, on the hand-built {@link OutcomeData} set, each worked out by hand. */
@Tag("integration")
class OutcomeQueriesTest {
    @TempDir
    static Path dir;
    static ServerHarness server;
    static OutcomeData data;
    static OutcomeData other;
    static OutcomeQueries queries;

    @BeforeAll
    static void start() {
        server = new ServerHarness(dir, new SettableClock(OutcomeData.NOW));
        data = new OutcomeData(server, "outq").load();
        // another tenant with the same course ids, people and CRM rows: never counted for the first
        other = new OutcomeData(server, "outq-other").load();
        other.enrol("extra", null, "C-A", "2024-09-01", "2024-09-02");
        other.opportunity("o99", "k1", "1", "EUR", "2025-02-01", "won");
        queries = new OutcomeQueries(server.credence.jdbi());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    static OutcomeQueries.Scope scope(String from, String to, Long achievement) {
        return new OutcomeQueries.Scope(data.tenant, LocalDate.parse(from), LocalDate.parse(to),
                achievement == null ? OptionalLong.empty() : OptionalLong.of(achievement), OutcomeData.NOW);
    }

    @Test
    void completion_counts_enrolments_per_arm_with_completions_inside_the_follow_up_window() {
        List<CompletionArm> arms = queries.completion(scope("2024-01-01", "2024-12-31", null));
        assertThat(arms).containsExactlyInAnyOrder(
                new CompletionArm(data.a, LocalDate.of(2024, 7, 1), "before", 10, 4),
                new CompletionArm(data.a, LocalDate.of(2024, 7, 1), "with", 10, 8),
                new CompletionArm(data.b, null, "with", 6, 3),
                new CompletionArm(null, null, "without", 10, 5));
        assertThat(queries.completion(scope("2024-01-01", "2024-12-31", data.b)))
                .extracting(CompletionArm::arm, CompletionArm::enrolled).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("with", 6L), org.assertj.core.groups.Tuple.tuple("without", 10L));
    }

    @Test
    void renewals_are_renewal_lines_of_the_same_achievement_by_expiry_quarter() {
        assertThat(queries.renewals(scope("2024-11-01", "2025-06-30", null))).containsExactly(new RenewalCohort("2025Q1", 4, 1));
    }

    @Test
    void re_enrolment_splits_earners_from_non_earners_at_the_first_completion() {
        assertThat(queries.reEnrolment(scope("2023-01-01", "2023-12-31", null))).isEqualTo(new Split(4, 3, 4, 1));
    }

    @Test
    void repeat_earners_hold_two_or_more_achievements() {
        assertThat(queries.repeatEarners(scope("2023-01-01", "2023-12-31", null))).isEqualTo(new Repeat(5, 1));
        assertThat(queries.repeatEarners(scope("2023-01-01", "2023-12-31", data.a))).isEqualTo(new Repeat(4, 1));
    }

    @Test
    void ramp_times_start_at_hire_censor_the_still_ramping_and_drop_those_done_before_the_landmark() {
        assertThat(queries.rampTimes(scope("2025-01-01", "2025-12-31", null))).containsExactly(
                new RampTime("engineer", false, 120, true, 1), new RampTime("engineer", false, 180, true, 1),
                new RampTime("engineer", false, 699, false, 1),
                new RampTime("engineer", true, 60, true, 1), new RampTime("engineer", true, 90, true, 1),
                new RampTime("engineer", true, 150, false, 1));
    }

    @Test
    void attrition_fixes_earner_status_at_the_landmark() {
        // landmark 2024-04-01: s1 left before it; p9 earned before it, p10 after it (so p10 stays a non-earner)
        assertThat(queries.attrition(scope("2024-01-01", "2024-12-31", null), 6)).isEqualTo(new LandmarkResult(3, 3, 0, 3, 1, 4, 0, 1, 0));
        assertThat(queries.attrition(scope("2024-01-01", "2024-12-31", null), 12)).isEqualTo(new LandmarkResult(3, 9, 1, 3, 2, 4, 0, 1, 0));
        // the same counts as the pure function's, on the same people
        List<Employment> support = List.of(new Employment(d("2024-01-01"), d("2023-02-10"), d("2024-03-01")),
                new Employment(d("2024-01-01"), d("2023-02-10"), d("2024-10-01")), new Employment(d("2024-01-01"), d("2023-02-10"), null),
                new Employment(d("2024-01-01"), null, d("2024-06-01")), new Employment(d("2024-01-01"), null, d("2026-06-01")),
                new Employment(d("2024-01-01"), null, null), new Employment(d("2024-01-01"), d("2024-03-01"), null),
                new Employment(d("2024-01-01"), d("2024-10-01"), d("2024-12-01")));
        assertThat(Landmark.attrition(support, 3, 9, d("2026-12-01")))
                .isEqualTo(queries.attrition(scope("2024-01-01", "2024-12-31", null), 12));
    }

    @Test
    void pipeline_counts_a_contact_as_credentialed_only_when_the_credential_predates_the_opportunity() {
        List<Pipeline> pipeline = queries.pipeline(scope("2025-01-01", "2025-12-31", null));
        assertThat(pipeline).containsExactly(
                new Pipeline("EUR", true, 4, 1, new BigDecimal("500.00"), 3, new BigDecimal("10000.00"), 0, new BigDecimal("3000")),
                new Pipeline("EUR", false, 5, 1, new BigDecimal("700.00"), 3, new BigDecimal("5500.00"), 1, new BigDecimal("1000")),
                new Pipeline("USD", false, 2, 1, new BigDecimal("100.00"), 1, new BigDecimal("9999.00"), 0, new BigDecimal("9999")));
        assertThat(queries.wonAmounts(scope("2025-01-01", "2025-12-31", null), "EUR", true, 100)).containsExactlyInAnyOrder(1000, 3000, 6000);
        // only p1 holds B: o5's contact holds A alone
        assertThat(queries.pipeline(scope("2025-01-01", "2025-12-31", data.b)).get(0).opportunities()).isEqualTo(3);
    }

    @Test
    void a_session_computing_earned_once_answers_exactly_what_each_query_computing_it_itself_does() {
        List<String[]> periods = List.of(new String[] {"2023-01-01", "2026-12-01"}, new String[] {"2024-01-01", "2024-12-31"},
                new String[] {"2025-01-01", "2025-12-31"}, new String[] {"2025-04-01", "2025-06-30"});
        for (OutcomeData tenant : List.of(data, other)) {
            for (Long achievement : java.util.Arrays.asList(null, tenant.a, tenant.b)) {
                OptionalLong filter = achievement == null ? OptionalLong.empty() : OptionalLong.of(achievement);
                // one session for several periods, as the warmer uses it
                try (OutcomeQueries.Session session = queries.session(tenant.tenant, filter)) {
                    for (String[] period : periods) {
                        OutcomeQueries.Scope s = new OutcomeQueries.Scope(tenant.tenant, d(period[0]), d(period[1]), filter, OutcomeData.NOW);
                        assertThat(session.reEnrolment(s)).isEqualTo(queries.reEnrolment(s));
                        assertThat(session.rampTimes(s)).isEqualTo(queries.rampTimes(s));
                        assertThat(session.attrition(s, 6)).isEqualTo(queries.attrition(s, 6));
                        assertThat(session.attrition(s, 12)).isEqualTo(queries.attrition(s, 12));
                        assertThat(session.pipeline(s)).isEqualTo(queries.pipeline(s));
                        for (boolean credentialed : List.of(true, false)) {
                            assertThat(session.wonAmounts(s, "EUR", credentialed, 100)).containsExactly(queries.wonAmounts(s, "EUR", credentialed, 100));
                        }
                    }
                }
            }
        }
        // the hand-worked counts above, through a session
        try (OutcomeQueries.Session session = queries.session(data.tenant, OptionalLong.empty())) {
            assertThat(session.attrition(scope("2024-01-01", "2024-12-31", null), 6)).isEqualTo(new LandmarkResult(3, 3, 0, 3, 1, 4, 0, 1, 0));
        }
    }

    @Test
    void a_session_answers_only_its_own_tenant_and_filter_and_leaves_no_table_behind() {
        try (OutcomeQueries.Session session = queries.session(data.tenant, OptionalLong.empty())) {
            assertThat(session.pipeline(scope("2025-01-01", "2025-12-31", null))).isNotEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.pipeline(new OutcomeQueries.Scope(other.tenant, d("2025-01-01"),
                    d("2025-12-31"), OptionalLong.empty(), OutcomeData.NOW))).isInstanceOf(IllegalArgumentException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.pipeline(scope("2025-01-01", "2025-12-31", data.a)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // the temporary table went with the session's transaction: sessions one after another each make their own
        for (int i = 0; i < 3; i++) {
            try (OutcomeQueries.Session session = queries.session(data.tenant, OptionalLong.of(data.b))) {
                assertThat(session.pipeline(scope("2025-01-01", "2025-12-31", data.b)).get(0).opportunities()).isEqualTo(3);
            }
        }
        long left = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM pg_class WHERE relname = 'outcome_earned'")
                .mapTo(Long.class).one());
        assertThat(left).isZero();
    }

    @Test
    void referral_leads_are_contacts_tagged_by_credential_links() {
        assertThat(queries.referralLeads(scope("2025-01-01", "2025-12-31", null))).containsExactlyInAnyOrder(
                new ReferralCampaign("certified-data-steward", 1, 1, 1), new ReferralCampaign("certified data steward", 1, 0, 0),
                new ReferralCampaign("cloud-basics", 1, 1, 1), new ReferralCampaign(null, 1, 1, 1));
    }
}
