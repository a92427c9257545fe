package org.credence.pathway;

import java.util.List;

/**
 * A pathway as its recipient sees it on their page.
 *
 * @param earned     components earned (k of "k of N")
 * @param minimum    how many complete it (N)
 * @param components how many it lists (M)
 * @param complete   whether the earned components meet the rule and the credential is still to come (the job issues it within moments)
 * @param heldNumber the number of the recipient's pathway credential; null while they hold none
 * @param steps      its components in the listed order
 */
public record RecipientPathway(String name, int earned, int minimum, int components, boolean ordered, boolean complete, String heldNumber,
                               List<Step> steps) {
    public RecipientPathway {
        steps = List.copyOf(steps);
    }

    /** One component: its achievement's name, and the number of the recipient's credential of it (null: missing). */
    public record Step(String name, String number) {
        public boolean done() {
            return number != null;
        }
    }

    /** How many of {@code steps} are done, capped at {@code minimum}: the bar's filled part. */
    public int percent() {
        return (int) Math.round(100.0 * Math.min(earned, minimum) / minimum);
    }
}
