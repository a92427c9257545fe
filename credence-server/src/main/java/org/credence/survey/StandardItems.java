package org.credence.survey;

import java.util.List;

/** The items every survey asks, before its custom ones; their words are in the {@code surveys} message bundle. */
public final class StandardItems {
    /** Answers of the skill-applied item. */
    public static final List<String> SKILL_APPLIED = List.of("yes", "partly", "no");
    /** Answers of the career-outcome item (several may be ticked; {@code none} alone). */
    public static final List<String> CAREER_OUTCOMES = List.of("promotion", "raise", "new_job", "new_responsibilities", "none");

    private StandardItems() {}
}
