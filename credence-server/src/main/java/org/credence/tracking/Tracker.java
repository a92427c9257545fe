package org.credence.tracking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Records what happens to credentials. Pages and APIs call
 * {@code tracker.record(tracker.facts(ctx.ip(), ctx::header, viewerIsRecipient), EventType.VIEW, CredentialRef.number(n), "credential_page")};
 * the call returns once the event is durably stored (or judged not worth storing).
 *
 * <p>The rules, in order: a flood from one truncated address is dropped; machines (COUNTER
 * robots, link previews, mail scanners) are stored as not counted ({@code bot}); past the
 * per-address rate they are stored as {@code rate-limited}; the recipient's own views,
 * verifications and referral clicks as {@code recipient-self}; a repeat within 30 s as
 * {@code double-click}. Without the recipient's consent the visitor key and referrer are not stored.
 */
public final class Tracker {
    private final Jdbi jdbi;
    private final Clock clock;
    private final UserAgents userAgents;
    private final Countries countries;
    private final VisitorKeys visitorKeys;
    private final DoubleClicks doubleClicks;
    private final RateLimits rateLimits;
    private final EventWriter writer;
    private final boolean trustedProxy;
    private final Cache<String, TrackedCredential> byNumber;

    Tracker(Jdbi jdbi, Clock clock, TrackingSettings settings, UserAgents userAgents, Countries countries, VisitorKeys visitorKeys,
            EventWriter writer) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.userAgents = userAgents;
        this.countries = countries;
        this.visitorKeys = visitorKeys;
        this.doubleClicks = new DoubleClicks(clock);
        this.rateLimits = new RateLimits(settings.countedPerMinute(), settings.storedPerMinute());
        this.writer = writer;
        this.trustedProxy = settings.trustedProxy();
        this.byNumber = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(settings.credentialCacheTtl()).build();
    }

    /**
     * The facts of a request: its truncated address (the full one goes no further than this
     * method), user agent, referrer host and country.
     *
     * @param ip                the connecting address as the server sees it
     * @param headers           a request header's value by name, null if absent
     * @param viewerIsRecipient whether the signed-in viewer is the credential's recipient
     */
    public RequestFacts facts(String ip, Function<String, String> headers, boolean viewerIsRecipient) {
        String raw = ip;
        String country = null;
        if (trustedProxy) {
            String forwarded = headers.apply("X-Forwarded-For");
            String connecting = headers.apply("CF-Connecting-IP");
            if (connecting != null) {
                raw = connecting;
            } else if (forwarded != null && !forwarded.isBlank()) {
                raw = forwarded.substring(forwarded.lastIndexOf(',') + 1);
            }
            String header = headers.apply("CF-IPCountry");
            // XX: unknown, T1: Tor — neither is a country
            if (header != null && header.strip().matches("[A-Za-z]{2}") && !header.strip().equalsIgnoreCase("XX")) {
                country = header.strip().toUpperCase(Locale.ROOT);
            }
        }
        TruncatedAddress address = TruncatedAddress.of(raw).orElse(null);
        if (country == null && address != null) {
            country = countries.of(address).orElse(null);
        }
        return new RequestFacts(address, headers.apply("User-Agent"), referrerHost(headers.apply("Referer")), country, viewerIsRecipient);
    }

    static String referrerHost(String referer) {
        if (referer == null || referer.isBlank() || referer.length() > 2048) {
            return null;
        }
        try {
            String host = URI.create(referer.strip()).getHost();
            return host == null || !host.matches("[A-Za-z0-9.-]{1,253}") ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The credential behind a reference, if it exists (and, by id, belongs to the tenant). */
    public Optional<TrackedCredential> credential(CredentialRef ref) {
        if (ref instanceof CredentialRef.ByNumber n) {
            if (n.number() == null || n.number().length() > 40) {
                return Optional.empty();
            }
            TrackedCredential cached = byNumber.getIfPresent(n.number());
            if (cached != null) {
                return Optional.of(cached);
            }
            Optional<TrackedCredential> found = TrackedCredentials.byNumber(jdbi, n.number());
            found.ifPresent(c -> byNumber.put(n.number(), c));
            return found;
        }
        CredentialRef.ById id = (CredentialRef.ById) ref;
        return TrackedCredentials.byId(jdbi, id.tenantId(), id.id());
    }

    /**
     * Records one event; returns once it is durably stored, or at once when it is dropped or
     * its credential does not exist (nothing is stored then).
     *
     * @param channel the type's qualifier ({@link EventType#channels()}); null or "" for none
     * @throws IllegalArgumentException when the channel does not belong to the type
     */
    public Recorded record(RequestFacts facts, EventType type, CredentialRef credential, String channel) {
        return recordAsync(facts, type, credential, channel).join();
    }

    /**
     * Like {@link #record}, without holding the caller's thread while the event is written: the
     * future completes when the event is durable. Dropped and refused events complete at once.
     */
    public CompletableFuture<Recorded> recordAsync(RequestFacts facts, EventType type, CredentialRef credential, String channel) {
        String checked = type.requireChannel(channel);
        RateLimits.Verdict rate = rateLimits.take(facts.address());
        if (rate == RateLimits.Verdict.DROP) {
            return CompletableFuture.completedFuture(Recorded.DROPPED);
        }
        Optional<TrackedCredential> found = credential(credential);
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(Recorded.UNKNOWN);
        }
        return store(facts, type, found.get(), checked, rate);
    }

    /** Records an event for a credential already looked up (the redirect routes need it for their target). */
    CompletableFuture<Recorded> recordAsync(RequestFacts facts, EventType type, TrackedCredential credential, String channel) {
        String checked = type.requireChannel(channel);
        RateLimits.Verdict rate = rateLimits.take(facts.address());
        return rate == RateLimits.Verdict.DROP ? CompletableFuture.completedFuture(Recorded.DROPPED) : store(facts, type, credential, checked, rate);
    }

    private CompletableFuture<Recorded> store(RequestFacts facts, EventType type, TrackedCredential credential, String channel, RateLimits.Verdict rate) {
        UserAgentClass agent = userAgents.classify(facts.userAgent());
        byte[] visitor = visitorKeys.of(facts.address(), facts.userAgent());
        NotCounted reason = null;
        if (agent.isMachine()) {
            reason = NotCounted.BOT;
        } else if (rate == RateLimits.Verdict.STORE_ONLY) {
            reason = NotCounted.RATE_LIMITED;
        } else if (facts.isRecipient() && type.countsOnlyOthers()) {
            reason = NotCounted.RECIPIENT_SELF;
        } else if (visitor != null && doubleClicks.isRepeat(visitor, credential.id(), type, channel)) {
            reason = NotCounted.DOUBLE_CLICK;
        }
        boolean detail = credential.trackingAllowed();
        Recorded recorded = reason == null ? Recorded.COUNTED : Recorded.notCounted(reason);
        return writer.submit(new Event(credential.tenantId(), credential.id(), credential.achievementId(), credential.issuedAt(), type, channel,
                clock.instant(), facts.country(), detail ? facts.referrerHost() : null, agent, facts.isRecipient(),
                detail ? visitor : null, reason, credential.number())).thenApply(done -> recorded);
    }

    /** One credential's engagement (firsts and counts), scoped to its tenant. */
    public Optional<CredentialEngagement> engagement(long tenantId, java.util.UUID credentialId) {
        return CredentialEngagement.of(jdbi, tenantId, credentialId);
    }

    /** Forget cached credential facts (after a consent change, so it applies at once). */
    public void forget(String number) {
        byNumber.invalidate(number);
    }
}
