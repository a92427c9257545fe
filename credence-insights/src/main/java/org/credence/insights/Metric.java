package org.credence.insights;

import java.util.regex.Pattern;

/**
 * The fixed description of a figure: what it means, how it is computed, over what, and how much
 * it rests on assumption. Definitions are constants (see {@code EngagementDefinitions},
 * {@code MarketingDefinitions}); docs/metrics.md documents each id.
 *
 * @param id          stable id, dotted: {@code engagement.share_rate}; pages translate by it
 * @param label       short English label
 * @param definition  one or two sentences a reader can check the number against
 * @param formula     the formula by name and in words
 * @param denominator what the figure is divided by, stated so nobody guesses; null for counts
 * @param evidence    measured, derived or estimated
 * @param caveat      what the figure is not (e.g. "advertising-equivalent value (not revenue)"); may be null
 */
public record Metric(String id, String label, String definition, Formula formula, String denominator,
        Evidence evidence, String caveat) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[A-Za-z0-9_-]+)*");

    public Metric {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("metric id '" + id
                    + "' must be dotted words (a lower-case first word; then letters, digits, _ or -)");
        }
        if (label == null || label.isBlank() || definition == null || definition.isBlank()) {
            throw new IllegalArgumentException("metric " + id + " needs a label and a definition");
        }
        if (formula == null || evidence == null) {
            throw new IllegalArgumentException("metric " + id + " needs a formula and an evidence type");
        }
    }

    /** The same definition for one group — a channel, a country: id {@code <id>.<key>}, label {@code <label> — <groupLabel>}. */
    public Metric forGroup(String key, String groupLabel) {
        return new Metric(id + "." + key, label + " — " + groupLabel, definition, formula, denominator, evidence,
                caveat);
    }
}
