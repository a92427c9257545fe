package org.credence.report;

import java.time.LocalDate;
import org.credence.insights.Figure;
import org.credence.insights.privacy.SmallCellSuppression;

/**
 * What a {@link SectionBuilder} is asked for: one tenant, the period and the one before it, and
 * the tenant's small-group rule, which every figure and table of the section must go through.
 *
 * @param today the day the report is made (figures with a waiting period, such as return after 30 days, need it)
 */
public record SectionRequest(long tenantId, ReportPeriod current, ReportPeriod previous, LocalDate today, SmallCellSuppression suppression) {

    /** The figure and its previous value, each through the small-group rule. */
    public BoardFigure pair(Figure current, Figure previous) {
        return new BoardFigure(suppression.figure(current), previous == null ? null : suppression.figure(previous));
    }
}
