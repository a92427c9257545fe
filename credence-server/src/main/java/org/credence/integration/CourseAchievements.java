package org.credence.integration;

import java.util.List;
import java.util.function.LongConsumer;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.jdbi.v3.core.Jdbi;

/** Which achievement a learning system's course leads to ({@code course_achievement}), for LMS imports and completions intake. */
public final class CourseAchievements {
    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final LongConsumer changed;
    private final OnMapped onMapped;

    /** Told of a mapping inside the transaction that makes it, so work it starts (a queued job) commits with it. */
    @FunctionalInterface
    public interface OnMapped {
        OnMapped NONE = (h, tenantId, courseId) -> {};

        void mapped(org.jdbi.v3.core.Handle h, long tenantId, String courseId);
    }

    /** A course learners completed that no achievement is mapped to yet, with how many completions wait for it. */
    public record Unmatched(String courseId, long completions) {}

    /** One course's achievement. */
    public record Mapping(String courseId, long achievementId, String achievementName) {}

    public CourseAchievements(Jdbi jdbi, AuditTrail audit) {
        this(jdbi, audit, tenant -> {});
    }

    /** @param changed told the tenant id after a mapping committed (completion figures depend on it) */
    public CourseAchievements(Jdbi jdbi, AuditTrail audit, LongConsumer changed) {
        this(jdbi, audit, changed, OnMapped.NONE);
    }

    /** @param onMapped told of each mapping inside its transaction (completions waiting for the course are issued) */
    public CourseAchievements(Jdbi jdbi, AuditTrail audit, LongConsumer changed, OnMapped onMapped) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.changed = changed;
        this.onMapped = onMapped;
    }

    /**
     * Maps {@code courseId} to the tenant's achievement (replacing an earlier mapping).
     *
     * @throws DomainException.InvalidInput for a blank or over-long course id
     * @throws DomainException.NotFound when the achievement is not the tenant's
     * @throws DomainException.InvalidInput on {@code achievementId} when the achievement is archived
     */
    public Mapping put(long tenantId, String actor, String courseId, long achievementId) {
        String course = courseId == null ? "" : courseId.strip();
        if (course.isEmpty() || course.length() > 200) {
            throw new DomainException.InvalidInput("courseId", ErrorText.of("integrations.course_id_invalid"));
        }
        Mapping mapping = jdbi.inTransaction(h -> {
            var found = h.createQuery("SELECT name, archived_at IS NOT NULL AS archived FROM achievement WHERE tenant_id = :tenant AND id = :id")
                    .bind("tenant", tenantId).bind("id", achievementId).mapToMap().findOne()
                    .orElseThrow(() -> new DomainException.NotFound(ErrorText.of("achievement.not_found_plain", "id", achievementId)));
            String name = (String) found.get("name");
            if (Boolean.TRUE.equals(found.get("archived"))) {
                throw Achievements.archived("achievementId", achievementId, name);
            }
            Long before = h.createQuery("SELECT achievement_id FROM course_achievement WHERE tenant_id = :tenant AND course_id = :course")
                    .bind("tenant", tenantId).bind("course", course).mapTo(Long.class).findOne().orElse(null);
            h.createUpdate("""
                            INSERT INTO course_achievement (tenant_id, course_id, achievement_id) VALUES (:tenant, :course, :achievement)
                            ON CONFLICT (tenant_id, course_id) DO UPDATE SET achievement_id = EXCLUDED.achievement_id""")
                    .bind("tenant", tenantId).bind("course", course).bind("achievement", achievementId).execute();
            var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
            audit.record(h, tenantId, actor, "integrations.course.mapped", "course:" + course,
                    before == null ? null : json.objectNode().put("achievementId", before), json.objectNode().put("achievementId", achievementId));
            onMapped.mapped(h, tenantId, course);
            return new Mapping(course, achievementId, name);
        });
        changed.accept(tenantId);
        return mapping;
    }

    /** The tenant's course → achievement map, by course id. */
    public List<Mapping> list(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT m.course_id, m.achievement_id, a.name FROM course_achievement m JOIN achievement a ON a.id = m.achievement_id
                        WHERE m.tenant_id = :tenant ORDER BY m.course_id""")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> new Mapping(rs.getString("course_id"), rs.getLong("achievement_id"), rs.getString("name"))).list());
    }

    /** The courses completions name that are not mapped to an achievement, most waiting completions first (at most {@code limit}). */
    public List<Unmatched> unmatched(long tenantId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.course_id, count(*) AS waiting FROM completion c
                         WHERE c.tenant_id = :tenant AND c.credential_id IS NULL
                           AND NOT EXISTS (SELECT 1 FROM course_achievement m WHERE m.tenant_id = c.tenant_id AND m.course_id = c.course_id)
                         GROUP BY c.course_id ORDER BY waiting DESC, c.course_id LIMIT :limit""")
                .bind("tenant", tenantId).bind("limit", limit)
                .map((rs, ctx) -> new Unmatched(rs.getString("course_id"), rs.getLong("waiting"))).list());
    }
}
