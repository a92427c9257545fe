package org.credence.insights.privacy;

import java.util.List;
import java.util.OptionalLong;

/**
 * A two-way table of counts after small-cell suppression with its row, column and grand totals:
 * a withheld entry reads empty.
 *
 * <p>Internally the table is extended by one row and one column holding the totals, so
 * {@code entry(rows().size(), j)} is column {@code j}'s total and {@code entry(i, columns().size())}
 * row {@code i}'s; the corner is the grand total.
 */
public final class SuppressedGrid {
    private final List<String> rows;
    private final List<String> columns;
    private final long[][] values;
    private final boolean[][] withheld;

    SuppressedGrid(List<String> rows, List<String> columns, long[][] values, boolean[][] withheld) {
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        this.values = values;
        this.withheld = withheld;
    }

    /** Row names, in the order given. */
    public List<String> rows() {
        return rows;
    }

    /** Column names, in the order given. */
    public List<String> columns() {
        return columns;
    }

    /** The cell of row {@code row} and column {@code column}, empty when withheld. */
    public OptionalLong cell(int row, int column) {
        return entry(row, column);
    }

    /** Row {@code row}'s total, empty when withheld. */
    public OptionalLong rowTotal(int row) {
        return entry(row, columns.size());
    }

    /** Column {@code column}'s total, empty when withheld. */
    public OptionalLong columnTotal(int column) {
        return entry(rows.size(), column);
    }

    /** The grand total, empty when withheld. */
    public OptionalLong total() {
        return entry(rows.size(), columns.size());
    }

    /** An entry of the extended table (totals in the last row and column), empty when withheld. */
    public OptionalLong entry(int row, int column) {
        return withheld[row][column] ? OptionalLong.empty() : OptionalLong.of(values[row][column]);
    }

    /** How many entries (cells and totals) are withheld. */
    public int withheldEntries() {
        int n = 0;
        for (boolean[] row : withheld) {
            for (boolean w : row) {
                n += w ? 1 : 0;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[i].length; j++) {
                text.append(withheld[i][j] ? "*" : Long.toString(values[i][j])).append(j + 1 < values[i].length ? "\t" : "\n");
            }
        }
        return text.toString();
    }
}
