package org.credence.report;

import org.credence.insights.privacy.SuppressedGrid;

/**
 * A table of counts by two groupings (achievement × month) after primary and secondary small-cell
 * suppression; charts draw it as it is, so a withheld cell is withheld in the chart too.
 *
 * @param id       stable name: the CSV file and the chart are named after it
 * @param titleKey the key of its caption in the {@code reports} bundle
 * @param unit     what is counted ("credentials")
 */
public record GridTable(String id, String titleKey, String unit, SuppressedGrid grid) {}
