package org.credence.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credence.insights.Figure;
import org.junit.jupiter.api.Test;

/** The pathway rule (all of, N of M, in order), the cycle check and the funnel's suppression, without a database. */
class PathwayRuleTest {
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");

    private static Map<Long, Earned> earned(Object... idAndDay) {
        Map<Long, Earned> earned = new HashMap<>();
        for (int i = 0; i < idAndDay.length; i += 2) {
            long id = ((Number) idAndDay[i]).longValue();
            earned.put(id, new Earned(id, JAN.plusSeconds(86_400L * ((Number) idAndDay[i + 1]).intValue()), UUID.randomUUID(), "N" + id));
        }
        return earned;
    }

    @Test
    void all_of_completes_only_with_every_component() {
        Pathway all = new Pathway(9, List.of(1L, 2L, 3L), 3, false);
        assertThat(Progress.of(all, earned(1, 0, 3, 1)).complete()).isFalse();
        Progress done = Progress.of(all, earned(3, 0, 2, 1, 1, 2, 7, 0));
        assertThat(done.complete()).isTrue();
        assertThat(done.counted()).extracting(Earned::achievementId).as("in the listed order, other achievements ignored").containsExactly(1L, 2L, 3L);
    }

    @Test
    void n_of_m_completes_with_any_n_and_reports_the_missing_ones() {
        Pathway twoOfThree = new Pathway(9, List.of(1L, 2L, 3L), 2, false);
        Progress progress = Progress.of(twoOfThree, earned(3, 0, 1, 5));
        assertThat(progress.complete()).isTrue();
        assertThat(progress.missing()).containsExactly(2L);
        assertThat(Progress.of(twoOfThree, earned(2, 0)).earned()).isEqualTo(1);
    }

    @Test
    void ordered_counts_the_longest_run_earned_in_the_listed_order_and_ties_are_in_order() {
        Pathway ordered = new Pathway(9, List.of(1L, 2L, 3L), 3, true);
        assertThat(Progress.of(ordered, earned(1, 0, 2, 1, 3, 1)).complete()).as("same day counts as in order").isTrue();
        Progress outOfOrder = Progress.of(ordered, earned(1, 2, 2, 1, 3, 3));
        assertThat(outOfOrder.complete()).isFalse();
        assertThat(outOfOrder.earned()).isEqualTo(3);
        assertThat(outOfOrder.counted()).hasSize(2);
        Pathway twoInOrder = new Pathway(9, List.of(1L, 2L, 3L), 2, true);
        assertThat(Progress.of(twoInOrder, earned(1, 2, 2, 1, 3, 3)).counted()).extracting(Earned::achievementId).containsExactly(1L, 3L);
        assertThat(Progress.of(twoInOrder, earned(1, 5, 2, 4, 3, 3)).complete()).isFalse();
    }

    @Test
    void a_cycle_through_the_changed_pathway_is_found_with_its_path() {
        Map<Long, Pathway> graph = new HashMap<>();
        graph.put(1L, new Pathway(1, List.of(2L, 5L), 2, false));
        graph.put(2L, new Pathway(2, List.of(3L), 1, false));
        assertThat(Pathways.cycleThrough(1, graph)).isEmpty();
        graph.put(3L, new Pathway(3, List.of(4L, 1L), 1, false));
        assertThat(Pathways.cycleThrough(3, graph)).containsExactly(3L, 1L, 2L, 3L);
    }

    @Test
    void the_funnel_withholds_small_stages_and_every_reached_count_that_would_give_one_away() {
        Pathway pathway = new Pathway(9, List.of(1L, 2L, 3L), 3, false);
        // 1 of 3: 40, 2 of 3: 20, 3 of 3: 2 (waiting, or out of order), completed: 30
        PathwayFunnel funnel = PathwayFunnel.of(pathway, new long[] {40, 20, 2, 30}, 5);
        Map<String, Figure> stages = new HashMap<>();
        funnel.stages().cells().forEach(c -> stages.put(c.metric().id(), c));
        assertThat(stages.get("pathway.stage.3_of_3").suppressed()).isTrue();
        assertThat(stages.get("pathway.stage.2_of_3").suppressed()).as("complementary: the smallest shown stage").isTrue();
        assertThat(stages.get("pathway.stage.completed").value()).isEqualByComparingTo("30");
        assertThat(funnel.stages().total().value()).isEqualByComparingTo("92");
        Map<String, PathwayFunnel.Reached> reached = new HashMap<>();
        funnel.reached().forEach(r -> reached.put(r.stage(), r));
        assertThat(reached.get("started").recipients().value()).isEqualByComparingTo("92");
        assertThat(reached.get("2_of_3").recipients().value()).as("both withheld stages after it: known already").isEqualByComparingTo("52");
        assertThat(reached.get("3_of_3").recipients().suppressed()).as("would split the two withheld stages").isTrue();
        assertThat(reached.get("completed").recipients().value()).isEqualByComparingTo("30");
        assertThat(reached.get("completed").shareOfStarted().value().doubleValue()).isCloseTo(30 / 92.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(reached.get("completed").shareOfStarted().interval()).isNotNull();
        PathwayFunnel tiny = PathwayFunnel.of(pathway, new long[] {2, 1, 0, 1}, 5);
        assertThat(tiny.reached()).allSatisfy(r -> assertThat(r.recipients().suppressed()).isTrue());
    }
}
