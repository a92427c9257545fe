package org.credence.insights.compare;

import java.util.ArrayList;
import java.util.List;
import org.credence.insights.Warning;
import org.credence.insights.stats.EValue;
import org.credence.insights.stats.Interval;
import org.credence.insights.stats.MinimumDetectableEffect;

/**
 * Two groups compared honestly: both sizes, the difference with its 95 % interval and method,
 * the ratio with its interval, the E-value, the minimum detectable effect at these sizes, the
 * p-value (Holm-adjusted when part of a family), small-sample warnings, the study design and
 * the sentence that design allows. Built by {@link Comparisons}; rendered by the server.
 *
 * @param kind                    what is compared: rates, means or money
 * @param design                  how the groups came to be
 * @param unit                    the unit of the difference: "proportion" for rates, else what
 *                                the caller measured ("days", an ISO 4217 currency code)
 * @param first                   the group of interest (earners, after launch, offered)
 * @param second                  the reference group (non-earners, before launch, holdout)
 * @param difference              first − second: proportions for rates, means, or medians for money
 * @param differenceInterval      its interval; the method names Newcombe, Welch or the bootstrap
 * @param ratio                   relative risk (rates) or ratio of medians (money); null for means
 * @param eValue                  the E-value for the point and for the limit nearest 1; null for money
 * @param eValueBasis             {@code risk_ratio}, or {@code standardized_difference} when
 *                                converted from a mean difference (approximate); null when there is none
 * @param minimumDetectableEffect the smallest difference these sizes detect at 80 % power, α = 5 %
 * @param sizeNeededPerGroup      people per group needed to detect the observed difference at 80 %
 *                                power; null when there is no difference or no formula (money)
 * @param pValue                  two-sided p-value for "no difference"; null for money
 * @param adjustedPValue          Holm-adjusted p-value when part of a family, else null
 * @param familySize              how many comparisons were made together (1 alone)
 * @param warnings                small-sample and other cautions
 * @param wording                 the main sentence, chosen by design and by whether the interval includes 0
 * @param notes                   further sentences: E-value, too few people, Holm, rounding
 */
public record Comparison(Kind kind, StudyDesign design, String unit, Group first, Group second, double difference,
        Interval differenceInterval, Ratio ratio, EValue eValue, String eValueBasis,
        MinimumDetectableEffect minimumDetectableEffect, Long sizeNeededPerGroup, Double pValue,
        Double adjustedPValue, int familySize, List<Warning> warnings, Wording wording, List<Wording> notes) {

    /** What the two groups are compared on. */
    public enum Kind {
        /** A proportion of each group (completed, re-enrolled). */
        RATE,
        /** A mean with its standard deviation (days to productivity). */
        MEAN,
        /** Money amounts, compared by their medians. */
        MONEY
    }

    public Comparison {
        if (kind == null || design == null || first == null || second == null || differenceInterval == null
                || wording == null) {
            throw new IllegalArgumentException("a comparison needs a kind, design, both groups, an interval and a wording");
        }
        if (familySize < 1) {
            throw new IllegalArgumentException("family size (" + familySize + ") must be at least 1");
        }
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        notes = List.copyOf(notes == null ? List.of() : notes);
    }

    /** Whether the interval includes no difference: the data cannot tell the groups apart. */
    public boolean includesNoDifference() {
        return differenceInterval.contains(0);
    }

    /**
     * Whether the observed difference is smaller than these sizes can reliably detect (always so
     * when no difference in the possible range is detectable at all).
     */
    public boolean belowDetectableSize() {
        if (minimumDetectableEffect == null) {
            return false;
        }
        Double mde = minimumDetectableEffect.absolute();
        return mde == null || Math.abs(difference) < mde;
    }

    /** This comparison as one of {@code size} made together, with its Holm-adjusted p-value and a note saying so. */
    public Comparison inFamily(double adjusted, int size) {
        List<Wording> withFamily = new ArrayList<>(notes);
        withFamily.add(Sentences.family(size, adjusted, pValue));
        return new Comparison(kind, design, unit, first, second, difference, differenceInterval, ratio, eValue,
                eValueBasis, minimumDetectableEffect, sizeNeededPerGroup, pValue, adjusted, size, warnings, wording,
                withFamily);
    }
}
