package org.credence.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.jdbi.v3.core.Jdbi;

/**
 * Who gets the weekly program report by mail: users of the tenant who may see analytics (owner or
 * analyst), each in their language. Every statement names its tenant.
 */
public final class WeeklySubscriptions {
    static final String REPORT = "weekly";

    private final Jdbi jdbi;

    public WeeklySubscriptions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A subscribed user. */
    public record Subscriber(long userId, String email, String name, String language, Instant since) {}

    /**
     * Subscribes the tenant's user {@code userId} (or changes their language).
     *
     * @throws DomainException.NotFound when the tenant has no such user
     * @throws DomainException.Conflict when the user may not see analytics, or is disabled
     */
    public Subscriber subscribe(long tenantId, long userId, String language, Instant now) {
        if (!language.equals("en") && !language.equals("nb")) {
            throw new DomainException.InvalidInput("language", ErrorText.of("report.language_invalid", "value", language));
        }
        return jdbi.inTransaction(h -> {
            var user = h.createQuery("SELECT role, disabled FROM app_user WHERE tenant_id = :tenant AND id = :user")
                    .bind("tenant", tenantId).bind("user", userId).mapToMap().findOne()
                    .orElseThrow(() -> new DomainException.NotFound(ErrorText.of("report.user_not_found", "id", userId)));
            if (Boolean.TRUE.equals(user.get("disabled")) || !List.of("owner", "analyst").contains((String) user.get("role"))) {
                throw new DomainException.Conflict(ErrorText.of("report.user_not_allowed", "id", userId));
            }
            h.createUpdate("""
                            INSERT INTO report_subscription (tenant_id, user_id, report, language, created_at)
                            VALUES (:tenant, :user, :report, :language, :now)
                            ON CONFLICT (tenant_id, user_id, report) DO UPDATE SET language = :language""")
                    .bind("tenant", tenantId).bind("user", userId).bind("report", REPORT).bind("language", language)
                    .bind("now", Timestamp.from(now)).execute();
            return list(h, tenantId).stream().filter(s -> s.userId() == userId).findFirst().orElseThrow();
        });
    }

    /** Ends the user's subscription; false when there was none. */
    public boolean unsubscribe(long tenantId, long userId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM report_subscription WHERE tenant_id = :tenant AND user_id = :user AND report = :report")
                .bind("tenant", tenantId).bind("user", userId).bind("report", REPORT).execute()) > 0;
    }

    /** The tenant's subscribers, by user id. */
    public List<Subscriber> list(long tenantId) {
        return jdbi.withHandle(h -> list(h, tenantId));
    }

    private static List<Subscriber> list(org.jdbi.v3.core.Handle h, long tenantId) {
        return h.createQuery("""
                        SELECT s.user_id, u.email, u.name, s.language, s.created_at
                          FROM report_subscription s
                          JOIN app_user u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
                         WHERE s.tenant_id = :tenant AND s.report = :report
                         ORDER BY s.user_id""")
                .bind("tenant", tenantId).bind("report", REPORT)
                .map((rs, ctx) -> new Subscriber(rs.getLong("user_id"), rs.getString("email"), rs.getString("name"), rs.getString("language"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
