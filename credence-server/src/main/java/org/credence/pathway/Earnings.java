package org.credence.pathway;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Which achievements a recipient has earned, as pathways count them: the one place the rule lives.
 * <ul>
 *   <li>An achievement counts while the recipient holds an <em>active</em> credential of it (an expired one
 *       still counts: it was earned); a revoked or suspended credential does not.</li>
 *   <li>A credential superseded by a renewal counts through its successor: the lineage counts while its newest
 *       credential is active, and it was earned when its earliest (not revoked or suspended) credential was
 *       issued — a renewal does not move an ordered pathway's dates.</li>
 * </ul>
 */
final class Earnings {
    private static final String RULE = """
            SELECT recipient_email_hash
                 , achievement_id
                 , MIN(issued_at) FILTER (WHERE state NOT IN ('revoked', 'suspended')) AS earned_at
                 , (ARRAY_AGG(id ORDER BY issued_at DESC, id) FILTER (WHERE state = 'active'))[1] AS credential_id
                 , (ARRAY_AGG(number ORDER BY issued_at DESC, id) FILTER (WHERE state = 'active'))[1] AS number
              FROM credential
             WHERE tenant_id = :tenant
               AND %s
             GROUP BY recipient_email_hash, achievement_id
            HAVING bool_or(state = 'active')
            """;

    private Earnings() {}

    /** What one recipient (by e-mail hash) has earned among {@code achievements}, by achievement id. */
    static Map<Long, Earned> of(Handle h, long tenantId, String emailHash, Collection<Long> achievements) {
        return byRecipient(h, tenantId, emailHash, achievements).getOrDefault(emailHash, Map.of());
    }

    /** Everything one recipient has earned at the tenant, by achievement id. */
    static Map<Long, Earned> all(Handle h, long tenantId, String emailHash) {
        return byRecipient(h, tenantId, emailHash, null).getOrDefault(emailHash, Map.of());
    }

    /** What every recipient has earned among {@code achievements}: e-mail hash → achievement id → earned. */
    static Map<String, Map<Long, Earned>> everyone(Handle h, long tenantId, Collection<Long> achievements) {
        return byRecipient(h, tenantId, null, achievements);
    }

    private static Map<String, Map<Long, Earned>> byRecipient(Handle h, long tenantId, String emailHash, Collection<Long> achievements) {
        String filter = (emailHash == null ? "TRUE" : "recipient_email_hash = :hash")
                + (achievements == null ? "" : " AND achievement_id = ANY(:achievements)");
        var query = h.createQuery(RULE.formatted(filter)).bind("tenant", tenantId);
        if (emailHash != null) {
            query.bind("hash", emailHash);
        }
        if (achievements != null) {
            query.bindArray("achievements", Long.class, List.copyOf(achievements));
        }
        Map<String, Map<Long, Earned>> earned = new HashMap<>();
        query.map((rs, ctx) -> {
            Timestamp at = rs.getTimestamp("earned_at");
            return Map.entry(rs.getString("recipient_email_hash"), new Earned(rs.getLong("achievement_id"), at.toInstant(),
                    rs.getObject("credential_id", UUID.class), rs.getString("number")));
        }).forEach(e -> earned.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(e.getValue().achievementId(), e.getValue()));
        return earned;
    }
}
