package org.credence.insights.roi;

/**
 * How a monetised benefit was separated from everything else that happened at the same time —
 * step 5 of the Phillips ROI Methodology ("isolate the effects of the program"). Without it a
 * benefit is only associated with the program, and no ROI may be claimed from it.
 */
public enum IsolationMethod {
    /** Not isolated: the amount is what changed while the program ran, whatever caused it. */
    NONE("none", "not isolated: an association, not an effect of the program"),
    /** The same measure before and after the launch date. */
    BEFORE_AFTER("before_after", "before and after the launch"),
    /** Participants against a comparison group that did not take part. */
    COMPARISON_GROUP("comparison_group", "participants against a comparison group"),
    /** Participants' own estimate: impact × attribution % × confidence %, non-respondents counted as no improvement. */
    PARTICIPANT_ESTIMATE("participant_estimate", "participants' estimate, adjusted for attribution and confidence");

    private final String code;
    private final String description;

    IsolationMethod(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The lower-case code used in the database and JSON. */
    public String code() {
        return code;
    }

    /** What the method is, in a phrase. */
    public String description() {
        return description;
    }

    /** Whether the method isolates the program's effect at all (every method but {@link #NONE}). */
    public boolean isolates() {
        return this != NONE;
    }

    /** The method with this code. */
    public static IsolationMethod fromCode(String code) {
        for (IsolationMethod method : values()) {
            if (method.code.equals(code)) {
                return method;
            }
        }
        throw new IllegalArgumentException("isolation method '" + code + "' must be one of none, before_after, "
                + "comparison_group, participant_estimate");
    }
}
