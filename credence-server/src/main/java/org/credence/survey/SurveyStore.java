package org.credence.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credence.insights.roi.ParticipantEstimate;
import org.credence.json.JsonFields;
import org.jdbi.v3.core.Handle;

/** SQL of surveys, invitations, their links and answers. Every statement names its tenant but the scan's and the link's look-ups. */
final class SurveyStore {
    /** An invitation as the public form and the mail see it. */
    record Invitation(long id, long tenantId, long achievementId, int waveMonth, String cohort, UUID credentialId, String email,
                      String language, Instant closesAt, Instant answeredAt, boolean simulated) {
        boolean open(Instant now) {
            return answeredAt == null && now.isBefore(closesAt);
        }
    }

    private static final TypeReference<List<SurveyItem>> ITEMS = new TypeReference<>() {};

    private SurveyStore() {}

    static Optional<Survey> find(Handle h, long tenantId, long achievementId) {
        return h.createQuery("""
                        SELECT achievement_id, enabled, wave_months, reminder_days, open_days, currency, items, updated_by, updated_at
                          FROM survey
                         WHERE tenant_id = :tenant
                           AND achievement_id = :achievement
                        """)
                .bind("tenant", tenantId).bind("achievement", achievementId)
                .map((rs, ctx) -> new Survey(rs.getLong("achievement_id"), true, rs.getBoolean("enabled"), ints(rs.getArray("wave_months")),
                        rs.getInt("reminder_days"), rs.getInt("open_days"), rs.getString("currency"), items(rs.getString("items")),
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .findOne();
    }

    /** The tenant's saved surveys. */
    static List<Survey> all(Handle h, long tenantId) {
        return h.createQuery("SELECT achievement_id FROM survey WHERE tenant_id = :tenant ORDER BY achievement_id")
                .bind("tenant", tenantId).mapTo(Long.class).list().stream()
                .map(id -> find(h, tenantId, id).orElseThrow()).toList();
    }

    static void upsert(Handle h, long tenantId, Survey s, boolean simulated) {
        h.createUpdate("""
                        INSERT INTO survey (tenant_id, achievement_id, enabled, wave_months, reminder_days, open_days, currency, items,
                                            updated_by, updated_at, simulated)
                        VALUES (:tenant, :achievement, :enabled, :waves, :reminder, :open, :currency, CAST(:items AS JSONB), :by, :at, :simulated)
                        ON CONFLICT (tenant_id, achievement_id) DO UPDATE
                           SET enabled = EXCLUDED.enabled, wave_months = EXCLUDED.wave_months, reminder_days = EXCLUDED.reminder_days,
                               open_days = EXCLUDED.open_days, currency = EXCLUDED.currency, items = EXCLUDED.items,
                               updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                        """)
                .bind("tenant", tenantId).bind("achievement", s.achievementId()).bind("enabled", s.enabled())
                .bindArray("waves", Integer.class, s.waveMonths()).bind("reminder", s.reminderDays()).bind("open", s.openDays())
                .bind("currency", s.currency()).bind("items", itemsJson(s.items())).bind("by", s.updatedBy())
                .bind("at", Timestamp.from(s.updatedAt())).bind("simulated", simulated).execute();
    }

    static Optional<Invitation> invitation(Handle h, long tenantId, long id) {
        return h.createQuery(INVITATION + " WHERE i.tenant_id = :tenant AND i.id = :id")
                .bind("tenant", tenantId).bind("id", id).map((rs, ctx) -> invitation(rs)).findOne();
    }

    /** The invitation a survey mail belongs to (its invitation or its reminder). */
    static Optional<Invitation> byMail(Handle h, long tenantId, long mailId) {
        return h.createQuery(INVITATION + " WHERE i.tenant_id = :tenant AND (i.invitation_mail_id = :mail OR i.reminder_mail_id = :mail)")
                .bind("tenant", tenantId).bind("mail", mailId).map((rs, ctx) -> invitation(rs)).findOne();
    }

    /** The invitation a form link opens, locked so that two submits with it cannot both be stored. */
    static Optional<Invitation> byToken(Handle h, byte[] tokenHash) {
        return h.createQuery(INVITATION + """
                         JOIN survey_token AS t ON t.tenant_id = i.tenant_id AND t.invitation_id = i.id
                        WHERE t.token_hash = :hash
                          FOR UPDATE OF i
                        """)
                .bind("hash", tokenHash).map((rs, ctx) -> invitation(rs)).findOne();
    }

    static void token(Handle h, long tenantId, long invitationId, byte[] tokenHash, Instant now) {
        h.createUpdate("""
                        INSERT INTO survey_token (token_hash, tenant_id, invitation_id, created_at)
                        VALUES (:hash, :tenant, :invitation, :now)
                        """)
                .bind("hash", tokenHash).bind("tenant", tenantId).bind("invitation", invitationId).bind("now", Timestamp.from(now)).execute();
    }

    static void answer(Handle h, Invitation invitation, SurveyAnswer a, Instant now) {
        h.createUpdate("""
                        INSERT INTO survey_answer (invitation_id, tenant_id, satisfaction, skill_applied, career_outcomes, monetary_impact,
                                                   attribution_pct, confidence_pct, custom, answered_at, simulated)
                        VALUES (:invitation, :tenant, :satisfaction, :skill, :career, :impact, :attribution, :confidence,
                                CAST(:custom AS JSONB), :now, :simulated)
                        """)
                .bind("invitation", invitation.id()).bind("tenant", invitation.tenantId()).bind("satisfaction", a.satisfaction())
                .bind("skill", a.skillApplied()).bindArray("career", String.class, a.careerOutcomes()).bind("impact", a.monetaryImpact())
                .bind("attribution", a.attributionPct()).bind("confidence", a.confidencePct())
                .bind("custom", JsonFields.MAPPER.valueToTree(a.custom()).toString()).bind("now", Timestamp.from(now))
                .bind("simulated", invitation.simulated()).execute();
        h.createUpdate("UPDATE survey_invitation SET answered_at = :now WHERE tenant_id = :tenant AND id = :id")
                .bind("now", Timestamp.from(now)).bind("tenant", invitation.tenantId()).bind("id", invitation.id()).execute();
    }

    private static final String INVITATION = """
            SELECT i.id, i.tenant_id, i.achievement_id, i.wave_month, i.cohort, i.credential_id, COALESCE(c.recipient_email, i.email) AS email,
                   i.language, i.closes_at, i.answered_at, i.simulated
              FROM survey_invitation AS i
              LEFT JOIN credential AS c ON c.tenant_id = i.tenant_id AND c.id = i.credential_id
            """;

    private static Invitation invitation(java.sql.ResultSet rs) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Invitation(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("achievement_id"), rs.getInt("wave_month"),
                rs.getString("cohort"), rs.getObject("credential_id", UUID.class), rs.getString("email"), rs.getString("language"),
                rs.getTimestamp("closes_at").toInstant(), answered == null ? null : answered.toInstant(), rs.getBoolean("simulated"));
    }

    /** Aggregates of one cohort's answers: what the results are computed from, without reading answers one by one. */
    record Aggregates(long invited, long answered, long satisfactionN, double satisfactionSum, double satisfactionSquares,
                      long skillN, long skillYes, long skillPartly, long skillNo, long careerN, long promotion, long raise, long newJob,
                      long newResponsibilities, long none, boolean simulated) {}

    static Aggregates aggregates(Handle h, long tenantId, long achievementId, String cohort) {
        return h.createQuery(AGGREGATES + """
                         WHERE i.tenant_id = :tenant
                           AND i.achievement_id = :achievement
                           AND i.cohort = :cohort
                        """)
                .bind("tenant", tenantId).bind("achievement", achievementId).bind("cohort", cohort)
                .map(SurveyStore::aggregates).one();
    }

    /** Aggregates of one cohort over all the tenant's achievements, for the invitations sent in [{@code start}, {@code end}). */
    static Aggregates aggregates(Handle h, long tenantId, String cohort, Instant start, Instant end) {
        return h.createQuery(AGGREGATES + """
                         WHERE i.tenant_id = :tenant
                           AND i.cohort = :cohort
                           AND i.invited_at >= :start
                           AND i.invited_at < :end
                        """)
                .bind("tenant", tenantId).bind("cohort", cohort).bind("start", Timestamp.from(start)).bind("end", Timestamp.from(end))
                .map(SurveyStore::aggregates).one();
    }

    private static final String AGGREGATES = """
            SELECT count(*) AS invited
                 , count(a.invitation_id) AS answered
                 , count(a.satisfaction) AS sat_n
                 , COALESCE(sum(a.satisfaction), 0) AS sat_sum
                 , COALESCE(sum(a.satisfaction * a.satisfaction), 0) AS sat_sq
                 , count(a.skill_applied) AS skill_n
                 , count(*) FILTER (WHERE a.skill_applied = 'yes') AS skill_yes
                 , count(*) FILTER (WHERE a.skill_applied = 'partly') AS skill_partly
                 , count(*) FILTER (WHERE a.skill_applied = 'no') AS skill_no
                 , count(*) FILTER (WHERE cardinality(a.career_outcomes) > 0) AS career_n
                 , count(*) FILTER (WHERE 'promotion' = ANY(a.career_outcomes)) AS promotion
                 , count(*) FILTER (WHERE 'raise' = ANY(a.career_outcomes)) AS raise
                 , count(*) FILTER (WHERE 'new_job' = ANY(a.career_outcomes)) AS new_job
                 , count(*) FILTER (WHERE 'new_responsibilities' = ANY(a.career_outcomes)) AS new_responsibilities
                 , count(*) FILTER (WHERE 'none' = ANY(a.career_outcomes)) AS none
                 , COALESCE(bool_or(i.simulated), false) AS simulated
              FROM survey_invitation AS i
              LEFT JOIN survey_answer AS a ON a.tenant_id = i.tenant_id AND a.invitation_id = i.id
            """;

    private static Aggregates aggregates(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Aggregates(rs.getLong("invited"), rs.getLong("answered"), rs.getLong("sat_n"), rs.getDouble("sat_sum"),
                rs.getDouble("sat_sq"), rs.getLong("skill_n"), rs.getLong("skill_yes"), rs.getLong("skill_partly"), rs.getLong("skill_no"),
                rs.getLong("career_n"), rs.getLong("promotion"), rs.getLong("raise"), rs.getLong("new_job"),
                rs.getLong("new_responsibilities"), rs.getLong("none"), rs.getBoolean("simulated"));
    }

    /** The Phillips estimates of the group's respondents who gave all three (percentages as fractions). */
    static List<ParticipantEstimate.Response> estimates(Handle h, long tenantId, long achievementId, String cohort) {
        return h.createQuery("""
                        SELECT a.monetary_impact, a.attribution_pct, a.confidence_pct
                          FROM survey_answer AS a
                          JOIN survey_invitation AS i ON i.tenant_id = a.tenant_id AND i.id = a.invitation_id
                         WHERE a.tenant_id = :tenant
                           AND i.achievement_id = :achievement
                           AND i.cohort = :cohort
                           AND a.monetary_impact IS NOT NULL
                           AND a.attribution_pct IS NOT NULL
                           AND a.confidence_pct IS NOT NULL
                        """)
                .bind("tenant", tenantId).bind("achievement", achievementId).bind("cohort", cohort)
                .map((rs, ctx) -> new ParticipantEstimate.Response(rs.getBigDecimal("monetary_impact"),
                        BigDecimal.valueOf(rs.getInt("attribution_pct"), 2), BigDecimal.valueOf(rs.getInt("confidence_pct"), 2)))
                .list();
    }

    static List<Integer> ints(Array array) throws SQLException {
        return Arrays.stream((Integer[]) array.getArray()).toList();
    }

    static List<SurveyItem> items(String json) {
        try {
            return JsonFields.MAPPER.readValue(json, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored survey items are not readable", e);
        }
    }

    static String itemsJson(List<SurveyItem> items) {
        return JsonFields.MAPPER.valueToTree(items).toString();
    }
}
