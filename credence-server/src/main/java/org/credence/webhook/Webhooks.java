package org.credence.webhook;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.events.CredentialEventType;
import org.credence.tenant.MasterKey;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A tenant's webhook endpoints and their delivery logs: subscribe (the URL checked by {@link WebhookTargets}), change,
 * delete, rotate the secret, read the log, redeliver, send a test ping. Every change is in the audit trail; every
 * query is scoped to the caller's tenant (another tenant's endpoint or delivery is "not found").
 */
public final class Webhooks {
    /** The event types an endpoint may subscribe to, by wire name. */
    public static final Set<String> EVENT_TYPES = Arrays.stream(CredentialEventType.values()).map(CredentialEventType::wireName)
            .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    /** The type of a test ping (not subscribable: sent only when asked for). */
    static final String TEST_TYPE = "webhook.test";
    static final int MAX_ENDPOINTS = 50;
    static final int MAX_DESCRIPTION = 500;

    /**
     * What a subscription says; on a change, a null member stays as it was.
     *
     * @param events event types by wire name
     */
    public record Subscription(String url, List<String> events, String description, Boolean enabled) {}

    /** A new endpoint or secret, with the secret in the clear: the only time it is shown. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {}

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final MasterKey master;
    private final WebhookOutbox outbox;
    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final Clock clock;
    private final SecureRandom random;

    Webhooks(Jdbi jdbi, AuditTrail audit, MasterKey master, WebhookOutbox outbox, WebhookTargets targets, WebhookSender sender, Clock clock,
             SecureRandom random) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.master = master;
        this.outbox = outbox;
        this.targets = targets;
        this.sender = sender;
        this.clock = clock;
        this.random = random;
    }

    /** Subscribes a new endpoint; the answer carries its secret, shown this once. */
    public WithSecret create(long tenantId, String actor, Subscription s) {
        String url = targets.check(s.url()).toString();
        List<String> events = events(s.events());
        String description = description(s.description());
        boolean enabled = s.enabled() == null || s.enabled();
        byte[] secret = WebhookSecret.generate(random);
        Instant now = clock.instant();
        WebhookEndpoint endpoint = jdbi.inTransaction(h -> {
            // serialises subscriptions of one tenant, so the limit holds under concurrent requests
            h.createQuery("SELECT id FROM tenant WHERE id = :tenant FOR UPDATE").bind("tenant", tenantId).mapTo(Long.class).one();
            int existing = h.createQuery("SELECT count(*) FROM webhook_endpoint WHERE tenant_id = :tenant AND deleted_at IS NULL")
                    .bind("tenant", tenantId).mapTo(Integer.class).one();
            if (existing >= MAX_ENDPOINTS) {
                throw new DomainException.Conflict(ErrorText.of("webhook.too_many", "max", MAX_ENDPOINTS));
            }
            long id = h.createQuery("""
                            INSERT INTO webhook_endpoint (tenant_id, url, events, description, enabled, secret_sealed, created_at, updated_at)
                            VALUES (:tenant, :url, :events, :description, :enabled, :sealed, :now, :now)
                            RETURNING id
                            """)
                    .bind("tenant", tenantId).bind("url", url).bindArray("events", String.class, events).bind("description", description)
                    .bind("enabled", enabled).bind("sealed", master.seal(secret)).bind("now", Timestamp.from(now))
                    .mapTo(Long.class).one();
            WebhookEndpoint created = find(h, tenantId, id).orElseThrow();
            audit.record(h, tenantId, actor, "webhook.create", "webhook:" + id, null, WebhookJson.audited(created));
            outbox.changed(h, tenantId);
            return created;
        });
        return new WithSecret(endpoint, WebhookSecret.text(secret));
    }

    /** The tenant's endpoints, oldest first. */
    public List<WebhookEndpoint> list(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_ENDPOINT + " WHERE tenant_id = :tenant AND deleted_at IS NULL ORDER BY id")
                .bind("tenant", tenantId).map((rs, ctx) -> endpoint(rs)).list());
    }

    public WebhookEndpoint get(long tenantId, long id) {
        return jdbi.withHandle(h -> find(h, tenantId, id)).orElseThrow(() -> notFound(id));
    }

    /** Changes what the subscription names; enabling an endpoint Credence switched off clears the reason. */
    public WebhookEndpoint update(long tenantId, String actor, long id, Subscription change) {
        String url = change.url() == null ? null : targets.check(change.url()).toString();
        List<String> events = change.events() == null ? null : events(change.events());
        String description = change.description() == null ? null : description(change.description());
        return jdbi.inTransaction(h -> {
            WebhookEndpoint before = find(h, tenantId, id).orElseThrow(() -> notFound(id));
            boolean enabled = change.enabled() == null ? before.enabled() : change.enabled();
            h.createUpdate("""
                            UPDATE webhook_endpoint
                               SET url = :url, events = :events, description = :description, enabled = :enabled
                                 , disabled_reason = CASE WHEN :enabled THEN NULL ELSE disabled_reason END
                                 , updated_at = :now
                             WHERE tenant_id = :tenant AND id = :id
                            """)
                    .bind("url", url == null ? before.url() : url).bindArray("events", String.class, events == null ? before.events() : events)
                    .bind("description", description == null ? before.description() : description).bind("enabled", enabled)
                    .bind("now", Timestamp.from(clock.instant())).bind("tenant", tenantId).bind("id", id).execute();
            WebhookEndpoint after = find(h, tenantId, id).orElseThrow();
            audit.record(h, tenantId, actor, "webhook.update", "webhook:" + id, WebhookJson.audited(before), WebhookJson.audited(after));
            outbox.changed(h, tenantId);
            return after;
        });
    }

    /** Deletes the endpoint: nothing more is sent to it, its pending deliveries fail, its log is no longer shown. */
    public void delete(long tenantId, String actor, long id) {
        jdbi.useTransaction(h -> {
            WebhookEndpoint before = find(h, tenantId, id).orElseThrow(() -> notFound(id));
            Timestamp now = Timestamp.from(clock.instant());
            h.createUpdate("UPDATE webhook_endpoint SET enabled = false, deleted_at = :now, updated_at = :now WHERE tenant_id = :tenant AND id = :id")
                    .bind("now", now).bind("tenant", tenantId).bind("id", id).execute();
            h.createUpdate("""
                            UPDATE webhook_delivery SET state = 'failed', next_attempt_at = NULL, last_error = 'the endpoint was deleted'
                             WHERE tenant_id = :tenant AND endpoint_id = :id AND state = 'pending'
                            """)
                    .bind("tenant", tenantId).bind("id", id).execute();
            audit.record(h, tenantId, actor, "webhook.delete", "webhook:" + id, WebhookJson.audited(before), null);
            outbox.changed(h, tenantId);
        });
    }

    /** A new secret for the endpoint, shown this once; deliveries signed from now on use it, the old one stops at once. */
    public WithSecret rotateSecret(long tenantId, String actor, long id) {
        byte[] secret = WebhookSecret.generate(random);
        WebhookEndpoint endpoint = jdbi.inTransaction(h -> {
            WebhookEndpoint before = find(h, tenantId, id).orElseThrow(() -> notFound(id));
            h.createUpdate("UPDATE webhook_endpoint SET secret_sealed = :sealed, updated_at = :now WHERE tenant_id = :tenant AND id = :id")
                    .bind("sealed", master.seal(secret)).bind("now", Timestamp.from(clock.instant())).bind("tenant", tenantId).bind("id", id)
                    .execute();
            audit.record(h, tenantId, actor, "webhook.rotate-secret", "webhook:" + id, null, WebhookJson.rotated());
            return before;
        });
        return new WithSecret(get(tenantId, endpoint.id()), WebhookSecret.text(secret));
    }

    /**
     * A page of the endpoint's delivery log, newest first.
     *
     * @param before the last delivery of the previous page, or null for the first page
     */
    public List<WebhookDelivery> deliveries(long tenantId, long endpointId, UUID before, int limit) {
        return jdbi.withHandle(h -> {
            find(h, tenantId, endpointId).orElseThrow(() -> notFound(endpointId));
            return h.createQuery(SELECT_DELIVERY + """
                             WHERE tenant_id = :tenant AND endpoint_id = :endpoint
                               AND (CAST(:before AS UUID) IS NULL
                                    OR (created_at, id) < (SELECT created_at, id FROM webhook_delivery WHERE tenant_id = :tenant AND id = CAST(:before AS UUID)))
                             ORDER BY created_at DESC, id DESC
                             LIMIT :limit
                            """)
                    .bind("tenant", tenantId).bind("endpoint", endpointId).bind("before", before).bind("limit", limit)
                    .map((rs, ctx) -> delivery(rs)).list();
        });
    }

    /**
     * Sends a delivery again now, whatever became of it, and answers what happened; it keeps its {@code webhook-id}
     * (receivers that already handled it may ignore it), and is retried for another 24 hours if this attempt fails.
     */
    public WebhookDelivery redeliver(long tenantId, String actor, long endpointId, UUID deliveryId) {
        jdbi.useTransaction(h -> {
            WebhookEndpoint endpoint = find(h, tenantId, endpointId).orElseThrow(() -> notFound(endpointId));
            if (!endpoint.enabled()) {
                throw new DomainException.Conflict(ErrorText.of("webhook.disabled_redeliver", "id", endpointId));
            }
            Instant now = clock.instant();
            int changed = h.createUpdate("""
                            UPDATE webhook_delivery SET state = 'pending', next_attempt_at = :now, give_up_at = :giveUp
                             WHERE tenant_id = :tenant AND endpoint_id = :endpoint AND id = :id
                            """)
                    .bind("now", Timestamp.from(now)).bind("giveUp", Timestamp.from(now.plus(WebhookOutbox.RETRY_FOR)))
                    .bind("tenant", tenantId).bind("endpoint", endpointId).bind("id", deliveryId).execute();
            if (changed == 0) {
                throw new DomainException.NotFound(ErrorText.of("webhook.delivery_unknown", "delivery", deliveryId, "id", endpointId));
            }
            audit.record(h, tenantId, actor, "webhook.redeliver", "webhook:" + endpointId, null, WebhookJson.deliveryId(deliveryId));
        });
        return sendNow(tenantId, deliveryId);
    }

    /** Sends a {@code webhook.test} event to the endpoint now and answers what happened (it is in the log too). */
    public WebhookDelivery test(long tenantId, String actor, long endpointId) {
        UUID id = UUID.randomUUID();
        jdbi.useTransaction(h -> {
            WebhookEndpoint endpoint = find(h, tenantId, endpointId).orElseThrow(() -> notFound(endpointId));
            if (!endpoint.enabled()) {
                throw new DomainException.Conflict(ErrorText.of("webhook.disabled_test", "id", endpointId));
            }
            Instant now = clock.instant();
            h.createUpdate("""
                            INSERT INTO webhook_delivery (id, tenant_id, endpoint_id, event_type, payload, state, next_attempt_at, give_up_at, created_at)
                            VALUES (:id, :tenant, :endpoint, :type, :payload, 'pending', :now, :now, :now)
                            """)
                    .bind("id", id).bind("tenant", tenantId).bind("endpoint", endpointId).bind("type", TEST_TYPE).bind("payload", WebhookJson.testPayload(endpointId, now))
                    .bind("now", Timestamp.from(now)).execute();
            audit.record(h, tenantId, actor, "webhook.test", "webhook:" + endpointId, null, WebhookJson.deliveryId(id));
        });
        return sendNow(tenantId, id);
    }

    private WebhookDelivery sendNow(long tenantId, UUID id) {
        return sender.sendNow(tenantId, id).or(() -> jdbi.withHandle(h -> delivery(h, tenantId, id))).orElseThrow();
    }

    private static final String SELECT_ENDPOINT = """
            SELECT id, tenant_id, url, events, description, enabled, disabled_reason, created_at, updated_at
              FROM webhook_endpoint
            """;

    private static final String SELECT_DELIVERY = """
            SELECT id, endpoint_id, event_type, state, attempts, response_status, last_error, created_at, last_attempt_at,
                   next_attempt_at, delivered_at, give_up_at
              FROM webhook_delivery
            """;

    private static Optional<WebhookEndpoint> find(Handle h, long tenantId, long id) {
        return h.createQuery(SELECT_ENDPOINT + " WHERE tenant_id = :tenant AND id = :id AND deleted_at IS NULL")
                .bind("tenant", tenantId).bind("id", id).map((rs, ctx) -> endpoint(rs)).findOne();
    }

    static Optional<WebhookDelivery> delivery(Handle h, long tenantId, UUID id) {
        return h.createQuery(SELECT_DELIVERY + " WHERE tenant_id = :tenant AND id = :id").bind("tenant", tenantId).bind("id", id)
                .map((rs, ctx) -> delivery(rs)).findOne();
    }

    private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
        Array events = rs.getArray("events");
        return new WebhookEndpoint(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("url"), List.of((String[]) events.getArray()),
                rs.getString("description"), rs.getBoolean("enabled"), rs.getString("disabled_reason"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        int code = rs.getInt("response_status");
        Integer status = rs.wasNull() ? null : code;
        return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getLong("endpoint_id"), rs.getString("event_type"), rs.getString("state"),
                rs.getInt("attempts"), status, rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"), instant(rs, "delivered_at"), instant(rs, "give_up_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> events(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new DomainException.InvalidInput("events", ErrorText.of("webhook.events_required", "types", String.join(", ", EVENT_TYPES)));
        }
        Set<String> events = new LinkedHashSet<>();
        for (String event : requested) {
            if (!EVENT_TYPES.contains(event)) {
                throw new DomainException.InvalidInput("events", ErrorText.of("webhook.event_unknown", "event", event, "types", String.join(", ", EVENT_TYPES)));
            }
            events.add(event);
        }
        return List.copyOf(events);
    }

    private static String description(String text) {
        String d = text == null ? "" : text.strip();
        if (d.length() > MAX_DESCRIPTION) {
            throw new DomainException.InvalidInput("description", ErrorText.of("webhook.description_too_long", "max", MAX_DESCRIPTION));
        }
        return d;
    }

    private static DomainException.NotFound notFound(long id) {
        return new DomainException.NotFound(ErrorText.of("webhook.not_found", "id", id));
    }
}
