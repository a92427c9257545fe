package org.credence.insights.compare;

/**
 * How the two groups of a {@link Comparison} came to be, which decides what may be said about it.
 * Only a randomised holdout licenses causal words; the other two describe an association.
 */
public enum StudyDesign {
    /** The groups chose themselves (earners against non-earners): the default. */
    OBSERVATIONAL,
    /** The same population before and after a launch date: anything else that changed then also counts. */
    BEFORE_AFTER,
    /** The credential offer was withheld from a randomly chosen group: the difference is the offer's effect. */
    RANDOMISED_HOLDOUT;

    /**
     * The design named by a parameter value such as {@code before_after} (any case, {@code -} for
     * {@code _}, American "randomized" too); null or blank gives the default.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static StudyDesign parse(String value) {
        if (value == null || value.isBlank()) {
            return OBSERVATIONAL;
        }
        String normalised = value.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_').replace("randomized", "randomised");
        for (StudyDesign design : values()) {
            if (design.id().equals(normalised)) {
                return design;
            }
        }
        throw new IllegalArgumentException("unknown study design '" + value
                + "': use observational, before_after or randomised_holdout");
    }

    /** The lower-case name used in URLs and JSON: {@code before_after}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
