package org.credence.analytics.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.credence.analytics.Table;
import org.credence.analytics.outcomes.OutcomeQueries.Pipeline;
import org.credence.insights.Figure;
import org.credence.insights.compare.Comparison;
import org.credence.insights.compare.StudyDesign;
import org.credence.insights.survival.MedianSurvival;

/**
 * The completion, retention and business answers of {@link OutcomeReports} as typed records: figures and comparisons from
 * credence-insights, the rules and notes that explain them, and the table served as CSV. {@link OutcomeJson} writes them as the
 * API's JSON; the outcomes page and the board report read them directly.
 */
public final class OutcomeAnswers {
    private OutcomeAnswers() {}

    /** What every outcome answer has: its table (the CSV) and its header; {@link #asStale} marks a cached answer being recomputed. */
    public sealed interface Answer permits Completion, Retention, Business {
        Header header();

        Table table();

        /** The same answer marked {@code stale}: a newer one is being computed (see {@link OutcomeWarmer}). */
        Answer asStale();
    }

    /**
     * The filter an answer was computed for and when.
     *
     * @param computedAt the instant the data was read
     * @param stale      true when a newer answer is being computed and this is the previous one
     */
    public record Header(LocalDate from, LocalDate to, OptionalLong achievementId, boolean simulated, LocalDate asOf, Instant computedAt,
                         boolean stale) {
        Header asStale() {
            return new Header(from, to, achievementId, simulated, asOf, computedAt, true);
        }
    }

    /** A rate in each of two groups (earners and others, or credentialed and other contacts) and their comparison, null when a group is empty. */
    public record Groups(Figure earners, Figure others, Comparison comparison) {}

    /** Completion with vs without a credential offer, and before vs after each achievement's launch. */
    public record Completion(Header header, Offer offer, List<Launch> launches, int followUpDays, List<String> notes, Table table)
            implements Answer {
        public Completion {
            launches = List.copyOf(launches);
            notes = List.copyOf(notes);
        }

        @Override
        public Completion asStale() {
            return new Completion(header.asStale(), offer, launches, followUpDays, notes, table);
        }
    }

    /** Completion rates of enrolments with and without a credential offer; the comparison is null when a group is empty. */
    public record Offer(Figure with, Figure without, Comparison comparison) {}

    /** One achievement's completion before and after its launch date; the comparison is Holm-adjusted when there are several. */
    public record Launch(long achievementId, String achievement, LocalDate launchedOn, StudyDesign design, Figure before, Figure after,
                         Comparison comparison) {}

    /** Renewal, re-enrolment, repeat earners, time to productivity by role and landmark attrition. */
    public record Retention(Header header, Renewal renewal, ReEnrolment reEnrolment, Figure repeatEarners, List<Ramp> timeToProductivity,
                            List<Attrition> attrition, List<String> notes, Table table) implements Answer {
        public Retention {
            timeToProductivity = List.copyOf(timeToProductivity);
            attrition = List.copyOf(attrition);
            notes = List.copyOf(notes);
        }

        @Override
        public Retention asStale() {
            return new Retention(header.asStale(), renewal, reEnrolment, repeatEarners, timeToProductivity, attrition, notes, table);
        }
    }

    /** The renewal rate by expiry cohort and in total, and the rule that says what counts as renewed. */
    public record Renewal(List<Cohort> cohorts, Figure total, String rule) {
        public Renewal {
            cohorts = List.copyOf(cohorts);
        }
    }

    /** One expiry cohort's renewal rate. */
    public record Cohort(String cohort, Figure figure) {}

    /** Re-enrolment of earners vs non-earners, and who counts as an earner. */
    public record ReEnrolment(Groups groups, String rule) {}

    /**
     * One role's time to productivity: the Kaplan–Meier median of earners and of others, and the share productive by
     * {@code horizonDays} in each group with their comparison (Holm across roles).
     */
    public record Ramp(String role, MedianSurvival earners, MedianSurvival others, Figure productiveByHorizonEarners,
                       Figure productiveByHorizonOthers, int horizonDays, Comparison comparison) {}

    /** Attrition by {@code months} of earners vs others fixed at the landmark, and who was left out and why. */
    public record Attrition(int months, int landmarkMonths, Groups groups, long notYetAtLandmark, long leftBeforeLandmark,
                            long followUpIncomplete) {}

    /** Pipeline and won revenue of credentialed vs other contacts, win rate, deal size and leads from credential links. */
    public record Business(Header header, String rule, List<CurrencyPipeline> pipeline, String mainCurrency, long excludedOpportunities,
                          WinRate winRate, DealSize dealSize, ReferralLeads referralLeads, Table table) implements Answer {
        public Business {
            pipeline = List.copyOf(pipeline);
        }

        @Override
        public Business asStale() {
            return new Business(header.asStale(), rule, pipeline, mainCurrency, excludedOpportunities, winRate, dealSize, referralLeads, table);
        }
    }

    /**
     * One currency's pipeline: its groups (credentialed, others) in the order the data gave them, a group without opportunities
     * as zeros.
     */
    public record CurrencyPipeline(String currency, List<Pipeline> groups) {
        public CurrencyPipeline {
            groups = List.copyOf(groups);
        }

        /** Open plus won amount of a group. */
        public static BigDecimal pipelineAmount(Pipeline group) {
            return group.openAmount().add(group.wonAmount());
        }
    }

    /** Win rate of credentialed vs other contacts in the main currency (the answer has none without a main currency). */
    public record WinRate(Groups groups, String currency) {}

    /**
     * The deal-size ratio in the main currency (the answer has none without a main currency); the comparison is null when a
     * group won nothing.
     *
     * @param sampled whether a group had more won amounts than the bootstrap takes
     */
    public record DealSize(String currency, boolean sampled, Comparison comparison, String formula) {}

    /** Contacts who arrived by a credential link: in total, by achievement, and those whose campaign names none of them. */
    public record ReferralLeads(Figure total, List<ReferralRow> byAchievement, Leads unattributed, String rule) {
        public ReferralLeads {
            byAchievement = List.copyOf(byAchievement);
        }
    }

    /** The leads of one achievement's links. */
    public record ReferralRow(long achievementId, String achievement, String campaign, Leads leads) {}

    /** Contacts, those with an opportunity and those with a won one. */
    public record Leads(long contacts, long withOpportunity, long withWon) {}
}
