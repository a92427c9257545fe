package org.credence.report;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import org.credence.analytics.Maturity;
import org.credence.insights.privacy.SmallCellSuppression;

/**
 * Makes the quarterly board report and the weekly program report of a tenant: each section from
 * its builder, the previous period beside the current one, every figure and table through the
 * tenant's small-group rule. Reads rollups only (through the builders), so a report costs a few
 * dozen aggregate queries whatever the number of credentials.
 */
public final class BoardReports {
    private final ReportQueries queries;
    private final Runnable foldPending;
    private final LongPredicate simulated;
    private final List<SectionBuilder> board;
    private final List<SectionBuilder> weekly;
    private final Function<SectionRequest, BoardReport.CostVersusReturn> summary;
    private final LongFunction<Maturity.Assessment> maturity;

    /**
     * @param foldPending brings the analytics rollups up to date before a report reads them
     * @param simulated   whether a tenant's data is simulated
     * @param board       the board report's sections, in layer order
     * @param weekly      the weekly report's sections
     * @param summary     the cost-versus-return line of a board report
     * @param maturity    a tenant's measurement-maturity tier, shown at the top of a board report; null for none
     */
    public BoardReports(ReportQueries queries, Runnable foldPending, LongPredicate simulated, List<SectionBuilder> board,
                        List<SectionBuilder> weekly, Function<SectionRequest, BoardReport.CostVersusReturn> summary,
                        LongFunction<Maturity.Assessment> maturity) {
        this.queries = queries;
        this.foldPending = foldPending;
        this.simulated = simulated;
        this.board = List.copyOf(board);
        this.weekly = List.copyOf(weekly);
        this.summary = summary;
        this.maturity = maturity;
    }

    /** The board report of {@code quarter}, with the quarter before it beside each figure. */
    public BoardReport board(long tenantId, Quarter quarter, LocalDate today) {
        SectionRequest request = request(tenantId, quarter.period(), quarter.previous().period(), today);
        return report(request, board, summary.apply(request), maturity == null ? null : maturity.apply(tenantId));
    }

    /** The weekly program report of {@code week}, with the week before it beside each figure. */
    public BoardReport weekly(long tenantId, IsoWeek week, LocalDate today) {
        SectionRequest request = request(tenantId, week.period(), week.previous().period(), today);
        return report(request, weekly, null, null);
    }

    private SectionRequest request(long tenantId, ReportPeriod current, ReportPeriod previous, LocalDate today) {
        foldPending.run();
        return new SectionRequest(tenantId, current, previous, today, new SmallCellSuppression(queries.minGroupSize(tenantId)));
    }

    private BoardReport report(SectionRequest request, List<SectionBuilder> builders, BoardReport.CostVersusReturn line,
                               Maturity.Assessment tier) {
        long tenantId = request.tenantId();
        return new BoardReport(queries.tenantName(tenantId), request.current(), request.previous(), simulated.test(tenantId),
                request.suppression().threshold(), builders.stream().map(b -> b.build(request)).toList(), line, tier);
    }
}
