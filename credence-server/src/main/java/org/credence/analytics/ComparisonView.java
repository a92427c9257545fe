package org.credence.analytics;

import java.util.List;

/**
 * A {@link org.credence.insights.compare.Comparison} formatted for a page in one language, read
 * by the {@code analytics/comparison.jte} partial: every page shows comparisons the same way.
 * A page includes it with {@code @template.analytics.comparison(comparison = ComparisonText.of(lang).view(c))}.
 *
 * @param groupHeader the table header: group, people, the measure with its interval
 * @param groups      one row per group: label, n, value with its interval ("35.0 % (31.3–38.9 %)")
 * @param facts       label and value pairs: difference, ratio, E-value, minimum detectable effect,
 *                    p-value, method, design
 * @param sentence    the sentence the study design allows
 * @param notes       further sentences (E-value, too few people, Holm, rounding)
 */
public record ComparisonView(List<String> groupHeader, List<List<String>> groups, List<Fact> facts, String sentence,
                             List<String> notes) {

    /** One labelled value of the comparison. */
    public record Fact(String label, String value) {}
}
