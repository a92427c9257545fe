package org.credence.insights.stats;

/** How an {@link Interval} was computed, with the reference that defines the method. */
public enum IntervalMethod {
    WILSON_SCORE("Wilson score interval", "Wilson 1927; Newcombe 1998, Stat Med 17:857, method 3"),
    WILSON_SCORE_CONTINUITY_CORRECTED("Wilson score interval with continuity correction",
            "Newcombe 1998, Stat Med 17:857, method 4"),
    NEWCOMBE_HYBRID_SCORE("Newcombe hybrid score interval for a difference of proportions",
            "Newcombe 1998, Stat Med 17:873, method 10"),
    NEWCOMBE_HYBRID_SCORE_CONTINUITY_CORRECTED(
            "Newcombe hybrid score interval for a difference of proportions, continuity-corrected",
            "Newcombe 1998, Stat Med 17:873, method 11"),
    GARWOOD_EXACT_POISSON("exact Poisson interval from chi-squared quantiles", "Garwood 1936, Biometrika 28:437"),
    POISSON_RATIO_CONDITIONAL("ratio of two Poisson counts: Wilson interval for the conditional binomial",
            "Przyborowski & Wilenski 1940, Biometrika 31:313 (conditioning); Wilson 1927 (interval)"),
    LEAST_SQUARES_SLOPE_T("least-squares slope ± t quantile × standard error", "any regression text; "
            + "checked against Anscombe 1973, Am Stat 27:17"),
    HYPERLOGLOG("HyperLogLog estimate ± z × its relative standard error 1.04 / √registers",
            "Flajolet, Fusy, Gandouet & Meunier 2007, Analysis of Algorithms (AofA) 2007");

    private final String description;
    private final String reference;

    IntervalMethod(String description, String reference) {
        this.description = description;
        this.reference = reference;
    }

    /** What the method is, in a phrase a dashboard can show. */
    public String description() {
        return description;
    }

    /** Where the method is defined (and, for tests, where its worked examples are published). */
    public String reference() {
        return reference;
    }
}
