package org.credence.insights.compare;

import java.util.ArrayList;
import java.util.List;
import org.credence.insights.Count;
import org.credence.insights.SmallSampleRule;
import org.credence.insights.Warning;
import org.credence.insights.compare.Comparison.Kind;
import org.credence.insights.compare.Wording.Argument;
import org.credence.insights.compare.Wording.Type;
import org.credence.insights.stats.Bootstrap;
import org.credence.insights.stats.ConfidenceLevel;
import org.credence.insights.stats.EValue;
import org.credence.insights.stats.Holm;
import org.credence.insights.stats.Interval;
import org.credence.insights.stats.MinimumDetectableEffect;
import org.credence.insights.stats.NewcombeDifference;
import org.credence.insights.stats.RelativeRisk;
import org.credence.insights.stats.SampleSize;
import org.credence.insights.stats.TwoProportionTest;
import org.credence.insights.stats.WelchT;

/**
 * Builds {@link Comparison}s at 95 % with the {@link SmallSampleRule#DEFAULT} rule: rates by
 * Newcombe's hybrid score interval, Katz relative risk and the E-value; means by Welch's t; money
 * by a seeded percentile bootstrap of the medians. {@link #family} applies Holm's correction to
 * comparisons made together.
 */
public final class Comparisons {

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.NINETY_FIVE;
    private static final SmallSampleRule RULE = SmallSampleRule.DEFAULT;
    /** The unit of a rate comparison's difference. */
    public static final String PROPORTION = "proportion";

    private Comparisons() {
    }

    /**
     * Compares {@code x1} of {@code n1} with {@code x2} of {@code n2}.
     *
     * @throws IllegalArgumentException when a group is empty or has more events than people
     */
    public static Comparison ofRates(String label1, long x1, long n1, String label2, long x2, long n2,
            StudyDesign design) {
        return rates(Group.ofRate(label1, x1, n1), Group.ofRate(label2, x2, n2), design, List.of());
    }

    /**
     * Compares two rates given as proportions with their group sizes ("83 % of 30"). A rate is a
     * share of whole people, so each is first turned into round(rate × n) people — 83 % of 30 is
     * 25 of 30 — and a note says so when that moved the rate.
     */
    public static Comparison ofRates(String label1, double rate1, long n1, String label2, double rate2, long n2,
            StudyDesign design) {
        Group first = Group.ofRate(label1, wholePeople("rate1", rate1, n1), n1);
        Group second = Group.ofRate(label2, wholePeople("rate2", rate2, n2), n2);
        List<Wording> notes = new ArrayList<>();
        if (first.rate() != rate1) {
            notes.add(Sentences.rounded(first, rate1));
        }
        if (second.rate() != rate2) {
            notes.add(Sentences.rounded(second, rate2));
        }
        return rates(first, second, design, notes);
    }

    /** Compares two means given as mean, standard deviation and size, in {@code unit} ("days"). */
    public static Comparison ofMeans(String label1, double mean1, double sd1, long n1, String label2, double mean2,
            double sd2, long n2, String unit, StudyDesign design) {
        Group first = Group.ofMean(label1, mean1, sd1, n1);
        Group second = Group.ofMean(label2, mean2, sd2, n2);
        WelchT welch = WelchT.of(mean1, sd1, n1, mean2, sd2, n2, LEVEL);
        double pooledSd = MinimumDetectableEffect.pooledSd(sd1, n1, sd2, n2);
        MinimumDetectableEffect mde = MinimumDetectableEffect.forMeans(n1, n2, pooledSd);
        List<Wording> notes = new ArrayList<>();
        EValue eValue = null;
        Long needed = null;
        if (pooledSd > 0) {
            double d = welch.difference() / pooledSd;
            // Hedges & Olkin's large-sample standard error of a standardized difference.
            double seD = Math.sqrt((double) (n1 + n2) / ((double) n1 * n2) + d * d / (2.0 * (n1 + n2)));
            eValue = EValue.forStandardizedDifference(d, seD, LEVEL);
            needed = d == 0 ? null : SampleSize.perGroupForMeans(d);
        }
        Wording wording = Sentences.main(design, first, second, Argument.quantity(Type.NUMBER, mean1, unit),
                Argument.quantity(Type.NUMBER, mean2, unit), welch.difference(), welch.interval(), Type.SIGNED, unit);
        return finish(Kind.MEAN, design, unit, first, second, welch.difference(), welch.interval(), null, eValue,
                eValue == null ? null : "standardized_difference", mde, needed, welch.pValue(), sizeWarnings(first, second),
                wording, notes, Type.SIGNED);
    }

    /**
     * Compares two samples of money by their medians, with a seeded bootstrap of
     * {@link Bootstrap#DEFAULT_RESAMPLES} resamples.
     *
     * @param currency an ISO 4217 code, the unit of the difference
     */
    public static Comparison ofMoney(String label1, double[] amounts1, String label2, double[] amounts2,
            String currency, StudyDesign design) {
        return ofMoney(label1, amounts1, label2, amounts2, currency, design, Bootstrap.DEFAULT_RESAMPLES,
                Bootstrap.DEFAULT_SEED);
    }

    /** As {@link #ofMoney(String, double[], String, double[], String, StudyDesign)} with B and the seed chosen. */
    public static Comparison ofMoney(String label1, double[] amounts1, String label2, double[] amounts2,
            String currency, StudyDesign design, int resamples, long seed) {
        Bootstrap.MedianComparison medians = Bootstrap.medians(amounts1, amounts2, resamples, seed, LEVEL);
        Group first = Group.ofMedian(label1, medians.median1(), amounts1.length, medians.median1Interval());
        Group second = Group.ofMedian(label2, medians.median2(), amounts2.length, medians.median2Interval());
        List<Wording> notes = new ArrayList<>();
        Ratio ratio = medians.ratio() == null ? null : new Ratio(medians.ratio(), medians.ratioInterval());
        if (ratio == null || ratio.interval() == null) {
            notes.add(Sentences.ratioUnbounded());
        }
        notes.add(Sentences.eValueOmitted());
        // No formula for medians: the bootstrap standard error of the difference stands in.
        MinimumDetectableEffect mde = MinimumDetectableEffect.fromStandardError(medians.differenceStandardError());
        Wording wording = Sentences.main(design, first, second, Argument.quantity(Type.NUMBER, medians.median1(), currency),
                Argument.quantity(Type.NUMBER, medians.median2(), currency), medians.difference(),
                medians.differenceInterval(), Type.SIGNED, currency);
        return finish(Kind.MONEY, design, currency, first, second, medians.difference(), medians.differenceInterval(),
                ratio, null, null, mde, null, null, sizeWarnings(first, second), wording, notes, Type.SIGNED);
    }

    /**
     * The same comparisons as one family: each carries its Holm-adjusted p-value and the family's
     * size. Comparisons without a p-value (money) are returned as they are and do not count in
     * the family's size.
     */
    public static List<Comparison> family(List<Comparison> comparisons) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            if (comparisons.get(i).pValue() != null) {
                tested.add(i);
            }
        }
        double[] raw = tested.stream().mapToDouble(i -> comparisons.get(i).pValue()).toArray();
        double[] adjusted = Holm.adjust(raw);
        List<Comparison> result = new ArrayList<>(comparisons);
        for (int k = 0; k < tested.size(); k++) {
            int index = tested.get(k);
            result.set(index, comparisons.get(index).inFamily(adjusted[k], tested.size()));
        }
        return List.copyOf(result);
    }

    private static Comparison rates(Group first, Group second, StudyDesign design, List<Wording> notes) {
        long x1 = first.successes();
        long n1 = first.n();
        long x2 = second.successes();
        long n2 = second.n();
        Interval interval = NewcombeDifference.hybridScore(x1, n1, x2, n2, LEVEL);
        double p1 = first.rate();
        double p2 = second.rate();
        RelativeRisk relativeRisk = RelativeRisk.katz(x1, n1, x2, n2, LEVEL);
        EValue eValue = EValue.forRiskRatio(relativeRisk);
        MinimumDetectableEffect mde = MinimumDetectableEffect.forProportions(n1, n2, p2, p1 < p2);
        Long needed = p1 == p2 ? null : SampleSize.perGroup(p1, p2);
        List<Warning> warnings = new ArrayList<>();
        for (Group group : List.of(first, second)) {
            // the rule's messages name the numbers; the label says which group they are about
            RULE.forProportion(Count.of("successes", group.successes(), "people"), Count.of("n", group.n(), "people"))
                    .forEach(w -> warnings.add(w.about(group.label())));
        }
        Wording wording = Sentences.main(design, first, second, Argument.of(Type.PERCENT, p1),
                Argument.of(Type.PERCENT, p2), p1 - p2, interval, Type.POINTS, null);
        return finish(Kind.RATE, design, PROPORTION, first, second, p1 - p2, interval,
                new Ratio(relativeRisk.point(), relativeRisk.interval()), eValue, "risk_ratio", mde, needed,
                TwoProportionTest.pValue(x1, n1, x2, n2), warnings, wording, new ArrayList<>(notes), Type.POINTS);
    }

    private static Comparison finish(Kind kind, StudyDesign design, String unit, Group first, Group second,
            double difference, Interval interval, Ratio ratio, EValue eValue, String eValueBasis,
            MinimumDetectableEffect mde, Long needed, Double pValue, List<Warning> warnings, Wording wording,
            List<Wording> notes, Type differenceType) {
        if (eValue != null && design != StudyDesign.RANDOMISED_HOLDOUT && !interval.contains(0)) {
            notes.add(Sentences.eValue(eValue.point(), eValue.limit()));
            if ("standardized_difference".equals(eValueBasis)) {
                notes.add(Sentences.eValueApproximate());
            }
        }
        if (mde != null && mde.absolute() == null) {
            notes.add(Sentences.undetectable(first, second));
        } else if (mde != null && Math.abs(difference) < mde.absolute()) {
            notes.add(Sentences.belowDetectable(first, second, mde.absolute(), differenceType,
                    kind == Kind.RATE ? null : unit, needed));
        }
        if (!warnings.isEmpty()) {
            notes.add(Sentences.smallSample(Math.min(first.n(), second.n()), RULE.minimumDenominator()));
        }
        return new Comparison(kind, design, unit, first, second, difference, interval, ratio, eValue, eValueBasis, mde,
                needed, pValue, null, 1, warnings, wording, notes);
    }

    private static List<Warning> sizeWarnings(Group first, Group second) {
        List<Warning> warnings = new ArrayList<>();
        for (Group group : List.of(first, second)) {
            if (group.n() < RULE.minimumDenominator()) {
                warnings.add(RULE.smallDenominator(group.n(), "people").about(group.label()));
            }
        }
        return warnings;
    }

    private static long wholePeople(String name, double rate, long n) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " (" + rate + ") must be a proportion between 0 and 1");
        }
        if (n < 1) {
            throw new IllegalArgumentException("a group size (" + n + ") must be at least 1");
        }
        return Math.round(rate * n);
    }
}
