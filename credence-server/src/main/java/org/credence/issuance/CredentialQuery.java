package org.credence.issuance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/**
 * Which of a tenant's credentials to list and where the page starts. Pages run newest first by
 * (issued_at, id); the cursor is the last item of the previous page, so paging is stable while
 * credentials are being issued.
 *
 * @param status active, expired, revoked or suspended (null: all)
 * @param issuedAfter issued at or after (inclusive)
 * @param issuedBefore issued strictly before
 * @param emailHash the recipient's e-mail as issuance hashes it
 * @param search words a person typed to find a credential: part of its number, of the recipient's name or e-mail, at least
 *               {@value #MIN_SEARCH} characters unless a whole number (null: no search)
 * @param expiringWithinDays only active credentials whose expiry falls in the next so many days (null: no such filter)
 * @param failedMail only credentials with a mail that failed or bounced in the last 30 days and was not sent again since
 */
public record CredentialQuery(Long achievementId, String status, Instant issuedAfter, Instant issuedBefore, String emailHash,
                              String search, Instant afterIssuedAt, UUID afterId, int limit, Integer expiringWithinDays, boolean failedMail) {
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_SEARCH = 200;
    /**
     * The fewest characters a search may have, a whole certificate number aside: the search index (pg_trgm, V50) finds text by
     * its three-character pieces, so a shorter one would read every credential of the tenant.
     */
    public static final int MIN_SEARCH = 3;

    /** Reads the query string's parameters; a bad one is a 422 problem naming it. */
    public static CredentialQuery from(Function<String, String> parameter) {
        Long achievementId = null;
        if (parameter.apply("achievementId") != null) {
            achievementId = number(parameter.apply("achievementId"), "achievementId");
        }
        String status = parameter.apply("status");
        if (status != null && !status.matches("active|expired|revoked|suspended|superseded")) {
            throw new DomainException.InvalidInput("status", ErrorText.of("query.status_invalid", "status", status));
        }
        Instant after = instant(parameter.apply("issuedAfter"), "issuedAfter");
        Instant before = instant(parameter.apply("issuedBefore"), "issuedBefore");
        if (after != null && before != null && !after.isBefore(before)) {
            throw new DomainException.InvalidInput("issuedBefore", ErrorText.of("query.issued_order", "before", before, "after", after));
        }
        String email = parameter.apply("recipientEmail");
        String emailHash = email == null ? null : Issuance.sha256(email.toLowerCase(Locale.ROOT));
        String search = parameter.apply("q") == null || parameter.apply("q").isBlank() ? null : parameter.apply("q").strip();
        if (search != null && search.length() > MAX_SEARCH) {
            throw new DomainException.InvalidInput("q", ErrorText.of("query.search_too_long", "length", search.length(), "max", MAX_SEARCH));
        }
        if (search != null && tooShortToSearch(search)) {
            throw new DomainException.InvalidInput("q", ErrorText.of("query.search_too_short", "typed", search, "min", MIN_SEARCH));
        }
        Integer expiring = null;
        if (parameter.apply("expiring") != null) {
            long days = number(parameter.apply("expiring"), "expiring");
            if (days < 1 || days > 3650) {
                throw new DomainException.InvalidInput("expiring", ErrorText.of("query.expiring_invalid", "days", days));
            }
            expiring = (int) days;
        }
        String mail = parameter.apply("mail");
        if (mail != null && !mail.equals("failed")) {
            throw new DomainException.InvalidInput("mail", ErrorText.of("query.mail_invalid", "value", mail));
        }
        long limit = parameter.apply("limit") == null ? DEFAULT_LIMIT : number(parameter.apply("limit"), "limit");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainException.InvalidInput("limit", ErrorText.of("query.limit_range", "limit", limit, "max", MAX_LIMIT));
        }
        String cursor = parameter.apply("cursor");
        Instant afterIssuedAt = null;
        UUID afterId = null;
        if (cursor != null) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
                afterIssuedAt = storable(Instant.parse(parts[0]));
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw new DomainException.InvalidInput("cursor", ErrorText.of("query.cursor_invalid"));
            }
        }
        return new CredentialQuery(achievementId, status, after, before, emailHash, search, afterIssuedAt, afterId, (int) limit, expiring,
                mail != null);
    }

    /** Whether {@code search} (stripped) is too short to be searched for: fewer than {@value #MIN_SEARCH} characters and not a whole number. */
    public static boolean tooShortToSearch(String search) {
        return search.codePointCount(0, search.length()) < MIN_SEARCH && CredentialNumber.parse(search).isEmpty();
    }

    /** The cursor naming {@code last} as the end of a page. */
    static String cursorAfter(IssuedCredential last) {
        String text = last.issuedAt() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static long number(String text, String field) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput(field, ErrorText.of("query.not_whole", "field", field, "value", text));
        }
    }

    // PostgreSQL's timestamptz ends at year 294276; Java's Instant goes to a billion, so a crafted value must stop here
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** The instant, if PostgreSQL can compare with it; otherwise the caller's 422. */
    private static Instant storable(Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("out of range: " + instant);
        }
        return instant;
    }

    private static Instant instant(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return storable(text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new DomainException.InvalidInput(field, ErrorText.of("query.not_a_date_time", "field", field, "value", text));
        }
    }
}
