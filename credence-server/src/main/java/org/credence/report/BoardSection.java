package org.credence.report;

import java.util.List;

/**
 * One layer's part of a report, built by a {@link SectionBuilder}.
 *
 * @param id      stable section id ("engagement")
 * @param layer   the ROI layer it belongs to
 * @param figures its figures, each beside the previous period's
 * @param tables  its tables of counts, suppressed
 * @param noteKey the key of a note in the {@code reports} bundle (what is not measured yet and the next step), or null
 */
public record BoardSection(String id, Layer layer, List<BoardFigure> figures, List<GridTable> tables, String noteKey) {
    public BoardSection {
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
    }
}
