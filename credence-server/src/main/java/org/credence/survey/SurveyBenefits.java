package org.credence.survey;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.credence.analytics.SurveyEstimates;
import org.credence.insights.roi.ParticipantEstimate;
import org.jdbi.v3.core.Jdbi;

/**
 * The surveys' Phillips estimate for the ROI model's survey-based benefit line: earners invited from {@code from} to
 * {@code to} (all achievements of the tenant) are the people surveyed; the respondents among them who gave impact,
 * attribution and confidence contribute; everyone else counts as no improvement. Non-completers are not program
 * participants and are left out. The amounts are taken in the surveys' currency, which should be the benefit line's.
 */
final class SurveyBenefits implements SurveyEstimates {
    private final Jdbi jdbi;

    SurveyBenefits(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<ParticipantEstimate> estimate(long tenantId, LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return jdbi.withHandle(h -> {
            long invited = h.createQuery("""
                            SELECT count(*)
                              FROM survey_invitation
                             WHERE tenant_id = :tenant
                               AND cohort = 'earner'
                               AND invited_at >= :start
                               AND invited_at < :end
                            """)
                    .bind("tenant", tenantId).bind("start", start).bind("end", end).mapTo(Long.class).one();
            if (invited == 0) {
                return Optional.empty();
            }
            List<ParticipantEstimate.Response> responses = h.createQuery("""
                            SELECT a.monetary_impact, a.attribution_pct, a.confidence_pct
                              FROM survey_answer AS a
                              JOIN survey_invitation AS i ON i.tenant_id = a.tenant_id AND i.id = a.invitation_id
                             WHERE a.tenant_id = :tenant
                               AND i.cohort = 'earner'
                               AND i.invited_at >= :start
                               AND i.invited_at < :end
                               AND a.monetary_impact IS NOT NULL
                               AND a.attribution_pct IS NOT NULL
                               AND a.confidence_pct IS NOT NULL
                            """)
                    .bind("tenant", tenantId).bind("start", start).bind("end", end)
                    .map((rs, ctx) -> new ParticipantEstimate.Response(rs.getBigDecimal("monetary_impact"),
                            BigDecimal.valueOf(rs.getInt("attribution_pct"), 2), BigDecimal.valueOf(rs.getInt("confidence_pct"), 2)))
                    .list();
            return Optional.of(ParticipantEstimate.of(responses, invited));
        });
    }
}
