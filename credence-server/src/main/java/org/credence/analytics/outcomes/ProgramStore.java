package org.credence.analytics.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.jdbi.v3.core.Jdbi;

/**
 * Program metadata per achievement: the date the credential offer started (the line a before/after comparison draws) and the
 * study design its comparisons were made under, which decides the sentence a comparison may carry. Every change is audited.
 */
public final class ProgramStore {
    /** The designs a program may declare; observational unless the owner says otherwise. */
    public static final List<String> DESIGNS = List.of("observational", "before_after", "randomised_holdout");

    private final Jdbi jdbi;
    private final AuditTrail audit;

    public ProgramStore(Jdbi jdbi, AuditTrail audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /**
     * One achievement's program metadata.
     *
     * @param launchedOn  the first day the credential was offered; empty when not set
     * @param studyDesign one of {@link #DESIGNS}
     * @param updatedBy   who set it last (null when never set)
     */
    public record Program(long achievementId, Optional<LocalDate> launchedOn, String studyDesign, String updatedBy, Instant updatedAt) {
        static Program unset(long achievementId) {
            return new Program(achievementId, Optional.empty(), "observational", null, null);
        }
    }

    /**
     * What an owner sets for an achievement's program.
     *
     * @param launchedOn  the first day the credential was offered; empty to clear it
     * @param studyDesign one of {@link #DESIGNS}
     */
    public record Change(Optional<LocalDate> launchedOn, String studyDesign) {}

    /** The achievement's program metadata (observational with no launch date when never set); the achievement must be the tenant's. */
    public Program get(long tenantId, long achievementId) {
        return all(tenantId).getOrDefault(achievementId, Program.unset(achievementId));
    }

    /** Every program metadata row of the tenant, by achievement. */
    public Map<Long, Program> all(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT achievement_id, launched_on, study_design, updated_by, updated_at FROM achievement_program WHERE tenant_id = :tenant""")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> new Program(rs.getLong("achievement_id"), Optional.ofNullable(rs.getObject("launched_on", LocalDate.class)),
                        rs.getString("study_design"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .stream().collect(Collectors.toMap(Program::achievementId, p -> p)));
    }

    /**
     * Sets the achievement's launch date and study design, audited as {@code achievement.program.set} with before and after.
     *
     * @throws DomainException.InvalidInput when the study design is not one of {@link #DESIGNS}
     */
    public Program set(long tenantId, long achievementId, Change change, String actor) {
        Optional<LocalDate> launchedOn = change.launchedOn();
        String studyDesign = change.studyDesign();
        if (!DESIGNS.contains(studyDesign)) {
            throw new DomainException.InvalidInput("studyDesign", ErrorText.of("outcomes.study_design_invalid", "designs", DESIGNS, "value", studyDesign));
        }
        return jdbi.inTransaction(h -> {
            Program before = get(tenantId, achievementId);
            h.createUpdate("""
                            INSERT INTO achievement_program (tenant_id, achievement_id, launched_on, study_design, updated_by, updated_at)
                            VALUES (:tenant, :achievement, :launched, :design, :actor, now())
                            ON CONFLICT (tenant_id, achievement_id) DO UPDATE
                            SET launched_on = excluded.launched_on, study_design = excluded.study_design,
                                updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                    .bind("tenant", tenantId).bind("achievement", achievementId).bind("launched", launchedOn.orElse(null))
                    .bind("design", studyDesign).bind("actor", actor).execute();
            Program after = h.createQuery("""
                            SELECT launched_on, study_design, updated_by, updated_at FROM achievement_program
                            WHERE tenant_id = :tenant AND achievement_id = :achievement""")
                    .bind("tenant", tenantId).bind("achievement", achievementId)
                    .map((rs, ctx) -> new Program(achievementId, Optional.ofNullable(rs.getObject("launched_on", LocalDate.class)),
                            rs.getString("study_design"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                    .one();
            audit.record(h, tenantId, actor, "achievement.program.set", "achievement:" + achievementId,
                    before.updatedBy() == null ? null : ProgramJson.of(before), ProgramJson.of(after));
            return after;
        });
    }
}
