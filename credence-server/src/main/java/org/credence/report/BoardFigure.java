package org.credence.report;

import org.credence.insights.Figure;

/**
 * One figure of a report beside the same figure for the period before, both already through
 * small-group suppression.
 *
 * @param previous the previous period's figure; null when a section has none to give
 */
public record BoardFigure(Figure current, Figure previous) {
    public BoardFigure {
        if (current == null) {
            throw new IllegalArgumentException("a report figure needs its current value");
        }
        if (previous != null && !previous.metric().id().equals(current.metric().id())) {
            throw new IllegalArgumentException("the previous figure of " + current.metric().id() + " is " + previous.metric().id());
        }
    }
}
