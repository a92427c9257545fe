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
    KATZ_LOG_RISK_RATIO("risk ratio: log scale ± z × √(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)",
            "Katz, Baptista, Azen & Pike 1978, Biometrics 34:469"),
    KATZ_LOG_RISK_RATIO_HALF_CORRECTED("risk ratio, Katz log interval after adding ½ to every cell (a group had "
            + "no events, or all)", "Katz et al. 1978, Biometrics 34:469; Haldane 1956, Ann Hum Genet 20:309"),
    STUDENT_T_MEAN("mean ± t(n − 1) × sd / √n", "Student 1908, Biometrika 6:1"),
    WELCH_T("difference of means ± t quantile (Welch–Satterthwaite degrees of freedom) × standard error",
            "Welch 1947, Biometrika 34:28; Satterthwaite 1946, Biometrics Bulletin 2:110"),
    BOOTSTRAP_PERCENTILE("percentile bootstrap: the α/2 and 1 − α/2 quantiles of resampled estimates",
            "Efron 1979, Ann Stat 7:1; Efron & Tibshirani 1993, An Introduction to the Bootstrap, ch. 13"),
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
