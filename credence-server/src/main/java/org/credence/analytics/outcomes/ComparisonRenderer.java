package org.credence.analytics.outcomes;

import java.util.List;
import org.credence.insights.compare.Comparison;

/** Placeholder until the shared comparison partial lands: a comparison as lines of text. */
public final class ComparisonRenderer {
    private final String lang;

    ComparisonRenderer(String lang) {
        this.lang = lang;
    }

    public List<String> lines(Comparison c) {
        return List.of(c.first().label() + " n=" + c.first().n() + " / " + c.second().label() + " n=" + c.second().n(),
                "difference " + c.difference() + " (" + c.differenceInterval().low() + " to " + c.differenceInterval().high() + ") " + lang);
    }
}
