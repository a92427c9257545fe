package org.credence.achievement;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a caller asks an achievement to be, as typed (by the API's JSON or the page's form), before
 * {@link Achievements} checks it: the one command both create and replace take.
 *
 * @param validityDays null: credentials do not expire
 * @param passMark null: only a completion at 100 % earns the credential
 * @param programUrl null: none
 * @param image null: none
 * @param design null: the default design ({@code classic})
 * @param hours null: none (the course's length in hours, over 0 and at most 10,000)
 */
public record AchievementDraft(String kind, String name, String description, String criteria, List<Achievement.Alignment> alignments,
                               List<String> tags, Integer validityDays, BigDecimal passMark, String programUrl, String image, String design,
                               BigDecimal hours) {
    public AchievementDraft {
        alignments = alignments == null ? List.of() : List.copyOf(alignments);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The draft that would give {@code a} again (a form starts from it when editing). */
    public static AchievementDraft of(Achievement a) {
        return new AchievementDraft(a.kind(), a.name(), a.description(), a.criteria(), a.alignments(), a.tags(),
                a.validityDays().isPresent() ? a.validityDays().getAsInt() : null, a.passMark().orElse(null), a.programUrl().orElse(null),
                a.image().orElse(null), a.design(), a.hours().orElse(null));
    }
}
