package org.credence.tracking;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.credence.demo.DemoLoader;
import org.credence.demo.SimulatedEvent;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes simulated events (the demo tenant, the dashboard benchmark) through the path real events
 * take: the tracker's rules decide what counts — machines are {@code bot}, the recipient's own
 * views, verifications and referral clicks are {@code recipient-self}, a repeat within 30 s is a
 * {@code double-click} ({@link DoubleClicks}, run on the events' own times) — and
 * {@link EventStore#append} stores each batch and folds it into the rollups in one transaction.
 *
 * <p>Visitor keys and referrers are kept only where the credential's recipient allowed detailed
 * tracking, as for real events. A simulated visitor has no address, so its key is an HMAC of the
 * visitor number and the day under a secret made for this load and then forgotten: like real
 * keys, they are unrelated across days and cannot be traced back.
 */
public final class SimulatedEvents implements DemoLoader.EventLoader {
    private final Jdbi jdbi;
    // the double-click rule reads the time of the event being judged, not the wall clock
    private final org.credence.SettableClock clock = new org.credence.SettableClock(Instant.EPOCH);
    private final DoubleClicks doubleClicks = new DoubleClicks(clock);
    private final Mac visitorMac;
    /** What the fold needs about a credential and the simulated event does not carry. */
    private record Facts(Instant issuedAt, boolean trackingAllowed) {}

    /** @param random the source of this load's visitor-key secret */
    public SimulatedEvents(Jdbi jdbi, SecureRandom random) {
        this.jdbi = jdbi;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        try {
            visitorMac = Mac.getInstance("HmacSHA256");
            visitorMac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    @Override
    public void load(long tenantId, List<SimulatedEvent> events, List<DemoLoader.LoadedCredential> credentials) {
        Map<UUID, Facts> facts = facts(tenantId, events, credentials);
        List<Event> stored = new ArrayList<>(events.size());
        for (SimulatedEvent e : events) {
            DemoLoader.LoadedCredential credential = credentials.get((int) e.credential());
            stored.add(event(tenantId, e, credential, facts.get(credential.id())));
        }
        jdbi.useTransaction(h -> EventStore.append(h, stored));
    }

    /** The issue time and consent of the batch's credentials, in one query (the simulator emits a credential's events together). */
    private Map<UUID, Facts> facts(long tenantId, List<SimulatedEvent> events, List<DemoLoader.LoadedCredential> credentials) {
        List<UUID> ids = events.stream().map(e -> credentials.get((int) e.credential()).id()).distinct().toList();
        Map<UUID, Facts> facts = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT id
                             , issued_at
                             , tracking_allowed
                          FROM credential
                         WHERE tenant_id = :tenant
                           AND id = ANY(CAST(:ids AS uuid[]))
                        """)
                .bind("tenant", tenantId).bindArray("ids", String.class, ids.stream().map(UUID::toString).toList())
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class),
                        new Facts(rs.getTimestamp("issued_at").toInstant(), rs.getBoolean("tracking_allowed"))))
                .forEach(entry -> facts.put(entry.getKey(), entry.getValue())));
        for (UUID id : ids) {
            if (!facts.containsKey(id)) {
                throw new IllegalArgumentException("credential " + id + " is not one of tenant " + tenantId + "'s");
            }
        }
        return facts;
    }

    private Event event(long tenantId, SimulatedEvent e, DemoLoader.LoadedCredential credential, Facts known) {
        EventType type = EventType.parse(e.type()).orElseThrow(() -> new IllegalArgumentException("unknown event type '" + e.type() + "'"));
        // the simulator names the page a claim or wallet export came from; those types keep no channel
        String channel = type.requireChannel(type.channels().equals(Set.of("")) ? "" : e.detail());
        UserAgentClass agent = agentClass(e.userAgentClass());
        byte[] visitor = visitorKey(e.visitor(), e.at());
        clock.set(e.at());
        NotCounted reason = null;
        if (agent.isMachine()) {
            reason = NotCounted.BOT;
        } else if (e.byRecipient() && type.countsOnlyOthers()) {
            reason = NotCounted.RECIPIENT_SELF;
        } else if (doubleClicks.isRepeat(visitor, credential.id(), type, channel)) {
            reason = NotCounted.DOUBLE_CLICK;
        }
        return new Event(tenantId, credential.id(), credential.achievementId(), known.issuedAt(), type, channel, e.at(), e.country(),
                null, agent, e.byRecipient(), known.trackingAllowed() ? visitor : null, reason, credential.number());
    }

    private static UserAgentClass agentClass(String id) {
        return Arrays.stream(UserAgentClass.values()).filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown user-agent class '" + id + "'"));
    }

    private byte[] visitorKey(long visitor, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        byte[] input = ByteBuffer.allocate(16).putLong(visitor).putLong(day.toEpochDay()).array();
        return Arrays.copyOf(visitorMac.doFinal(input), 16);
    }
}
