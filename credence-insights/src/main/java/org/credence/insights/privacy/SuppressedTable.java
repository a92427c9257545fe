package org.credence.insights.privacy;

import java.util.List;
import org.credence.insights.Figure;

/**
 * Counts by group after small-cell suppression.
 *
 * @param cells           shown groups first (largest first), then suppressed groups (alphabetical)
 * @param total           the sum over all groups, itself suppressed when under the threshold
 * @param suppressedCells how many groups are withheld, primary and complementary together
 */
public record SuppressedTable(List<Figure> cells, Figure total, int suppressedCells) {

    public SuppressedTable {
        cells = List.copyOf(cells);
    }
}
