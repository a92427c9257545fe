package org.credence.analytics.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.credence.achievement.Achievement;
import org.credence.analytics.Table;
import org.credence.analytics.outcomes.OutcomeAnswers.Answer;
import org.credence.analytics.outcomes.OutcomeAnswers.Attrition;
import org.credence.analytics.outcomes.OutcomeAnswers.Business;
import org.credence.analytics.outcomes.OutcomeAnswers.Cohort;
import org.credence.analytics.outcomes.OutcomeAnswers.Completion;
import org.credence.analytics.outcomes.OutcomeAnswers.CurrencyPipeline;
import org.credence.analytics.outcomes.OutcomeAnswers.DealSize;
import org.credence.analytics.outcomes.OutcomeAnswers.Groups;
import org.credence.analytics.outcomes.OutcomeAnswers.Header;
import org.credence.analytics.outcomes.OutcomeAnswers.Launch;
import org.credence.analytics.outcomes.OutcomeAnswers.Leads;
import org.credence.analytics.outcomes.OutcomeAnswers.Offer;
import org.credence.analytics.outcomes.OutcomeAnswers.Ramp;
import org.credence.analytics.outcomes.OutcomeAnswers.ReEnrolment;
import org.credence.analytics.outcomes.OutcomeAnswers.ReferralLeads;
import org.credence.analytics.outcomes.OutcomeAnswers.ReferralRow;
import org.credence.analytics.outcomes.OutcomeAnswers.Renewal;
import org.credence.analytics.outcomes.OutcomeAnswers.Retention;
import org.credence.analytics.outcomes.OutcomeAnswers.WinRate;
import org.credence.analytics.outcomes.OutcomeQueries.CompletionArm;
import org.credence.analytics.outcomes.OutcomeQueries.Pipeline;
import org.credence.analytics.outcomes.OutcomeQueries.RampTime;
import org.credence.analytics.outcomes.OutcomeQueries.ReferralCampaign;
import org.credence.analytics.outcomes.OutcomeQueries.RenewalCohort;
import org.credence.analytics.outcomes.OutcomeQueries.Repeat;
import org.credence.analytics.outcomes.OutcomeQueries.Scope;
import org.credence.analytics.outcomes.OutcomeQueries.Split;
import org.credence.analytics.outcomes.ProgramStore.Program;
import org.credence.credential.ShareLinks;
import org.credence.insights.Count;
import org.credence.insights.Figure;
import org.credence.insights.Figures;
import org.credence.insights.Metric;
import org.credence.insights.compare.Comparison;
import org.credence.insights.compare.Comparisons;
import org.credence.insights.compare.StudyDesign;
import org.credence.insights.stats.ConfidenceLevel;
import org.credence.insights.survival.KaplanMeier;
import org.credence.insights.survival.LandmarkResult;
import org.credence.insights.survival.MedianSurvival;
import org.credence.insights.survival.Observation;

/**
 * The completion, retention and business-outcome figures (ROI layers 4 and 5) of one tenant as {@link OutcomeAnswers}: counts from
 * {@link OutcomeQueries}, statistics from credence-insights (Wilson rates, {@link Comparisons} for every earner-vs-not and
 * before-vs-after figure, Kaplan–Meier, landmark attrition). The API and the page read the same reports.
 *
 * <p>Answers are cached per tenant and request, keyed by {@link OutcomeQueries#fingerprint} (the latest import, the latest
 * audited change, erasures): the figures join a million outcome rows to the credentials, which takes longer than a dashboard
 * read may. {@link OutcomeWarmer} recomputes the default-filter answers, the board report's quarters and each achievement's
 * default view after a change; while it does, a reader of the default dates (with or without an achievement) gets the previous
 * answer marked {@code stale} with its {@code computedAt}. Other dates are computed by the first reader after new data. An answer's queries share one {@link OutcomeQueries.Session}, which computes each
 * person's first credential once for all of them.
 */
public final class OutcomeReports {
    /** Days after hire by which "productive" is compared between earners and non-earners. */
    static final int RAMP_HORIZON_DAYS = 90;
    /** At most this many won amounts per group go into the deal-size bootstrap (a fixed pseudo-random subset beyond). */
    static final int BOOTSTRAP_SAMPLE = 5_000;
    private static final int CACHE_SIZE = 256;

    private final OutcomeQueries queries;
    private final ProgramStore programs;
    /** An answer and the fingerprint of the data it was computed from. */
    private record Cached(String fingerprint, Answer answer) {}

    private final Map<String, Cached> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    });
    /** Tenants whose default-filter answers {@link OutcomeWarmer} is about to recompute or recomputing. */
    private final Set<Long> revalidating = ConcurrentHashMap.newKeySet();

    public OutcomeReports(OutcomeQueries queries, ProgramStore programs) {
        this.queries = queries;
        this.programs = programs;
    }

    /** Whether the tenant's data is simulated. */
    public boolean simulated(long tenantId) {
        return queries.simulated(tenantId);
    }

    /** Marks the tenant's default-filter answers as being recomputed (or no longer): {@link OutcomeWarmer} calls it. */
    void revalidating(long tenantId, boolean on) {
        if (on) {
            revalidating.add(tenantId);
        } else {
            revalidating.remove(tenantId);
        }
    }

    /**
     * Computes the three answers of each scope unless the cache holds them for the current data. The scopes share one tenant
     * and achievement filter, so their queries share one {@link OutcomeQueries.Session}: "earned" is computed once for all.
     */
    void warm(List<Scope> scopes, List<Achievement> achievements) {
        if (scopes.isEmpty()) {
            return;
        }
        if (scopes.stream().anyMatch(s -> s.tenantId() != scopes.get(0).tenantId() || !s.achievementId().equals(scopes.get(0).achievementId()))) {
            throw new IllegalArgumentException("warm one tenant and achievement filter at a time");
        }
        try (OutcomeQueries.Session session = queries.session(scopes.get(0).tenantId(), scopes.get(0).achievementId())) {
            for (Scope scope : scopes) {
                completion(scope, achievements, false);
                retention(scope, false, session);
                business(scope, achievements, false, session);
            }
        }
    }

    /** The cached answer of this kind and scope for the current data, or a newly computed one; records are immutable, so shared. */
    private <T extends Answer> T cached(String kind, Scope scope, boolean mayBeStale, Class<T> type, Supplier<T> compute) {
        String key = kind + "|" + scope.tenantId() + "|" + scope.from() + "|" + scope.to() + "|" + scope.achievementId() + "|" + scope.today();
        String fingerprint = queries.fingerprint(scope.tenantId());
        Cached hit = cache.get(key);
        if (hit != null && hit.fingerprint().equals(fingerprint)) {
            return type.cast(hit.answer());
        }
        if (hit != null && mayBeStale && scope.isStandard() && revalidating.contains(scope.tenantId())) {
            // stale-while-revalidate: the warmer is computing this answer; the previous one, marked, beats waiting seconds for it
            return type.cast(hit.answer().asStale());
        }
        T answer = compute.get();
        cache.put(key, new Cached(fingerprint, answer));
        return answer;
    }

    /** Completion with vs without a credential offer, and before vs after each achievement's launch date. */
    public Completion completion(Scope scope, List<Achievement> achievements) {
        return completion(scope, achievements, true);
    }

    private Completion completion(Scope scope, List<Achievement> achievements, boolean mayBeStale) {
        return cached("completion", scope, mayBeStale, Completion.class, () -> {
            List<CompletionArm> arms = queries.completion(scope);
            Map<Long, Program> program = programs.all(scope.tenantId());
            Header header = header(scope);
            long withN = 0;
            long withX = 0;
            long withoutN = 0;
            long withoutX = 0;
            for (CompletionArm arm : arms) {
                if (arm.arm().equals("with")) {
                    withN += arm.enrolled();
                    withX += arm.completed();
                } else if (arm.arm().equals("without")) {
                    withoutN += arm.enrolled();
                    withoutX += arm.completed();
                }
            }
            StudyDesign offerDesign = scope.achievementId().isPresent()
                    ? offerDesign(program.get(scope.achievementId().getAsLong())) : StudyDesign.OBSERVATIONAL;
            Offer offer = new Offer(
                    figure(OutcomeDefinitions.COMPLETION.forGroup("with_offer", "with a credential offer"), withX, withN, "enrolments"),
                    figure(OutcomeDefinitions.COMPLETION.forGroup("without_offer", "without a credential offer"), withoutX, withoutN, "enrolments"),
                    rates("With a credential offer", withX, withN, "Without a credential offer", withoutX, withoutN, offerDesign));
            List<Launch> launches = new ArrayList<>();
            List<Integer> index = new ArrayList<>();
            List<Comparison> family = new ArrayList<>();
            for (Achievement achievement : achievements) {
                Program p = program.get(achievement.id());
                if (p == null || p.launchedOn().isEmpty() || scope.achievementId().isPresent() && scope.achievementId().getAsLong() != achievement.id()) {
                    continue;
                }
                CompletionArm before = arm(arms, achievement.id(), "before");
                CompletionArm after = arm(arms, achievement.id(), "with");
                Comparison c = rates("After launch", after.completed(), after.enrolled(), "Before launch", before.completed(), before.enrolled(),
                        StudyDesign.BEFORE_AFTER);
                if (c != null) {
                    family.add(c);
                }
                index.add(c == null ? -1 : family.size() - 1);
                launches.add(new Launch(achievement.id(), achievement.name(), p.launchedOn().get(), StudyDesign.BEFORE_AFTER,
                        figure(OutcomeDefinitions.COMPLETION.forGroup("before_launch", "before launch"), before.completed(), before.enrolled(),
                                "enrolments"),
                        figure(OutcomeDefinitions.COMPLETION.forGroup("after_launch", "after launch"), after.completed(), after.enrolled(),
                                "enrolments"),
                        null));
            }
            // several launches compared at once: each carries its Holm-adjusted comparison
            List<Comparison> adjusted = family.size() > 1 ? Comparisons.family(family) : family;
            for (int i = 0; i < launches.size(); i++) {
                Launch l = launches.get(i);
                if (index.get(i) >= 0) {
                    launches.set(i, new Launch(l.achievementId(), l.achievement(), l.launchedOn(), l.design(), l.before(), l.after(),
                            adjusted.get(index.get(i))));
                }
            }
            List<String> notes = List.of(
                    "With an offer: enrolments in a course mapped to an achievement, on or after its launch date (or any date when none is set);"
                            + " without: enrolments in courses mapped to no achievement.",
                    "Only enrolments at least " + OutcomeQueries.FOLLOW_UP_DAYS + " days old count, each followed for the same "
                            + OutcomeQueries.FOLLOW_UP_DAYS + " days, so recent enrolments do not pull a rate down.",
                    "Several launches compared at once carry Holm-adjusted p-values.");
            List<List<String>> rows = new ArrayList<>();
            for (CompletionArm arm : arms) {
                rows.add(List.of(arm.achievementId() == null ? "" : arm.achievementId().toString(),
                        arm.launchedOn() == null ? "" : arm.launchedOn().toString(), arm.arm(), Long.toString(arm.enrolled()),
                        Long.toString(arm.completed())));
            }
            return new Completion(header, offer, launches, OutcomeQueries.FOLLOW_UP_DAYS, notes,
                    new Table("completion", List.of("achievementId", "launchedOn", "arm", "enrolled", "completed"), rows));
        });
    }

    /** Renewal by expiry cohort, re-enrolment, repeat earners, time to productivity by role and landmark attrition. */
    public Retention retention(Scope scope) {
        try (OutcomeQueries.Session session = queries.session(scope.tenantId(), scope.achievementId())) {
            return retention(scope, true, session);
        }
    }

    private Retention retention(Scope scope, boolean mayBeStale, OutcomeQueries.Session session) {
        return cached("retention", scope, mayBeStale, Retention.class, () -> {
            Header header = header(scope);
            List<Cohort> cohorts = new ArrayList<>();
            long eligible = 0;
            long renewed = 0;
            List<List<String>> rows = new ArrayList<>();
            for (RenewalCohort cohort : queries.renewals(scope)) {
                cohorts.add(new Cohort(cohort.cohort(),
                        figure(OutcomeDefinitions.RENEWAL.forGroup(cohort.cohort(), cohort.cohort()), cohort.renewed(), cohort.eligible(), "credentials")));
                eligible += cohort.eligible();
                renewed += cohort.renewed();
                rows.add(List.of(cohort.cohort(), Long.toString(cohort.eligible()), Long.toString(cohort.renewed())));
            }
            Renewal renewal = new Renewal(cohorts, figure(OutcomeDefinitions.RENEWAL, renewed, eligible, "credentials"),
                    "Renewed: renewed in Credence (a successor in the credential's lineage that extends its validity), or an"
                    + " imported renewal revenue line of the same achievement for the same person, booked on or after the issue date; each"
                    + " credential counts once, whichever signal shows it. Credence's own renewal-fee lines are not counted again.");

            ReEnrolment reEnrolment = new ReEnrolment(groups(OutcomeDefinitions.RE_ENROLMENT, session.reEnrolment(scope), "people"),
                    "Earner: a credential issued by " + OutcomeQueries.EARNER_GRACE_DAYS + " days after the first completion.");

            Repeat repeat = queries.repeatEarners(scope);
            Figure repeatEarners = figure(OutcomeDefinitions.REPEAT, repeat.repeatEarners(), repeat.recipients(), "recipients");

            List<Ramp> ramp = ramp(session.rampTimes(scope));

            List<Attrition> attrition = new ArrayList<>();
            for (int months : List.of(6, 12)) {
                LandmarkResult result = session.attrition(scope, months);
                Split s = new Split(result.earnersAtRisk(), result.earnersLeft(), result.othersAtRisk(), result.othersLeft());
                attrition.add(new Attrition(months, result.landmarkMonths(),
                        groups(OutcomeDefinitions.ATTRITION.forGroup(months + "m", "by " + months + " months"), s, "people"),
                        result.notYetAtLandmark(), result.leftBeforeLandmark(), result.followUpIncomplete()));
            }
            List<String> notes = List.of(
                    "Earner status is fixed at a landmark (time to productivity: " + OutcomeQueries.RAMP_LANDMARK_DAYS
                            + " days after hire; attrition: " + OutcomeQueries.ATTRITION_LANDMARK_MONTHS + " months after hire), so a credential"
                            + " earned later cannot lend earners the time they had to survive to earn it.",
                    "People still ramping are censored at their termination or today, not dropped (Kaplan–Meier).");
            return new Retention(header, renewal, reEnrolment, repeatEarners, ramp, attrition, notes,
                    new Table("renewal", List.of("cohort", "eligible", "renewed"), rows));
        });
    }

    /** Pipeline and won revenue from credentialed vs other contacts, win rate, deal-size ratio and leads from credential links. */
    public Business business(Scope scope, List<Achievement> achievements) {
        try (OutcomeQueries.Session session = queries.session(scope.tenantId(), scope.achievementId())) {
            return business(scope, achievements, true, session);
        }
    }

    private Business business(Scope scope, List<Achievement> achievements, boolean mayBeStale, OutcomeQueries.Session session) {
        return cached("business", scope, mayBeStale, Business.class, () -> {
            Header header = header(scope);
            String rule = "A contact counts as credentialed for an opportunity only when a credential was issued to them before the"
                    + " opportunity was created; an opportunity with no matched contact counts as non-credentialed.";
            List<Pipeline> pipeline = session.pipeline(scope);
            Map<String, long[]> wonByCurrency = new TreeMap<>();
            List<List<String>> rows = new ArrayList<>();
            // each currency's groups in the order the data gives them; a missing group follows as zeros
            Map<String, List<Pipeline>> byCurrency = new LinkedHashMap<>();
            for (Pipeline p : pipeline) {
                byCurrency.computeIfAbsent(p.currency(), c -> new ArrayList<>()).add(p);
                wonByCurrency.computeIfAbsent(p.currency(), c -> new long[3])[0] += p.won();
                wonByCurrency.get(p.currency())[1] += p.opportunities();
                rows.add(List.of(p.currency(), p.credentialed() ? "credentialed" : "others", Long.toString(p.opportunities()), Long.toString(p.open()),
                        p.openAmount().toPlainString(), Long.toString(p.won()), p.wonAmount().toPlainString(), Long.toString(p.lost())));
            }
            List<CurrencyPipeline> currencies = new ArrayList<>();
            byCurrency.forEach((currency, groups) -> {
                List<Pipeline> all = new ArrayList<>(groups);
                for (boolean credentialed : List.of(true, false)) {
                    if (all.stream().noneMatch(g -> g.credentialed() == credentialed)) {
                        all.add(new Pipeline(currency, credentialed, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, null));
                    }
                }
                currencies.add(new CurrencyPipeline(currency, all));
            });
            // the currency with the most won opportunities; amounts in other currencies are never added to it
            String main = wonByCurrency.entrySet().stream().max((a, b) -> Long.compare(a.getValue()[0], b.getValue()[0]))
                    .map(Map.Entry::getKey).orElse(null);
            long excluded = wonByCurrency.entrySet().stream().filter(e -> !e.getKey().equals(main)).mapToLong(e -> e.getValue()[1]).sum();
            WinRate winRate = null;
            DealSize dealSize = null;
            if (main != null) {
                Pipeline credentialed = pipeline.stream().filter(p -> p.currency().equals(main) && p.credentialed()).findFirst().orElse(null);
                Pipeline others = pipeline.stream().filter(p -> p.currency().equals(main) && !p.credentialed()).findFirst().orElse(null);
                long cWon = credentialed == null ? 0 : credentialed.won();
                long cClosed = credentialed == null ? 0 : credentialed.won() + credentialed.lost();
                long oWon = others == null ? 0 : others.won();
                long oClosed = others == null ? 0 : others.won() + others.lost();
                winRate = new WinRate(groups(OutcomeDefinitions.WIN_RATE, new Split(cClosed, cWon, oClosed, oWon), "opportunities",
                        "Credentialed contacts", "Other contacts"), main);
                double[] first = session.wonAmounts(scope, main, true, BOOTSTRAP_SAMPLE);
                double[] second = session.wonAmounts(scope, main, false, BOOTSTRAP_SAMPLE);
                Comparison ratio = first.length > 0 && second.length > 0
                        ? Comparisons.ofMoney("Credentialed contacts", first, "Other contacts", second, main, StudyDesign.OBSERVATIONAL) : null;
                dealSize = new DealSize(main, cWon > BOOTSTRAP_SAMPLE || oWon > BOOTSTRAP_SAMPLE, ratio,
                        "median won amount (credentialed) ÷ median won amount (others), percentile bootstrap interval");
            }
            return new Business(header, rule, currencies, main, excluded, winRate, dealSize, referrals(queries.referralLeads(scope), achievements),
                    new Table("pipeline", List.of("currency", "group", "opportunities", "open", "openAmount", "won", "wonAmount", "lost"), rows));
        });
    }

    private static ReferralLeads referrals(List<ReferralCampaign> campaigns, List<Achievement> achievements) {
        // a campaign is the achievement's slug (every link since issue 13) or, on older links, its name
        Map<String, Achievement> byCampaign = new LinkedHashMap<>();
        for (Achievement a : achievements) {
            byCampaign.put(ShareLinks.campaign(a.name(), a.id()), a);
            byCampaign.putIfAbsent(a.name().toLowerCase(java.util.Locale.ROOT), a);
        }
        Map<Long, long[]> counts = new LinkedHashMap<>();
        long[] unattributed = new long[3];
        long total = 0;
        for (ReferralCampaign c : campaigns) {
            Achievement a = c.campaign() == null ? null : byCampaign.get(c.campaign());
            long[] into = a == null ? unattributed : counts.computeIfAbsent(a.id(), id -> new long[3]);
            into[0] += c.contacts();
            into[1] += c.withOpportunity();
            into[2] += c.withWon();
            total += c.contacts();
        }
        List<ReferralRow> rows = new ArrayList<>();
        for (Achievement a : achievements) {
            long[] c = counts.get(a.id());
            if (c != null) {
                rows.add(new ReferralRow(a.id(), a.name(), ShareLinks.campaign(a.name(), a.id()), new Leads(c[0], c[1], c[2])));
            }
        }
        return new ReferralLeads(Figures.count(OutcomeDefinitions.REFERRAL_LEADS, Count.of("contacts", total, "contacts")), rows,
                new Leads(unattributed[0], unattributed[1], unattributed[2]),
                "utm_source = credence (or, when the CRM kept no UTM values, lead source = credence); the achievement is the one"
                        + " whose slug or name is the utm_campaign");
    }

    /** Kaplan–Meier medians per role and group, and the productive-by-day-90 comparison per role (Holm across roles). */
    private static List<Ramp> ramp(List<RampTime> times) {
        Map<String, List<RampTime>> byRole = new TreeMap<>();
        times.forEach(t -> byRole.computeIfAbsent(t.role(), r -> new ArrayList<>()).add(t));
        List<Ramp> roles = new ArrayList<>();
        List<Comparison> family = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (var entry : byRole.entrySet()) {
            long[] horizon = new long[4]; // earners productive by horizon, earners followed, others productive, others followed
            MedianSurvival[] medians = new MedianSurvival[2];
            for (boolean earner : List.of(true, false)) {
                List<Observation> observations = new ArrayList<>();
                for (RampTime t : entry.getValue()) {
                    if (t.earner() != earner) {
                        continue;
                    }
                    for (long i = 0; i < t.count(); i++) {
                        observations.add(new Observation(t.days(), t.productive()));
                    }
                    int slot = earner ? 0 : 2;
                    if (t.productive() && t.days() <= RAMP_HORIZON_DAYS) {
                        horizon[slot] += t.count();
                        horizon[slot + 1] += t.count();
                    } else if (t.days() > RAMP_HORIZON_DAYS || t.days() == RAMP_HORIZON_DAYS) {
                        horizon[slot + 1] += t.count();
                    }
                }
                medians[earner ? 0 : 1] = KaplanMeier.estimate(observations, ConfidenceLevel.NINETY_FIVE).median();
            }
            Metric metric = OutcomeDefinitions.RAMP.forGroup(groupKey(entry.getKey()), entry.getKey());
            Comparison c = rates("Earners", horizon[0], horizon[1], "Non-earners", horizon[2], horizon[3], StudyDesign.OBSERVATIONAL);
            index.add(c == null ? -1 : family.size());
            if (c != null) {
                family.add(c);
            }
            roles.add(new Ramp(entry.getKey(), medians[0], medians[1], figure(metric.forGroup("earners", "earners"), horizon[0], horizon[1], "people"),
                    figure(metric.forGroup("others", "others"), horizon[2], horizon[3], "people"), RAMP_HORIZON_DAYS, null));
        }
        List<Comparison> adjusted = family.size() > 1 ? Comparisons.family(family) : family;
        List<Ramp> list = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            Ramp r = roles.get(i);
            list.add(index.get(i) < 0 ? r : new Ramp(r.role(), r.earners(), r.others(), r.productiveByHorizonEarners(),
                    r.productiveByHorizonOthers(), r.horizonDays(), adjusted.get(index.get(i))));
        }
        return list;
    }

    /** A role as a metric id part: a job title as imported ("Data analyst") has spaces and more that an id may not. */
    static String groupKey(String role) {
        String key = role.strip().replaceAll("[^A-Za-z0-9_-]+", "_");
        return key.isEmpty() ? "_" : key;
    }

    private static Groups groups(Metric metric, Split split, String unit) {
        return groups(metric, split, unit, "Earners", "Non-earners");
    }

    private static Groups groups(Metric metric, Split split, String unit, String first, String second) {
        return new Groups(figure(metric.forGroup("earners", first), split.earnersWith(), split.earners(), unit),
                figure(metric.forGroup("others", second), split.othersWith(), split.others(), unit),
                rates(first, split.earnersWith(), split.earners(), second, split.othersWith(), split.others(), StudyDesign.OBSERVATIONAL));
    }

    /** A rate comparison, or null when a group is empty (nothing to compare). */
    private static Comparison rates(String label1, long x1, long n1, String label2, long x2, long n2, StudyDesign design) {
        return n1 == 0 || n2 == 0 ? null : Comparisons.ofRates(label1, x1, n1, label2, x2, n2, design);
    }

    private static Figure figure(Metric metric, long successes, long trials, String unit) {
        return Figures.proportion(metric, Count.of("with_outcome", successes, unit), Count.of("total", trials, unit), ConfidenceLevel.NINETY_FIVE);
    }

    private static CompletionArm arm(List<CompletionArm> arms, long achievementId, String arm) {
        return arms.stream().filter(a -> a.achievementId() != null && a.achievementId() == achievementId && a.arm().equals(arm)).findFirst()
                .orElse(new CompletionArm(achievementId, null, arm, 0, 0));
    }

    /** Offered vs not offered is observational unless the owner withheld the offer from a random holdout. */
    private static StudyDesign offerDesign(Program program) {
        return program != null && StudyDesign.parse(program.studyDesign()) == StudyDesign.RANDOMISED_HOLDOUT
                ? StudyDesign.RANDOMISED_HOLDOUT : StudyDesign.OBSERVATIONAL;
    }

    private Header header(Scope scope) {
        return new Header(scope.from(), scope.to(), scope.achievementId(), queries.simulated(scope.tenantId()), scope.today(), scope.now(), false);
    }
}
