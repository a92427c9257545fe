package org.credence.insights.marketing;

import org.credence.insights.Figure;

/**
 * One cell of the scenario grid.
 *
 * @param impressionsPerShare  the scenario applied to impressions per share
 * @param cpm                  the scenario applied to CPM
 * @param impressions          total impressions in this cell
 * @param equivalentMediaValue total equivalent media value in this cell
 */
public record ScenarioCell(Scenario impressionsPerShare, Scenario cpm, Figure impressions,
        Figure equivalentMediaValue) {
}
