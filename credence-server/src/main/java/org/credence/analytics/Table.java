package org.credence.analytics;

import java.util.List;

/**
 * A report's numbers as rows: the same object is written as CSV ({@code ?format=csv}) and shown
 * as the HTML table beside a chart, so a reader without JavaScript sees every number the chart draws.
 *
 * @param name   file name stem of the CSV download
 * @param header column names
 * @param rows   cells as text, one list per row
 */
public record Table(String name, List<String> header, List<List<String>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
