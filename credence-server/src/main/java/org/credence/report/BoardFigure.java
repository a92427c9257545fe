package org.credence.report;

import org.credence.insights.Figure;
import org.credence.insights.compare.Comparison;

/**
 * One figure of a report beside the same figure for the period before, both already through
 * small-group suppression.
 *
 * @param previous   the previous period's figure; null when a section has none to give
 * @param comparison for a difference between two groups, the comparison it comes from, whose
 *                   sentence (chosen by study design) the report prints under it; else null
 */
public record BoardFigure(Figure current, Figure previous, Comparison comparison) {
    public BoardFigure(Figure current, Figure previous) {
        this(current, previous, null);
    }

    public BoardFigure {
        if (current == null) {
            throw new IllegalArgumentException("a report figure needs its current value");
        }
        if (previous != null && !previous.metric().id().equals(current.metric().id())) {
            throw new IllegalArgumentException("the previous figure of " + current.metric().id() + " is " + previous.metric().id());
        }
    }
}
