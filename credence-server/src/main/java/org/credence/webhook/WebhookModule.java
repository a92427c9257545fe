package org.credence.webhook;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.credence.audit.AuditTrail;
import org.credence.events.CredentialEvent;
import org.credence.events.CredentialEventType;
import org.credence.issuance.IssuedCredential;
import org.credence.jobs.Jobs;
import org.credence.tenant.MasterKey;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Outbound webhooks wired together: the outbox that records events ({@link #events()}), the sender the recurring
 * {@value #TASK} job runs, and the service behind the {@code /api/v1/webhooks} routes. See docs/webhooks.md.
 */
public final class WebhookModule implements AutoCloseable {
    /** The recurring job that sends due deliveries. */
    public static final String TASK = "webhook-deliveries";

    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final Webhooks webhooks;
    private final Clock clock;

    private WebhookModule(WebhookOutbox outbox, WebhookSender sender, Webhooks webhooks, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.sender = sender;
        this.webhooks = webhooks;
    }

    /**
     * @param loopback endpoints on loopback, over plain http too, are allowed (tests with a local receiver:
     *                 CREDENCE_FETCH_PRIVATE_NETWORKS); private, link-local and metadata addresses never are
     */
    public static WebhookModule create(Jdbi jdbi, AuditTrail audit, MasterKey master, Jobs jobs, Clock clock, SecureRandom random,
                                       boolean loopback) {
        WebhookTargets targets = new WebhookTargets(loopback, host -> List.of(InetAddress.getAllByName(host)));
        WebhookOutbox outbox = new WebhookOutbox(clock);
        WebhookSender sender = new WebhookSender(jdbi, master, audit, outbox, targets, clock, random, WebhookSender.Limits.DEFAULTS);
        // each run sends what is due (for up to Limits.runFor), then the next run follows a second later
        jobs.recurring(TASK, Duration.ofSeconds(1), sender::deliverDue);
        return new WebhookModule(outbox, sender, new Webhooks(jdbi, audit, master, outbox, targets, sender, clock, random), clock);
    }

    /** Where events are recorded: the webhook outbox. */
    public WebhookOutbox events() {
        return outbox;
    }

    /** Sends due deliveries: the recurring job's body; tests and benchmarks call it to send now. */
    public WebhookSender sender() {
        return sender;
    }

    /**
     * Records a revocation, suspension or reinstatement (the credential as it is now) inside the transaction that made
     * it: the lifecycle's state listener.
     */
    public void stateChanged(Handle h, IssuedCredential after) {
        CredentialEventType type = switch (after.state()) {
            case "revoked" -> CredentialEventType.REVOKED;
            case "suspended" -> CredentialEventType.SUSPENDED;
            case "active" -> CredentialEventType.REINSTATED;
            default -> null;
        };
        if (type != null) {
            outbox.record(h, new CredentialEvent(type, after.tenantId(), after.id(), after.number(), Long.toString(after.achievementId()),
                    clock.instant(), after.stateReason() == null ? Map.of() : Map.of("reason", after.stateReason())));
        }
    }

    /** The endpoints and their logs, for {@link WebhookRoutes}. */
    public Webhooks webhooks() {
        return webhooks;
    }

    /** Stops the HTTP client; a delivery in flight is tried again after its lease. */
    @Override
    public void close() {
        sender.close();
    }
}
