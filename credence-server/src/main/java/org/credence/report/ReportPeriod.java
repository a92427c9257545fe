package org.credence.report;

import java.time.LocalDate;

/**
 * The days a report covers (UTC, both included) and how it is named.
 *
 * @param label "2026Q3" or "2026-W48"
 */
public record ReportPeriod(LocalDate from, LocalDate to, String label) {}
