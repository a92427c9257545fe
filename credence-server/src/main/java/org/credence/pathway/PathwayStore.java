package org.credence.pathway;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for pathways ({@code pathway}, {@code pathway_component}); every statement is scoped to a tenant. */
final class PathwayStore {
    private PathwayStore() {}

    static Optional<Pathway> find(Handle h, long tenantId, long achievementId) {
        return all(h, tenantId, achievementId).values().stream().findFirst();
    }

    /** The tenant's pathways by achievement id. */
    static Map<Long, Pathway> all(Handle h, long tenantId) {
        return all(h, tenantId, null);
    }

    private static Map<Long, Pathway> all(Handle h, long tenantId, Long only) {
        Map<Long, List<Long>> components = new LinkedHashMap<>();
        Map<Long, int[]> rules = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT p.achievement_id, p.minimum, p.ordered, c.component_id
                          FROM pathway p
                          JOIN pathway_component c ON c.tenant_id = p.tenant_id AND c.pathway_id = p.achievement_id
                         WHERE p.tenant_id = :tenant
                           AND (CAST(:only AS BIGINT) IS NULL OR p.achievement_id = :only)
                         ORDER BY p.achievement_id, c.position
                        """)
                .bind("tenant", tenantId).bind("only", only)
                .map((rs, ctx) -> {
                    long id = rs.getLong("achievement_id");
                    rules.putIfAbsent(id, new int[] {rs.getInt("minimum"), rs.getBoolean("ordered") ? 1 : 0});
                    components.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getLong("component_id"));
                    return id;
                }).forEach(id -> { });
        Map<Long, Pathway> pathways = new LinkedHashMap<>();
        rules.forEach((id, rule) -> pathways.put(id, new Pathway(id, components.get(id), rule[0], rule[1] == 1)));
        return pathways;
    }

    /** The pathways that list {@code achievementId} among their components. */
    static List<Long> requiring(Handle h, long tenantId, long achievementId) {
        return h.createQuery("SELECT pathway_id FROM pathway_component WHERE tenant_id = :tenant AND component_id = :component")
                .bind("tenant", tenantId).bind("component", achievementId).mapTo(Long.class).list();
    }

    /** Replaces the pathway of {@code pathway.achievementId()}. */
    static void put(Handle h, long tenantId, Pathway pathway, String actor, Instant at) {
        h.createUpdate("""
                        INSERT INTO pathway (tenant_id, achievement_id, minimum, ordered, updated_by, updated_at)
                        VALUES (:tenant, :id, :minimum, :ordered, :by, :at)
                        ON CONFLICT (tenant_id, achievement_id)
                        DO UPDATE SET minimum = :minimum, ordered = :ordered, updated_by = :by, updated_at = :at
                        """)
                .bind("tenant", tenantId).bind("id", pathway.achievementId()).bind("minimum", pathway.minimum())
                .bind("ordered", pathway.ordered()).bind("by", actor).bind("at", Timestamp.from(at)).execute();
        h.createUpdate("DELETE FROM pathway_component WHERE tenant_id = :tenant AND pathway_id = :id")
                .bind("tenant", tenantId).bind("id", pathway.achievementId()).execute();
        var batch = h.prepareBatch("""
                INSERT INTO pathway_component (tenant_id, pathway_id, position, component_id) VALUES (:tenant, :id, :position, :component)""");
        for (int i = 0; i < pathway.requires().size(); i++) {
            batch.bind("tenant", tenantId).bind("id", pathway.achievementId()).bind("position", i)
                    .bind("component", pathway.requires().get(i)).add();
        }
        batch.execute();
    }

    static boolean delete(Handle h, long tenantId, long achievementId) {
        return h.createUpdate("DELETE FROM pathway WHERE tenant_id = :tenant AND achievement_id = :id")
                .bind("tenant", tenantId).bind("id", achievementId).execute() == 1;
    }

    /** The names of the tenant's achievements among {@code ids}; an id of another tenant is simply absent. */
    static Map<Long, String> names(Handle h, long tenantId, Collection<Long> ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        h.createQuery("SELECT id, name FROM achievement WHERE tenant_id = :tenant AND id = ANY(:ids) ORDER BY id")
                .bind("tenant", tenantId).bindArray("ids", Long.class, List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("name"))).forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    /** Whether the recipient holds (or ever held) a credential of the achievement, whatever its state. */
    static boolean ever(Handle h, long tenantId, long achievementId, String emailHash) {
        return h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM credential
                                        WHERE tenant_id = :tenant AND achievement_id = :achievement AND recipient_email_hash = :hash)
                        """)
                .bind("tenant", tenantId).bind("achievement", achievementId).bind("hash", emailHash).mapTo(Boolean.class).one();
    }

    /** Serialises changes to one tenant's pathways, so two concurrent changes cannot make a cycle between them. */
    static void lock(Handle h, long tenantId) {
        h.createQuery("SELECT pg_advisory_xact_lock(hashtext('pathway'), CAST(:tenant AS INTEGER))::text")
                .bind("tenant", tenantId).mapTo(String.class).one();
    }
}
