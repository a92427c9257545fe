package org.credence.insights.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.credence.insights.compare.Wording.Argument;
import org.credence.insights.compare.Wording.Type;
import org.credence.insights.stats.Interval;

/**
 * Chooses the sentences of a {@link Comparison}. The main sentence depends on the design alone:
 * only {@link StudyDesign#RANDOMISED_HOLDOUT} has a key whose text may use causal words; the
 * observational and before/after texts describe an association and say what else could explain it.
 */
final class Sentences {

    /** Message-key prefix of the main sentence; the design's id and, if the interval includes 0, a suffix follow. */
    static final String SENTENCE = "sentence.";
    static final String NO_DIFFERENCE = ".no_difference";

    private Sentences() {
    }

    /** The main sentence: the design, the two values, the difference and its interval. */
    static Wording main(StudyDesign design, Group first, Group second, Argument value1, Argument value2,
            double difference, Interval interval, Type differenceType, String unit) {
        Map<String, Argument> arguments = new LinkedHashMap<>();
        arguments.put("label1", Argument.text(first.label()));
        arguments.put("label2", Argument.text(second.label()));
        arguments.put("n1", Argument.of(Type.COUNT, first.n()));
        arguments.put("n2", Argument.of(Type.COUNT, second.n()));
        arguments.put("value1", value1);
        arguments.put("value2", value2);
        arguments.put("difference", Argument.quantity(differenceType, difference, unit));
        arguments.put("low", Argument.quantity(differenceType, interval.low(), unit));
        arguments.put("high", Argument.quantity(differenceType, interval.high(), unit));
        String key = SENTENCE + design.id() + (interval.contains(0) ? NO_DIFFERENCE : "");
        return new Wording(key, arguments);
    }

    /** How strong an unmeasured confounder would have to be. */
    static Wording eValue(double point, double limit) {
        return new Wording("note.evalue", Map.of("evalue", Argument.of(Type.RATIO, point),
                "evalue_limit", Argument.of(Type.RATIO, limit)));
    }

    /** The E-value came from a mean difference through an approximate conversion. */
    static Wording eValueApproximate() {
        return new Wording("note.evalue_approximate", Map.of());
    }

    /** Why money comparisons carry no E-value. */
    static Wording eValueOmitted() {
        return new Wording("note.evalue_omitted", Map.of());
    }

    /** The groups are too small to detect a difference of the size seen. */
    static Wording belowDetectable(Group first, Group second, double mde, Type type, String unit, Long needed) {
        Map<String, Argument> arguments = new LinkedHashMap<>();
        arguments.put("n1", Argument.of(Type.COUNT, first.n()));
        arguments.put("n2", Argument.of(Type.COUNT, second.n()));
        arguments.put("mde", Argument.quantity(type == Type.POINTS ? Type.POINTS_SIZE : Type.NUMBER, Math.abs(mde), unit));
        if (needed == null) {
            return new Wording("note.below_detectable", arguments);
        }
        arguments.put("needed", Argument.of(Type.COUNT, needed));
        return new Wording("note.below_detectable_needed", arguments);
    }

    /** The groups are too small to detect any difference in the possible range. */
    static Wording undetectable(Group first, Group second) {
        return new Wording("note.undetectable", Map.of("n1", Argument.of(Type.COUNT, first.n()),
                "n2", Argument.of(Type.COUNT, second.n())));
    }

    /** A group is small enough that the figure is a rough indication. */
    static Wording smallSample(long smallest, long minimum) {
        return new Wording("note.small_sample", Map.of("n", Argument.of(Type.COUNT, smallest),
                "minimum", Argument.of(Type.COUNT, minimum)));
    }

    /** A rate given with its group size was turned into a whole number of people. */
    static Wording rounded(Group group, double rate) {
        Map<String, Argument> arguments = new LinkedHashMap<>();
        arguments.put("label", Argument.text(group.label()));
        arguments.put("rate", Argument.of(Type.PERCENT, rate));
        arguments.put("n", Argument.of(Type.COUNT, group.n()));
        arguments.put("successes", Argument.of(Type.COUNT, group.successes()));
        return new Wording("note.rounded", arguments);
    }

    /** The ratio of medians is undefined (the reference median is 0) or has no upper bound at this size. */
    static Wording ratioUnbounded() {
        return new Wording("note.ratio_unbounded", Map.of());
    }

    /** One of several comparisons made at once, with the Holm-adjusted p-value. */
    static Wording family(int size, double adjusted, Double raw) {
        Map<String, Argument> arguments = new LinkedHashMap<>();
        arguments.put("count", Argument.of(Type.COUNT, size));
        arguments.put("adjusted", Argument.of(Type.P_VALUE, adjusted));
        arguments.put("p", Argument.of(Type.P_VALUE, raw == null ? 1 : raw));
        return new Wording("note.family", arguments);
    }
}
