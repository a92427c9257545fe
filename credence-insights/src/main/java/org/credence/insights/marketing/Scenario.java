package org.credence.insights.marketing;

import java.util.Locale;

/** A level of an assumption in the scenario grid. */
public enum Scenario {
    CONSERVATIVE, BASE, OPTIMISTIC;

    /** Lower-case name for ids and legends. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
