package org.credence.webhook;

import java.net.ConnectException;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.credence.audit.AuditTrail;
import org.credence.json.JsonFields;
import org.credence.tenant.MasterKey;
import org.credence.verification.CheckedResolver;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due webhook deliveries: claims rows (a lease moves them out of reach of another run), posts each signed
 * (Standard Webhooks headers) through a Jetty client whose name resolution refuses internal addresses, at most
 * {@link Limits#inFlight} at once and {@link Limits#perEndpoint} per endpoint (so one slow or dead endpoint cannot
 * hold every slot), and writes the outcomes: 2xx delivered; 410 Gone failed and the endpoint switched off; anything
 * else retried with exponential backoff and jitter until 24 hours after the event, then failed.
 */
public final class WebhookSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofHours(2);
    /** A claimed row is out of reach this long: longer than any attempt, short enough that a crashed run's rows come back soon. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int CLAIM = 256;
    private static final Duration GATHER = Duration.ofMillis(20);
    private static final int ERROR_CHARS = 500;

    /**
     * @param connectTimeout a connection not made by then fails the attempt
     * @param timeout        an answer not complete by then fails the attempt
     * @param inFlight       deliveries sent at once, all endpoints together
     * @param perEndpoint    deliveries sent at once to one endpoint
     * @param runFor         one {@link #deliverDue()} claims new work for this long, then returns
     */
    public record Limits(Duration connectTimeout, Duration timeout, int inFlight, int perEndpoint, Duration runFor) {
        public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(3), Duration.ofSeconds(10), 64, 16, Duration.ofSeconds(5));
    }

    /** A claimed delivery with what sending it needs. */
    private record Due(UUID id, long tenantId, long endpointId, String url, byte[] sealedSecret, String payload, int attempts, Instant giveUpAt) {}

    /** What one attempt got: an HTTP status, or none and why. */
    private record Outcome(Due due, Integer status, String error, Instant at) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final Jdbi jdbi;
    private final MasterKey master;
    private final AuditTrail audit;
    private final WebhookOutbox outbox;
    private final Clock clock;
    private final SecureRandom random;
    private final Limits limits;
    private final HttpClient client;
    private final Map<Long, AtomicInteger> perEndpoint = new ConcurrentHashMap<>();

    WebhookSender(Jdbi jdbi, MasterKey master, AuditTrail audit, WebhookOutbox outbox, WebhookTargets targets, Clock clock, SecureRandom random,
                  Limits limits) {
        this.jdbi = jdbi;
        this.master = master;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.random = random;
        this.limits = limits;
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(8, Math.min(limits.inFlight(), 32)), 2);
        threads.setName("credence-webhooks");
        threads.setDaemon(true);
        ClientConnector connector = new ClientConnector();
        connector.setExecutor(threads);
        connector.setScheduler(new ScheduledExecutorScheduler("credence-webhooks-timer", true));
        this.client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(threads);
        client.setFollowRedirects(false); // a redirect could lead anywhere: it is a failed attempt
        client.setConnectTimeout(limits.connectTimeout().toMillis());
        client.setMaxConnectionsPerDestination(limits.perEndpoint());
        client.setSocketAddressResolver(targets.resolver());
        client.getContentDecoderFactories().clear();
        client.setUserAgentField(new org.eclipse.jetty.http.HttpField(org.eclipse.jetty.http.HttpHeader.USER_AGENT, "Credence-Webhooks/1"));
    }

    /**
     * Sends what is due now, and what becomes due while it runs, for at most {@link Limits#runFor}; returns the
     * number of attempts made. One run at a time in this process (the recurring job, a test, a benchmark).
     */
    public synchronized int deliverDue() {
        Instant stopClaiming = Instant.now().plus(limits.runFor());
        Semaphore slots = new Semaphore(limits.inFlight());
        LinkedBlockingQueue<Outcome> finished = new LinkedBlockingQueue<>();
        int sent = 0;
        int inFlight = 0;
        while (true) {
            List<Outcome> done = new ArrayList<>();
            finished.drainTo(done);
            inFlight -= done.size();
            record(done);
            List<Due> claimed = Instant.now().isBefore(stopClaiming) ? claim(Math.min(CLAIM, slots.availablePermits() + limits.perEndpoint())) : List.of();
            for (Due due : claimed) {
                slots.acquireUninterruptibly();
                inFlight++;
                sent++;
                send(due).whenComplete((outcome, failure) -> {
                    slots.release();
                    finished.add(outcome);
                });
            }
            if (claimed.isEmpty()) {
                if (inFlight == 0) {
                    return sent;
                }
                // nothing claimable now (none due, or only for endpoints already at their limit): wait for an answer
                try {
                    Outcome next = finished.poll(limits.timeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        LOG.warn("{} webhook deliveries did not finish in time; their leases let a later run retry them", inFlight);
                        return sent;
                    }
                    finished.add(next);
                    // let more answers gather (half of those in flight, for at most 20 ms): the next write and claim then cover
                    // many deliveries rather than one each, which is what bounds the rate to a fast endpoint
                    long until = System.nanoTime() + GATHER.toNanos();
                    while (finished.size() < inFlight / 2 && System.nanoTime() < until) {
                        Thread.sleep(1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    List<Outcome> left = new ArrayList<>();
                    finished.drainTo(left);
                    record(left); // what has answered is written; the rest is retried after its lease
                    return sent;
                }
            }
        }
    }

    /** Sends one delivery of the tenant now (a test ping, a redelivery asked for by hand), waiting for its outcome. */
    Optional<WebhookDelivery> sendNow(long tenantId, UUID id) {
        List<Due> claimed = jdbi.inTransaction(h -> claim(h, "d.id = :id AND d.tenant_id = :tenant",
                q -> q.bind("id", id).bind("tenant", tenantId), 1));
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Outcome outcome = send(claimed.get(0)).join();
        record(List.of(outcome));
        return jdbi.withHandle(h -> Webhooks.delivery(h, tenantId, id));
    }

    private List<Due> claim(int limit) {
        List<Long> busy = perEndpoint.entrySet().stream().filter(e -> e.getValue().get() >= limits.perEndpoint()).map(Map.Entry::getKey).toList();
        return jdbi.inTransaction(h -> claim(h, "d.endpoint_id <> ALL(:busy)", q -> q.bindArray("busy", Long.class, busy), limit));
    }

    // due rows of enabled endpoints, oldest first, at most perEndpoint of each endpoint; the lease hides them from other runs
    private List<Due> claim(Handle h, String which, java.util.function.Consumer<Query> binds, int limit) {
        Instant now = clock.instant();
        var update = h.createQuery("""
                WITH due AS (
                    SELECT d.id, d.endpoint_id, d.next_attempt_at
                      FROM webhook_delivery d
                      JOIN webhook_endpoint e ON e.id = d.endpoint_id AND e.enabled
                     WHERE d.state = 'pending'
                       AND d.next_attempt_at <= :now
                       AND %s
                     ORDER BY d.next_attempt_at
                     LIMIT :scan
                ), picked AS (
                    SELECT id
                      FROM (SELECT id, next_attempt_at, row_number() OVER (PARTITION BY endpoint_id ORDER BY next_attempt_at) AS n FROM due) r
                     WHERE n <= :perEndpoint
                     ORDER BY next_attempt_at
                     LIMIT :limit
                )
                UPDATE webhook_delivery d
                   SET next_attempt_at = :lease
                  FROM webhook_endpoint e, picked p
                 WHERE p.id = d.id
                   AND e.id = d.endpoint_id
                   AND d.state = 'pending'
                   AND d.next_attempt_at <= :now
                RETURNING d.id, d.tenant_id, d.endpoint_id, d.payload, d.attempts, d.give_up_at, e.url, e.secret_sealed
                """.formatted(which))
                .bind("now", Timestamp.from(now)).bind("lease", Timestamp.from(now.plus(LEASE)))
                .bind("scan", limit * 8).bind("perEndpoint", limits.perEndpoint()).bind("limit", limit);
        binds.accept(update);
        return update.map((rs, ctx) -> new Due(rs.getObject("id", UUID.class), rs.getLong("tenant_id"), rs.getLong("endpoint_id"),
                rs.getString("url"), rs.getBytes("secret_sealed"), rs.getString("payload"), rs.getInt("attempts"),
                rs.getTimestamp("give_up_at").toInstant())).list();
    }

    private CompletableFuture<Outcome> send(Due due) {
        AtomicInteger endpointLoad = perEndpoint.computeIfAbsent(due.endpointId(), id -> new AtomicInteger());
        endpointLoad.incrementAndGet();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        try {
            long timestamp = clock.instant().getEpochSecond();
            String id = due.id().toString();
            String signature = WebhookSecret.signature(master.open(due.sealedSecret()), id, timestamp, due.payload());
            started().newRequest(URI.create(due.url())).method(HttpMethod.POST).followRedirects(false)
                    .timeout(limits.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .headers(headers -> headers.put("webhook-id", id).put("webhook-timestamp", Long.toString(timestamp))
                            .put("webhook-signature", signature))
                    .body(new StringRequestContent("application/json", due.payload()))
                    .send(result -> outcome.complete(outcome(due, result)));
        } catch (RuntimeException e) {
            outcome.complete(new Outcome(due, null, text(e), clock.instant()));
        }
        return outcome.whenComplete((o, f) -> endpointLoad.decrementAndGet());
    }

    private Outcome outcome(Due due, Result result) {
        Instant at = clock.instant();
        Integer status = result.getResponse() == null || result.getResponse().getStatus() == 0 ? null : result.getResponse().getStatus();
        if (!result.isFailed()) {
            return new Outcome(due, status, status >= 200 && status < 300 ? null : "HTTP " + status, at);
        }
        Throwable failure = result.getFailure();
        String error;
        if (failure instanceof CheckedResolver.RefusedAddress) {
            error = failure.getMessage();
        } else if (failure instanceof TimeoutException) {
            error = "no answer within " + limits.timeout().toSeconds() + " s";
        } else if (failure instanceof ConnectException) {
            error = "could not connect: " + failure.getMessage();
        } else {
            error = text(failure);
        }
        return new Outcome(due, status != null && status >= 200 && status < 300 ? null : status, error, at);
    }

    private static String text(Throwable t) {
        String message = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return message.length() > ERROR_CHARS ? message.substring(0, ERROR_CHARS) : message;
    }

    /** Writes a batch of outcomes in one transaction. */
    private void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    UPDATE webhook_delivery
                       SET state = :state
                         , attempts = attempts + 1
                         , last_attempt_at = :at
                         , delivered_at = :delivered
                         , response_status = :status
                         , last_error = :error
                         , next_attempt_at = :next
                     WHERE id = :id
                    """);
            for (Outcome o : outcomes) {
                Instant next = null;
                String state;
                if (o.delivered()) {
                    state = "delivered";
                } else if (Integer.valueOf(410).equals(o.status())) {
                    state = "failed";
                    disable(h, o);
                } else {
                    next = o.at().plus(backoff(o.due().attempts() + 1, random));
                    state = next.isAfter(o.due().giveUpAt()) ? "failed" : "pending";
                    next = state.equals("pending") ? next : null;
                }
                batch.bind("state", state).bind("at", Timestamp.from(o.at())).bind("delivered", o.delivered() ? Timestamp.from(o.at()) : null)
                        .bind("status", o.status()).bind("error", o.error()).bind("next", next == null ? null : Timestamp.from(next))
                        .bind("id", o.due().id()).add();
            }
            batch.execute();
        });
    }

    // 410 Gone: the receiver says the endpoint is gone for good (Standard Webhooks); it is switched off, and the audit trail says why
    private void disable(Handle h, Outcome o) {
        int changed = h.createUpdate("""
                        UPDATE webhook_endpoint SET enabled = false, disabled_reason = :reason, updated_at = :at
                         WHERE id = :id AND tenant_id = :tenant AND enabled
                        """)
                .bind("reason", "answered 410 Gone").bind("at", Timestamp.from(o.at())).bind("id", o.due().endpointId())
                .bind("tenant", o.due().tenantId()).execute();
        if (changed > 0) {
            audit.record(h, o.due().tenantId(), "webhooks", "webhook.disable", "webhook:" + o.due().endpointId(),
                    JsonFields.MAPPER.createObjectNode().put("enabled", true),
                    JsonFields.MAPPER.createObjectNode().put("enabled", false).put("reason", "answered 410 Gone"));
            outbox.changed(h, o.due().tenantId());
        }
    }

    /**
     * How long after failed attempt {@code attempt} (1, 2 …) the next one is made: 5 s doubling per attempt, at most
     * 2 hours, times a random factor between 0.5 and 1 (jitter, so endpoints that come back are not hit all at once).
     */
    static Duration backoff(int attempt, SecureRandom random) {
        long base = FIRST_RETRY.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, LONGEST_RETRY.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random.nextDouble() * (capped / 2)));
    }

    // started at the first delivery: installations without webhooks keep no client threads
    private HttpClient started() {
        synchronized (client) {
            if (client.isStarted()) {
                return client;
            }
            try {
                client.start();
            } catch (Exception e) {
                throw new IllegalStateException("the HTTP client for webhooks could not start", e);
            }
            return client;
        }
    }

    @Override
    public void close() {
        synchronized (client) {
            try {
                client.stop();
            } catch (Exception e) {
                LOG.warn("the HTTP client for webhooks did not stop", e);
            }
        }
    }
}
