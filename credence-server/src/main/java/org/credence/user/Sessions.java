package org.credence.user;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed-in sessions for the pages: a random token in the {@code credence_session} cookie (only
 * its SHA-256 is stored), an idle timeout of 8 hours and an absolute one of 7 days, and a CSRF
 * synchronizer token per session.
 *
 * <p>A page does one line: {@code SignedIn user = sessions.require(ctx, Permission.VIEW_ANALYTICS)}.
 * Every state-changing request that the cookie authenticates must carry the session's CSRF token
 * (form field {@code csrf} or header {@code X-CSRF-Token}) and, when it sends Origin or Referer,
 * come from this site; {@link #require} and {@link #current} check both, so a handler that reads
 * the session is protected. API-key requests never read the session and need neither.
 */
public final class Sessions {
    public static final String COOKIE = "credence_session";
    public static final String CSRF_FIELD = "csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(8);
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofDays(7);
    // last_seen is written at most this often, so a busy page does not write on every request
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final String ATTRIBUTE = "credence.signedIn";

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random;
    private final URI publicUrl;
    private final java.util.function.Predicate<Context> crossSite;

    /** @param crossSite whether a request's Origin (or else Referer) names another site than this installation */
    public Sessions(Jdbi jdbi, Clock clock, SecureRandom random, URI publicUrl, java.util.function.Predicate<Context> crossSite) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.random = random;
        this.publicUrl = publicUrl;
        this.crossSite = crossSite;
    }

    /**
     * The signed-in user, who must hold {@code permission}. Signed out: a redirect to
     * {@code /login?next=…} (this page); signed in without the permission: the 403 page.
     */
    public SignedIn require(Context ctx, Permission permission) {
        SignedIn signedIn = current(ctx).orElseThrow(() -> PageResponse.redirect(loginPath(ctx)));
        if (!signedIn.may(permission)) {
            throw PageResponse.page(403, "forbidden");
        }
        return signedIn;
    }

    /**
     * The signed-in user, if the request carries a live session; for a state-changing request
     * also checks its origin and CSRF token (403 otherwise).
     */
    public Optional<SignedIn> current(Context ctx) {
        if (ctx.attribute(ATTRIBUTE) instanceof SignedIn known) {
            return Optional.of(known);
        }
        Optional<SignedIn> found = lookUp(ctx.cookie(COOKIE));
        if (found.isPresent() && !SAFE.contains(ctx.method())) {
            checkSameOrigin(ctx);
            String sent = ctx.header(CSRF_HEADER) != null ? ctx.header(CSRF_HEADER) : formField(ctx);
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), found.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw refused(ctx, org.credence.domain.ErrorText.of("session.csrf_refused"));
            }
        }
        found.ifPresent(s -> ctx.attribute(ATTRIBUTE, s));
        return found;
    }

    /** The CSRF field for the signed-in user's forms (see {@link SignedIn#csrfField()}). */
    public gg.jte.Content csrfField(Context ctx) {
        return current(ctx).map(SignedIn::csrfField).orElse(output -> { });
    }

    /** Starts a new session for {@code user} (a new token every time: no fixation) and sets the cookie. */
    void start(Context ctx, User user) {
        String token = randomToken();
        Instant now = now();
        jdbi.useTransaction(h -> {
            SessionStore.endExpired(h, user.tenantId(), user.id(), now);
            SessionStore.insert(h, hash(token), user, randomToken(), now, now.plus(IDLE_TIMEOUT), now.plus(ABSOLUTE_TIMEOUT));
        });
        ctx.cookie(cookie(token, -1));
    }

    /** A refusal a person can read: a page for a form sent by a browser, a problem for a script. */
    private static RuntimeException refused(Context ctx, org.credence.domain.ErrorText detail) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            return PageResponse.page(403, "refused");
        }
        return new org.credence.domain.DomainException.Forbidden(detail);
    }

    /** The stored hash of the request's session token, to keep that session when the others end. */
    byte[] tokenHash(Context ctx) {
        return hash(ctx.cookie(COOKIE));
    }

    /** Clears the session cookie (after every session of the user was ended). */
    void clearCookie(Context ctx) {
        ctx.cookie(cookie("", 0));
    }

    /** Ends the request's session (its row is deleted) and clears the cookie. */
    void end(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) {
            jdbi.useHandle(h -> SessionStore.end(h, hash(token)));
        }
        ctx.cookie(cookie("", 0));
    }

    /** Refuses a state-changing request whose Origin (or else Referer) names another site. */
    void checkSameOrigin(Context ctx) {
        if (crossSite.test(ctx)) {
            throw refused(ctx, org.credence.domain.ErrorText.of("session.cross_site", "origin",
                    Optional.ofNullable(ctx.header("Origin")).orElse(String.valueOf(ctx.header("Referer")))));
        }
    }

    private Optional<SignedIn> lookUp(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = hash(token);
        Instant now = now();
        return jdbi.inTransaction(h -> SessionStore.find(h, hash).flatMap(row -> {
            if (!now.isBefore(row.idleExpiresAt()) || !now.isBefore(row.absoluteExpiresAt()) || row.user().disabled()) {
                SessionStore.end(h, hash);
                return Optional.empty();
            }
            if (Duration.between(row.lastSeenAt(), now).compareTo(TOUCH_EVERY) >= 0) {
                Instant idle = now.plus(IDLE_TIMEOUT);
                SessionStore.touch(h, hash, now, idle.isBefore(row.absoluteExpiresAt()) ? idle : row.absoluteExpiresAt());
            }
            return Optional.of(new SignedIn(row.user(), row.tenantSlug(), row.tenantName(), row.csrfToken()));
        }));
    }

    private static String formField(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !(type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
            return null;
        }
        return ctx.formParam(CSRF_FIELD);
    }

    private Cookie cookie(String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath("/");
        cookie.setMaxAge(maxAge);
        cookie.setHttpOnly(true);
        cookie.setSecure("https".equalsIgnoreCase(publicUrl.getScheme()));
        cookie.setSameSite(SameSite.LAX);
        return cookie;
    }

    private static String loginPath(Context ctx) {
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        return "/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // PostgreSQL keeps microseconds; comparing a nanosecond instant with a stored one would be off by the rounding
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
