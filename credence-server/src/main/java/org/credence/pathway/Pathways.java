package org.credence.pathway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.issuance.Issuance;
import org.credence.json.JsonFields;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Pathway rules of a tenant's achievements: set (validated, audited), read, removed; and where a recipient
 * stands on the pathways they started. Issuing a completed pathway is {@link PathwayCompletion}'s.
 */
public final class Pathways {
    /** At most this many components in one pathway. */
    static final int MAX_COMPONENTS = 100;

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final Clock clock;

    public Pathways(Jdbi jdbi, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Makes {@code achievementId} a pathway requiring {@code requires} (replacing its earlier rule).
     *
     * @param minimum how many complete it; null: all of them
     * @throws DomainException.NotFound     when the achievement is not the caller's tenant's
     * @throws DomainException.Conflict     when the achievement is archived
     * @throws DomainException.InvalidInput for an empty or repeated list, a component that is not the tenant's, the
     *                                      pathway itself among its components, a cycle through other pathways, or a
     *                                      minimum out of range
     */
    public Pathway put(Caller caller, long achievementId, List<Long> requires, Integer minimum, boolean ordered) {
        long tenantId = caller.tenantId();
        if (requires.isEmpty() || requires.size() > MAX_COMPONENTS) {
            throw new DomainException.InvalidInput("requires", ErrorText.of("pathway.requires_count", "max", MAX_COMPONENTS));
        }
        if (new HashSet<>(requires).size() != requires.size()) {
            throw new DomainException.InvalidInput("requires", ErrorText.of("pathway.requires_twice"));
        }
        if (requires.contains(achievementId)) {
            throw new DomainException.InvalidInput("requires", ErrorText.of("pathway.requires_itself", "id", achievementId));
        }
        int n = minimum == null ? requires.size() : minimum;
        if (n < 1 || n > requires.size()) {
            throw new DomainException.InvalidInput("minimum", ErrorText.of("pathway.minimum_range", "max", requires.size(), "value", n));
        }
        Pathway pathway = new Pathway(achievementId, requires, n, ordered);
        return jdbi.inTransaction(h -> {
            PathwayStore.lock(h, tenantId);
            Map<Long, String> names = PathwayStore.names(h, tenantId, withPathway(pathway));
            if (!names.containsKey(achievementId)) {
                throw new DomainException.NotFound(ErrorText.of("achievement.not_found", "id", achievementId));
            }
            if (Achievements.isArchived(h, tenantId, achievementId)) {
                // an archived achievement is not issued, so it cannot be a pathway's target
                throw new DomainException.Conflict(ErrorText.of("achievement.archived", "name", names.get(achievementId), "id", achievementId));
            }
            List<Long> unknown = requires.stream().filter(id -> !names.containsKey(id)).toList();
            if (!unknown.isEmpty()) {
                throw new DomainException.InvalidInput("requires", ErrorText.of("achievement.not_found", "id", unknown.get(0)));
            }
            Map<Long, Pathway> existing = PathwayStore.all(h, tenantId);
            Pathway before = existing.put(achievementId, pathway);
            List<Long> cycle = cycleThrough(achievementId, existing);
            if (!cycle.isEmpty()) {
                throw new DomainException.InvalidInput("requires", ErrorText.of("pathway.cycle", "cycle", String.join(" requires ", cycle.stream().map(String::valueOf).toList())));
            }
            PathwayStore.put(h, tenantId, pathway, caller.actor(), clock.instant());
            audit.record(h, tenantId, caller.actor(), "achievement.pathway.set", "achievement:" + achievementId,
                    before == null ? null : json(before), json(pathway));
            return pathway;
        });
    }

    /** The pathway of the tenant's achievement; not found when it has none. */
    public Pathway get(long tenantId, long achievementId) {
        return jdbi.withHandle(h -> PathwayStore.find(h, tenantId, achievementId)).orElseThrow(() -> notFound(achievementId));
    }

    /** A pathway with its achievement's name. */
    public record Named(String name, Pathway pathway) {}

    /** The tenant's pathways, by achievement id. */
    public List<Named> list(long tenantId) {
        return jdbi.withHandle(h -> {
            Map<Long, Pathway> all = PathwayStore.all(h, tenantId);
            Map<Long, String> names = all.isEmpty() ? Map.of() : PathwayStore.names(h, tenantId, all.keySet());
            return all.values().stream().map(p -> new Named(names.get(p.achievementId()), p)).toList();
        });
    }

    /** Removes the pathway rule (the achievement stays); credentials already issued for it stay valid. */
    public void delete(Caller caller, long achievementId) {
        jdbi.useTransaction(h -> {
            PathwayStore.lock(h, caller.tenantId());
            Pathway before = PathwayStore.find(h, caller.tenantId(), achievementId).orElseThrow(() -> notFound(achievementId));
            PathwayStore.delete(h, caller.tenantId(), achievementId);
            audit.record(h, caller.tenantId(), caller.actor(), "achievement.pathway.delete", "achievement:" + achievementId, json(before), null);
        });
    }

    /**
     * The pathways the recipient of {@code email} has started at the tenant (earned at least one component), each
     * with its components done and missing, in the tenant's pathway order.
     */
    public List<RecipientPathway> startedBy(long tenantId, String email) {
        String hash = Issuance.emailHash(email);
        return jdbi.withHandle(h -> {
            Map<Long, Earned> earned = Earnings.all(h, tenantId, hash);
            List<Pathway> started = PathwayStore.all(h, tenantId).values().stream()
                    .filter(p -> p.requires().stream().anyMatch(earned::containsKey)).toList();
            if (started.isEmpty()) {
                return List.of();
            }
            Set<Long> ids = new LinkedHashSet<>();
            started.forEach(p -> ids.addAll(withPathway(p)));
            Map<Long, String> names = PathwayStore.names(h, tenantId, ids);
            List<RecipientPathway> views = new ArrayList<>();
            for (Pathway p : started) {
                Progress progress = Progress.of(p, earned);
                List<RecipientPathway.Step> steps = p.requires().stream()
                        .map(c -> new RecipientPathway.Step(names.get(c), earned.containsKey(c) ? earned.get(c).number() : null)).toList();
                Earned held = earned.get(p.achievementId());
                // a pathway credential revoked since is not "on its way": it is not issued again by itself
                boolean due = progress.complete() && held == null && !PathwayStore.ever(h, tenantId, p.achievementId(), hash);
                views.add(new RecipientPathway(names.get(p.achievementId()), progress.earned(), p.minimum(), p.requires().size(), p.ordered(),
                        due, held == null ? null : held.number(), steps));
            }
            return views;
        });
    }

    /** The pathway's recipients by stage, before suppression (see {@link PathwayFunnel}). */
    public PathwayFunnel funnel(long tenantId, long achievementId, int minGroupSize) {
        return jdbi.withHandle(h -> {
            Pathway pathway = PathwayStore.find(h, tenantId, achievementId).orElseThrow(() -> notFound(achievementId));
            Map<String, Map<Long, Earned>> everyone = Earnings.everyone(h, tenantId, withPathway(pathway));
            long[] stages = new long[pathway.minimum() + 1]; // [k - 1] for "k of N" not completed; [N] completed
            for (Map<Long, Earned> earned : everyone.values()) {
                Progress progress = Progress.of(pathway, earned);
                if (progress.earned() == 0) {
                    continue; // holds the pathway without having started it here (issued by hand): not in the funnel
                }
                stages[earned.containsKey(achievementId) ? pathway.minimum() : Math.min(progress.earned(), pathway.minimum()) - 1]++;
            }
            return PathwayFunnel.of(pathway, stages, minGroupSize);
        });
    }

    /** The pathway and its components: the achievements to read together. */
    private static List<Long> withPathway(Pathway pathway) {
        List<Long> ids = new ArrayList<>(pathway.requires());
        ids.add(pathway.achievementId());
        return ids;
    }

    /** A cycle through {@code start} in the graph of pathways (start, …, start), or empty. */
    static List<Long> cycleThrough(long start, Map<Long, Pathway> pathways) {
        Map<Long, Long> cameFrom = new HashMap<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(start));
        Set<Long> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            long at = todo.pop();
            Pathway p = pathways.get(at);
            if (p == null || !seen.add(at)) {
                continue;
            }
            for (long next : p.requires()) {
                if (next == start) {
                    List<Long> path = new ArrayList<>();
                    for (long step = at; step != start; step = cameFrom.get(step)) {
                        path.add(0, step);
                    }
                    path.add(0, start);
                    path.add(start);
                    return path;
                }
                cameFrom.putIfAbsent(next, at);
                todo.push(next);
            }
        }
        return List.of();
    }

    public static ObjectNode json(Pathway p) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("achievementId", p.achievementId());
        p.requires().forEach(node.putArray("requires")::add);
        node.put("minimum", p.minimum());
        node.put("ordered", p.ordered());
        node.put("allOf", p.allOf());
        return node;
    }

    private static DomainException notFound(long id) {
        return new DomainException.NotFound(ErrorText.of("pathway.not_found", "id", id));
    }
}
