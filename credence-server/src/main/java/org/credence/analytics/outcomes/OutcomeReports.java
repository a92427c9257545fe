package org.credence.analytics.outcomes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.credence.achievement.Achievement;
import org.credence.analytics.ComparisonJson;
import org.credence.analytics.ComparisonText;
import org.credence.analytics.FigureJson;
import org.credence.analytics.Report;
import org.credence.analytics.Table;
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
import org.credence.json.JsonFields;

/**
 * The completion, retention and business-outcome figures (ROI layers 4 and 5) of one tenant as {@link Report}s: counts from
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

    /**
     * One outcome answer: the API body and its table, and the comparisons in it by a stable key ("offer", "launch.12",
     * "reEnrolment"…), which the page renders in the reader's language.
     */
    public record Outcome(Report report, Map<String, Comparison> comparisons) {
        public ObjectNode json() {
            return report.json();
        }
    }

    /** Collects a report's comparisons while its JSON is written. */
    private static final class Collected {
        final Map<String, Comparison> comparisons = new LinkedHashMap<>();

        com.fasterxml.jackson.databind.JsonNode add(String key, Comparison comparison) {
            if (comparison == null) {
                return JsonFields.MAPPER.nullNode();
            }
            comparisons.put(key, comparison);
            return ComparisonJson.comparison(comparison, ENGLISH);
        }
    }

    /** The API's sentences are English, like its figure definitions; the page renders its own in the reader's language. */
    private static final ComparisonText ENGLISH = ComparisonText.of("en");
    private final OutcomeQueries queries;
    private final ProgramStore programs;
    /** An answer and the fingerprint of the data it was computed from. */
    private record Cached(String fingerprint, Outcome outcome) {}

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

    private Outcome cached(String kind, Scope scope, boolean mayBeStale, java.util.function.Function<Collected, Report> compute) {
        String key = kind + "|" + scope.tenantId() + "|" + scope.from() + "|" + scope.to() + "|" + scope.achievementId() + "|" + scope.today();
        String fingerprint = queries.fingerprint(scope.tenantId());
        Cached hit = cache.get(key);
        if (hit != null && hit.fingerprint().equals(fingerprint)) {
            return hit.outcome();
        }
        if (hit != null && mayBeStale && scope.isStandard() && revalidating.contains(scope.tenantId())) {
            // stale-while-revalidate: the warmer is computing this answer; the previous one, marked, beats waiting seconds for it
            ObjectNode json = hit.outcome().json().deepCopy().put("stale", true);
            return new Outcome(new Report(json, hit.outcome().report().tables()), hit.outcome().comparisons());
        }
        Collected collected = new Collected();
        Outcome outcome = new Outcome(compute.apply(collected), Map.copyOf(collected.comparisons));
        cache.put(key, new Cached(fingerprint, outcome));
        return outcome;
    }

    /** Completion with vs without a credential offer, and before vs after each achievement's launch date. */
    public Outcome completion(Scope scope, List<Achievement> achievements) {
        return completion(scope, achievements, true);
    }

    private Outcome completion(Scope scope, List<Achievement> achievements, boolean mayBeStale) {
        return cached("completion", scope, mayBeStale, collected -> {
            List<CompletionArm> arms = queries.completion(scope);
            Map<Long, Program> program = programs.all(scope.tenantId());
            ObjectNode body = header(scope);
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
            ObjectNode offer = body.putObject("offer");
            offer.set("with", figure(OutcomeDefinitions.COMPLETION.forGroup("with_offer", "with a credential offer"), withX, withN, "enrolments"));
            offer.set("without", figure(OutcomeDefinitions.COMPLETION.forGroup("without_offer", "without a credential offer"), withoutX, withoutN,
                    "enrolments"));
            offer.set("comparison", collected.add("offer", rates("With a credential offer", withX, withN, "Without a credential offer", withoutX, withoutN,
                    offerDesign)));
            List<ObjectNode> launches = new ArrayList<>();
            List<Comparison> family = new ArrayList<>();
            for (Achievement achievement : achievements) {
                Program p = program.get(achievement.id());
                if (p == null || p.launchedOn().isEmpty() || scope.achievementId().isPresent() && scope.achievementId().getAsLong() != achievement.id()) {
                    continue;
                }
                CompletionArm before = arm(arms, achievement.id(), "before");
                CompletionArm after = arm(arms, achievement.id(), "with");
                ObjectNode launch = JsonFields.MAPPER.createObjectNode();
                launch.put("achievementId", achievement.id()).put("achievement", achievement.name()).put("launchedOn", p.launchedOn().get().toString());
                launch.put("design", StudyDesign.BEFORE_AFTER.id());
                launch.set("before", figure(OutcomeDefinitions.COMPLETION.forGroup("before_launch", "before launch"), before.completed(),
                        before.enrolled(), "enrolments"));
                launch.set("after", figure(OutcomeDefinitions.COMPLETION.forGroup("after_launch", "after launch"), after.completed(),
                        after.enrolled(), "enrolments"));
                Comparison c = rates("After launch", after.completed(), after.enrolled(), "Before launch", before.completed(), before.enrolled(),
                        StudyDesign.BEFORE_AFTER);
                if (c != null) {
                    family.add(c);
                }
                launch.putNull("comparison");
                launch.put("index", c == null ? -1 : family.size() - 1);
                launches.add(launch);
            }
            List<Comparison> adjusted = family.size() > 1 ? Comparisons.family(family) : family;
            ArrayNode list = body.putArray("launches");
            for (ObjectNode launch : launches) {
                int index = launch.remove("index").asInt();
                if (index >= 0) {
                    launch.set("comparison", collected.add("launch." + launch.get("achievementId").asLong(), adjusted.get(index)));
                }
                list.add(launch);
            }
            body.put("followUpDays", OutcomeQueries.FOLLOW_UP_DAYS);
            body.putArray("notes")
                    .add("With an offer: enrolments in a course mapped to an achievement, on or after its launch date (or any date when none is set);"
                            + " without: enrolments in courses mapped to no achievement.")
                    .add("Only enrolments at least " + OutcomeQueries.FOLLOW_UP_DAYS + " days old count, each followed for the same "
                            + OutcomeQueries.FOLLOW_UP_DAYS + " days, so recent enrolments do not pull a rate down.")
                    .add("Several launches compared at once carry Holm-adjusted p-values.");
            List<List<String>> rows = new ArrayList<>();
            for (CompletionArm arm : arms) {
                rows.add(List.of(arm.achievementId() == null ? "" : arm.achievementId().toString(),
                        arm.launchedOn() == null ? "" : arm.launchedOn().toString(), arm.arm(), Long.toString(arm.enrolled()),
                        Long.toString(arm.completed())));
            }
            return new Report(body, List.of(new Table("completion", List.of("achievementId", "launchedOn", "arm", "enrolled", "completed"), rows)));
        });
    }

    /** Renewal by expiry cohort, re-enrolment, repeat earners, time to productivity by role and landmark attrition. */
    public Outcome retention(Scope scope) {
        try (OutcomeQueries.Session session = queries.session(scope.tenantId(), scope.achievementId())) {
            return retention(scope, true, session);
        }
    }

    private Outcome retention(Scope scope, boolean mayBeStale, OutcomeQueries.Session session) {
        return cached("retention", scope, mayBeStale, collected -> {
            ObjectNode body = header(scope);
            ObjectNode renewal = body.putObject("renewal");
            ArrayNode cohorts = renewal.putArray("cohorts");
            long eligible = 0;
            long renewed = 0;
            List<List<String>> rows = new ArrayList<>();
            for (RenewalCohort cohort : queries.renewals(scope)) {
                cohorts.addObject().put("cohort", cohort.cohort()).set("figure",
                        figure(OutcomeDefinitions.RENEWAL.forGroup(cohort.cohort(), cohort.cohort()), cohort.renewed(), cohort.eligible(), "credentials"));
                eligible += cohort.eligible();
                renewed += cohort.renewed();
                rows.add(List.of(cohort.cohort(), Long.toString(cohort.eligible()), Long.toString(cohort.renewed())));
            }
            renewal.set("total", figure(OutcomeDefinitions.RENEWAL, renewed, eligible, "credentials"));
            renewal.put("rule", "Renewed: renewed in Credence (a successor in the credential's lineage that extends its validity), or an"
                    + " imported renewal revenue line of the same achievement for the same person, booked on or after the issue date; each"
                    + " credential counts once, whichever signal shows it. Credence's own renewal-fee lines are not counted again.");

            Split re = session.reEnrolment(scope);
            ObjectNode reEnrolment = body.putObject("reEnrolment");
            split(collected, "reEnrolment", reEnrolment, OutcomeDefinitions.RE_ENROLMENT, re, "people");
            reEnrolment.put("rule", "Earner: a credential issued by " + OutcomeQueries.EARNER_GRACE_DAYS + " days after the first completion.");

            Repeat repeat = queries.repeatEarners(scope);
            body.set("repeatEarners", figure(OutcomeDefinitions.REPEAT, repeat.repeatEarners(), repeat.recipients(), "recipients"));

            body.set("timeToProductivity", ramp(collected, session.rampTimes(scope)));

            ArrayNode attrition = body.putArray("attrition");
            for (int months : List.of(6, 12)) {
                LandmarkResult result = session.attrition(scope, months);
                ObjectNode row = attrition.addObject();
                row.put("months", months).put("landmarkMonths", result.landmarkMonths());
                Split s = new Split(result.earnersAtRisk(), result.earnersLeft(), result.othersAtRisk(), result.othersLeft());
                split(collected, "attrition." + months, row, OutcomeDefinitions.ATTRITION.forGroup(months + "m", "by " + months + " months"), s, "people");
                row.putObject("excluded").put("notYetAtLandmark", result.notYetAtLandmark()).put("leftBeforeLandmark", result.leftBeforeLandmark())
                        .put("followUpIncomplete", result.followUpIncomplete());
            }
            body.putArray("notes")
                    .add("Earner status is fixed at a landmark (time to productivity: " + OutcomeQueries.RAMP_LANDMARK_DAYS
                            + " days after hire; attrition: " + OutcomeQueries.ATTRITION_LANDMARK_MONTHS + " months after hire), so a credential"
                            + " earned later cannot lend earners the time they had to survive to earn it.")
                    .add("People still ramping are censored at their termination or today, not dropped (Kaplan–Meier).");
            return new Report(body, List.of(new Table("renewal", List.of("cohort", "eligible", "renewed"), rows)));
        });
    }

    /** Pipeline and won revenue from credentialed vs other contacts, win rate, deal-size ratio and leads from credential links. */
    public Outcome business(Scope scope, List<Achievement> achievements) {
        try (OutcomeQueries.Session session = queries.session(scope.tenantId(), scope.achievementId())) {
            return business(scope, achievements, true, session);
        }
    }

    private Outcome business(Scope scope, List<Achievement> achievements, boolean mayBeStale, OutcomeQueries.Session session) {
        return cached("business", scope, mayBeStale, collected -> {
            ObjectNode body = header(scope);
            body.put("rule", "A contact counts as credentialed for an opportunity only when a credential was issued to them before the"
                    + " opportunity was created; an opportunity with no matched contact counts as non-credentialed.");
            List<Pipeline> pipeline = session.pipeline(scope);
            Map<String, long[]> wonByCurrency = new TreeMap<>();
            ArrayNode currencies = body.putArray("pipeline");
            List<List<String>> rows = new ArrayList<>();
            Map<String, ObjectNode> byCurrency = new LinkedHashMap<>();
            for (Pipeline p : pipeline) {
                ObjectNode currency = byCurrency.computeIfAbsent(p.currency(), c -> currencies.addObject().put("currency", c));
                ObjectNode group = currency.putObject(p.credentialed() ? "credentialed" : "others");
                group.put("opportunities", p.opportunities()).put("open", p.open()).put("openAmount", p.openAmount())
                        .put("won", p.won()).put("wonAmount", p.wonAmount()).put("lost", p.lost())
                        .put("pipelineAmount", p.openAmount().add(p.wonAmount()));
                if (p.medianWon() == null) {
                    group.putNull("medianWon");
                } else {
                    group.put("medianWon", p.medianWon());
                }
                wonByCurrency.computeIfAbsent(p.currency(), c -> new long[3])[0] += p.won();
                wonByCurrency.get(p.currency())[1] += p.opportunities();
                rows.add(List.of(p.currency(), p.credentialed() ? "credentialed" : "others", Long.toString(p.opportunities()), Long.toString(p.open()),
                        p.openAmount().toPlainString(), Long.toString(p.won()), p.wonAmount().toPlainString(), Long.toString(p.lost())));
            }
            for (ObjectNode currency : byCurrency.values()) {
                for (String group : List.of("credentialed", "others")) {
                    if (!currency.has(group)) {
                        currency.putObject(group).put("opportunities", 0).put("open", 0).put("openAmount", BigDecimal.ZERO).put("won", 0)
                                .put("wonAmount", BigDecimal.ZERO).put("lost", 0).put("pipelineAmount", BigDecimal.ZERO).putNull("medianWon");
                    }
                }
            }
            // the currency with the most won opportunities; amounts in other currencies are never added to it
            String main = wonByCurrency.entrySet().stream().max((a, b) -> Long.compare(a.getValue()[0], b.getValue()[0]))
                    .map(Map.Entry::getKey).orElse(null);
            body.put("mainCurrency", main);
            body.put("excludedOpportunities", wonByCurrency.entrySet().stream().filter(e -> !e.getKey().equals(main))
                    .mapToLong(e -> e.getValue()[1]).sum());
            ObjectNode winRate = body.putObject("winRate");
            ObjectNode dealSize = body.putObject("dealSize");
            dealSize.putNull("comparison");
            if (main != null) {
                Pipeline credentialed = pipeline.stream().filter(p -> p.currency().equals(main) && p.credentialed()).findFirst().orElse(null);
                Pipeline others = pipeline.stream().filter(p -> p.currency().equals(main) && !p.credentialed()).findFirst().orElse(null);
                long cWon = credentialed == null ? 0 : credentialed.won();
                long cClosed = credentialed == null ? 0 : credentialed.won() + credentialed.lost();
                long oWon = others == null ? 0 : others.won();
                long oClosed = others == null ? 0 : others.won() + others.lost();
                split(collected, "winRate", winRate, OutcomeDefinitions.WIN_RATE, new Split(cClosed, cWon, oClosed, oWon), "opportunities",
                        "Credentialed contacts", "Other contacts");
                winRate.put("currency", main);
                double[] first = session.wonAmounts(scope, main, true, BOOTSTRAP_SAMPLE);
                double[] second = session.wonAmounts(scope, main, false, BOOTSTRAP_SAMPLE);
                dealSize.put("currency", main);
                dealSize.put("sampled", cWon > BOOTSTRAP_SAMPLE || oWon > BOOTSTRAP_SAMPLE);
                if (first.length > 0 && second.length > 0) {
                    dealSize.set("comparison", collected.add("dealSize", Comparisons.ofMoney("Credentialed contacts", first, "Other contacts", second, main,
                            StudyDesign.OBSERVATIONAL)));
                }
                dealSize.put("formula", "median won amount (credentialed) ÷ median won amount (others), percentile bootstrap interval");
            }
            body.set("referralLeads", referrals(queries.referralLeads(scope), achievements));
            return new Report(body, List.of(new Table("pipeline",
                    List.of("currency", "group", "opportunities", "open", "openAmount", "won", "wonAmount", "lost"), rows)));
        });
    }

    private ObjectNode referrals(List<ReferralCampaign> campaigns, List<Achievement> achievements) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
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
        node.set("total", FigureJson.figure(Figures.count(OutcomeDefinitions.REFERRAL_LEADS, Count.of("contacts", total, "contacts"))));
        ArrayNode list = node.putArray("byAchievement");
        for (Achievement a : achievements) {
            long[] c = counts.get(a.id());
            if (c != null) {
                list.addObject().put("achievementId", a.id()).put("achievement", a.name()).put("campaign", ShareLinks.campaign(a.name(), a.id()))
                        .put("contacts", c[0]).put("withOpportunity", c[1]).put("withWon", c[2]);
            }
        }
        node.putObject("unattributed").put("contacts", unattributed[0]).put("withOpportunity", unattributed[1]).put("withWon", unattributed[2]);
        node.put("rule", "utm_source = credence (or, when the CRM kept no UTM values, lead source = credence); the achievement is the one"
                + " whose slug or name is the utm_campaign");
        return node;
    }

    /** Kaplan–Meier medians per role and group, and the productive-by-day-90 comparison per role (Holm across roles). */
    private ArrayNode ramp(Collected collected, List<RampTime> times) {
        Map<String, List<RampTime>> byRole = new TreeMap<>();
        times.forEach(t -> byRole.computeIfAbsent(t.role(), r -> new ArrayList<>()).add(t));
        List<ObjectNode> roles = new ArrayList<>();
        List<Comparison> family = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (var entry : byRole.entrySet()) {
            ObjectNode role = JsonFields.MAPPER.createObjectNode().put("role", entry.getKey());
            long[] horizon = new long[4]; // earners productive by horizon, earners followed, others productive, others followed
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
                role.set(earner ? "earners" : "others", median(KaplanMeier.estimate(observations, ConfidenceLevel.NINETY_FIVE).median()));
            }
            Metric metric = OutcomeDefinitions.RAMP.forGroup(groupKey(entry.getKey()), entry.getKey());
            role.set("productiveByHorizonEarners", figure(metric.forGroup("earners", "earners"), horizon[0], horizon[1], "people"));
            role.set("productiveByHorizonOthers", figure(metric.forGroup("others", "others"), horizon[2], horizon[3], "people"));
            Comparison c = rates("Earners", horizon[0], horizon[1], "Non-earners", horizon[2], horizon[3], StudyDesign.OBSERVATIONAL);
            index.add(c == null ? -1 : family.size());
            if (c != null) {
                family.add(c);
            }
            roles.add(role);
        }
        List<Comparison> adjusted = family.size() > 1 ? Comparisons.family(family) : family;
        ArrayNode list = JsonFields.MAPPER.createArrayNode();
        for (int i = 0; i < roles.size(); i++) {
            ObjectNode role = roles.get(i);
            role.put("horizonDays", RAMP_HORIZON_DAYS);
            if (index.get(i) >= 0) {
                role.set("comparison", collected.add("ramp." + role.get("role").asText(), adjusted.get(index.get(i))));
            } else {
                role.putNull("comparison");
            }
            list.add(role);
        }
        return list;
    }

    /** A role as a metric id part: a job title as imported ("Data analyst") has spaces and more that an id may not. */
    static String groupKey(String role) {
        String key = role.strip().replaceAll("[^A-Za-z0-9_-]+", "_");
        return key.isEmpty() ? "_" : key;
    }

    private static ObjectNode median(MedianSurvival median) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("people", median.people()).put("productive", median.events()).put("censored", median.people() - median.events());
        put(node, "medianDays", median.estimate());
        put(node, "lowerDays", median.lower());
        put(node, "upperDays", median.upper());
        node.put("level", median.level());
        node.put("method", "kaplan_meier_brookmeyer_crowley_log_log");
        return node;
    }

    private static void put(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }

    private static void split(Collected collected, String key, ObjectNode into, Metric metric, Split split, String unit) {
        split(collected, key, into, metric, split, unit, "Earners", "Non-earners");
    }

    private static void split(Collected collected, String key, ObjectNode into, Metric metric, Split split, String unit, String first,
                              String second) {
        into.set("earners", figure(metric.forGroup("earners", first), split.earnersWith(), split.earners(), unit));
        into.set("others", figure(metric.forGroup("others", second), split.othersWith(), split.others(), unit));
        into.set("comparison", collected.add(key, rates(first, split.earnersWith(), split.earners(), second, split.othersWith(), split.others(),
                StudyDesign.OBSERVATIONAL)));
    }

    /** A rate comparison, or null when a group is empty (nothing to compare). */
    private static Comparison rates(String label1, long x1, long n1, String label2, long x2, long n2, StudyDesign design) {
        return n1 == 0 || n2 == 0 ? null : Comparisons.ofRates(label1, x1, n1, label2, x2, n2, design);
    }

    private static ObjectNode figure(Metric metric, long successes, long trials, String unit) {
        return FigureJson.figure(Figures.proportion(metric, Count.of("with_outcome", successes, unit), Count.of("total", trials, unit),
                ConfidenceLevel.NINETY_FIVE));
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

    private ObjectNode header(Scope scope) {
        ObjectNode body = JsonFields.MAPPER.createObjectNode();
        ObjectNode filter = body.putObject("filter");
        filter.put("from", scope.from().toString()).put("to", scope.to().toString());
        if (scope.achievementId().isPresent()) {
            filter.put("achievement", scope.achievementId().getAsLong());
        } else {
            filter.putNull("achievement");
        }
        body.put("simulated", queries.simulated(scope.tenantId()));
        body.put("asOf", scope.today().toString());
        // the instant the data was read; stale = true when a newer answer is being computed (see OutcomeWarmer)
        body.put("computedAt", scope.now().toString());
        body.put("stale", false);
        return body;
    }
}
