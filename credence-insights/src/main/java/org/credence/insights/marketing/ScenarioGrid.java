package org.credence.insights.marketing;

import java.util.List;

/**
 * Nine cells: each scenario of impressions per share against each scenario of CPM. The diagonal
 * is the conservative / base / optimistic line a board slide shows.
 *
 * @param cells row by row: impressions-per-share scenario, then CPM scenario
 */
public record ScenarioGrid(List<ScenarioCell> cells) {

    public ScenarioGrid {
        cells = List.copyOf(cells);
    }

    /** The cell for this pair of scenarios. */
    public ScenarioCell cell(Scenario impressionsPerShare, Scenario cpm) {
        return cells.stream()
                .filter(cell -> cell.impressionsPerShare() == impressionsPerShare && cell.cpm() == cpm)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell " + impressionsPerShare + " × " + cpm));
    }

    /** The same scenario on both assumptions: {@code cell(s, s)}. */
    public ScenarioCell diagonal(Scenario scenario) {
        return cell(scenario, scenario);
    }
}
