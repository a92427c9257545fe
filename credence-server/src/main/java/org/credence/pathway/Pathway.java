package org.credence.pathway;

import java.util.List;

/**
 * The rule of a pathway achievement: it requires {@code minimum} of the {@code requires} achievements
 * (all of them when {@code minimum} is their count), earned in the listed order when {@code ordered}.
 *
 * @param achievementId the pathway's own achievement, issued when the rule is met
 * @param requires      the component achievements, in the listed order, no repeats
 */
public record Pathway(long achievementId, List<Long> requires, int minimum, boolean ordered) {
    public Pathway {
        requires = List.copyOf(requires);
        if (minimum < 1 || minimum > requires.size()) {
            throw new IllegalArgumentException("minimum " + minimum + " must be from 1 to " + requires.size());
        }
    }

    /** Whether every component is required. */
    public boolean allOf() {
        return minimum == requires.size();
    }
}
