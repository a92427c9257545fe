package org.credence.webhook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.credence.events.CredentialEvent;
import org.credence.events.CredentialEvents;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The webhook outbox: each event becomes, in the transaction that made it happen, one delivery row per enabled
 * endpoint of its tenant that subscribes to its type; {@link WebhookSender} sends the rows later, off the request.
 * A tenant's subscriptions are kept in memory (dropped when they change here, and after {@link #REREAD} at most, for
 * changes made by another Credence process), so a tenant without endpoints pays one map look-up per event.
 */
public final class WebhookOutbox implements CredentialEvents {
    /** Retries stop this long after the event. */
    static final Duration RETRY_FOR = Duration.ofHours(24);
    /** How long another process's change to a tenant's endpoints may go unseen here. */
    static final Duration REREAD = Duration.ofSeconds(30);

    private record Subscription(long endpointId, Set<String> events) {}

    private final Clock clock;
    private final Cache<Long, List<Subscription>> subscriptions = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(REREAD).build();

    public WebhookOutbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void record(Handle h, CredentialEvent event) {
        List<Subscription> subscribed = subscriptions.get(event.tenantId(), tenant -> load(h, tenant));
        if (subscribed.isEmpty()) {
            return;
        }
        String type = event.type().wireName();
        List<Subscription> matching = subscribed.stream().filter(s -> s.events().contains(type)).toList();
        if (matching.isEmpty()) {
            return;
        }
        String payload = WebhookJson.payload(event);
        Instant now = clock.instant();
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO webhook_delivery (id, tenant_id, endpoint_id, event_type, payload, state, next_attempt_at, give_up_at, created_at)
                SELECT :id, :tenant, id, :type, :payload, 'pending', :now, :giveUp, :now
                  FROM webhook_endpoint
                 WHERE id = :endpoint
                   AND tenant_id = :tenant
                   AND enabled
                """); // the endpoint is read again: another process may have switched it off since this one cached it
        for (Subscription s : matching) {
            batch.bind("id", UUID.randomUUID()).bind("tenant", event.tenantId()).bind("endpoint", s.endpointId()).bind("type", type)
                    .bind("payload", payload).bind("now", Timestamp.from(now)).bind("giveUp", Timestamp.from(now.plus(RETRY_FOR))).add();
        }
        batch.execute();
    }

    /** Forgets the tenant's subscriptions once the transaction that changed them commits (at once outside a transaction). */
    void changed(Handle h, long tenantId) {
        if (h.isInTransaction()) {
            h.afterCommit(() -> subscriptions.invalidate(tenantId));
        }
        subscriptions.invalidate(tenantId);
    }

    private static List<Subscription> load(Handle h, long tenantId) {
        return h.createQuery("SELECT id, events FROM webhook_endpoint WHERE tenant_id = :tenant AND enabled ORDER BY id")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> new Subscription(rs.getLong("id"), Set.of((String[]) rs.getArray("events").getArray())))
                .list();
    }
}
