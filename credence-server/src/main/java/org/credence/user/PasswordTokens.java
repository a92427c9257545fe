package org.credence.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.credence.audit.AuditTrail;
import org.credence.delivery.MailContent;
import org.credence.delivery.MailRenderer;
import org.credence.delivery.Tokens;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.i18n.Messages;
import org.credence.tenant.Tenant;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Links that let a person choose a password: a reset they ask for by e-mail, and an invitation
 * an administrator sends. A link is minted when its mail is sent (only its SHA-256 is stored),
 * works once, and expires: a reset after {@link #RESET_VALID}, an invitation after
 * {@link #INVITATION_VALID}. Asking for a reset answers the same whether or not the address
 * belongs to anyone, and sends at most {@link #MAX_RESETS} mails per {@link #RESET_WINDOW} to one user.
 */
public final class PasswordTokens implements MailRenderer {
    public static final Duration RESET_VALID = Duration.ofMinutes(30);
    public static final Duration INVITATION_VALID = Duration.ofDays(7);
    public static final int MAX_RESETS = 3;
    public static final Duration RESET_WINDOW = Duration.ofMinutes(15);

    /** What a link is for. */
    public enum Purpose {
        RESET, INVITATION;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A person asking for a reset link: the organisation's short name (or full name) and their e-mail. */
    public record ResetRequest(String organisation, String email, String language) {}

    /** A password chosen through a link, typed twice. */
    public record NewPassword(String token, String password, String repeat) {
        @Override
        public String toString() {
            return "NewPassword[REDACTED]";
        }
    }

    /** A live link's user and what it is for, for the form that chooses the password. */
    public record Opened(User user, Purpose purpose, String tenantName) {}

    private final Jdbi jdbi;
    private final Tenants tenants;
    private final Users users;
    private final AccountMail mail;
    private final AuditTrail audit;
    private final Clock clock;
    private final Tokens tokens;
    private final String publicUrl;

    public PasswordTokens(Jdbi jdbi, Tenants tenants, Users users, AccountMail mail, AuditTrail audit, Clock clock, Tokens tokens) {
        this.jdbi = jdbi;
        this.tenants = tenants;
        this.users = users;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.tokens = tokens;
        this.publicUrl = tenants.publicUrl().toString().replaceAll("/+$", "");
    }

    /**
     * Queues a reset link to the user with this e-mail at this organisation, if there is one who may sign in and
     * they have not had {@link #MAX_RESETS} links in the last {@link #RESET_WINDOW}. Says nothing of what it found:
     * the page answers the same either way, and the audit trail records which it was.
     */
    public void requestReset(ResetRequest request) {
        String email = request.email() == null ? "" : request.email().strip();
        Optional<Tenant> tenant = request.organisation() == null || request.organisation().isBlank() || email.isEmpty() || email.length() > 320
                ? Optional.empty() : tenants.bySlugOrName(request.organisation());
        if (tenant.isEmpty()) {
            return;
        }
        long tenantId = tenant.get().id();
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            Optional<User> user = UserStore.byEmail(h, tenantId, email).map(UserStore.WithHash::user).filter(u -> !u.disabled());
            if (user.isEmpty()) {
                audit.record(h, tenantId, "anonymous", "user.password.reset.unknown", "email:" + email.toLowerCase(Locale.ROOT), null, null);
                return;
            }
            if (recent(h, user.get(), now) >= MAX_RESETS) {
                audit.record(h, tenantId, "anonymous", "user.password.reset.throttled", "user:" + user.get().id(), null, null);
                return;
            }
            issue(h, user.get(), Purpose.RESET, language(request.language()), "anonymous");
        });
    }

    /** Stores a new link for {@code user} (its token is minted when the mail is sent) and queues the mail, audited. */
    void issue(Handle h, User user, Purpose purpose, String language, String actor) {
        Instant now = clock.instant();
        Instant expires = now.plus(purpose == Purpose.RESET ? RESET_VALID : INVITATION_VALID);
        long id = h.createUpdate("""
                        INSERT INTO password_token (tenant_id, user_id, purpose, created_at, expires_at)
                        VALUES (:tenant, :user, :purpose, :now, :expires)
                        """)
                .bind("tenant", user.tenantId()).bind("user", user.id()).bind("purpose", purpose.column())
                .bind("now", Timestamp.from(now)).bind("expires", Timestamp.from(expires))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        long mailId = mail.queue(h, user.tenantId(), purpose == Purpose.INVITATION, user.email(), language(language));
        h.createUpdate("UPDATE password_token SET mail_id = :mail WHERE tenant_id = :tenant AND id = :id")
                .bind("mail", mailId).bind("tenant", user.tenantId()).bind("id", id).execute();
        audit.record(h, user.tenantId(), actor, "user.password." + purpose.column(), "user:" + user.id(), null,
                org.credence.json.JsonFields.MAPPER.createObjectNode().put("expiresAt", expires.toString()));
    }

    /** The mail of a link, with a fresh token; empty when the link was used or expired before the mail went out. */
    @Override
    public Optional<MailContent> render(Handle h, long tenantId, long mailId, String kind, String language, Instant now) {
        String token = tokens.next();
        record Row(long userId, Purpose purpose, Instant expires) {}
        Optional<Row> row = h.createQuery("""
                        UPDATE password_token
                           SET token_hash = :hash
                         WHERE tenant_id = :tenant
                           AND mail_id = :mail
                           AND used_at IS NULL
                           AND expires_at > :now
                        RETURNING user_id, purpose, expires_at
                        """)
                .bind("hash", Tokens.hash(token)).bind("tenant", tenantId).bind("mail", mailId).bind("now", Timestamp.from(now))
                .map((rs, ctx) -> new Row(rs.getLong("user_id"), Purpose.valueOf(rs.getString("purpose").toUpperCase(Locale.ROOT)),
                        rs.getTimestamp("expires_at").toInstant()))
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        User user = UserStore.byId(h, tenantId, row.get().userId()).orElseThrow();
        Tenant tenant = tenants.byId(tenantId);
        Messages t = Messages.of("account", language(language));
        // the keys are named after the mail kind, as the mail bundle's are
        String prefix = kind + ".";
        Map<String, Object> values = Map.of("name", user.name(), "organisation", tenant.name(), "slug", tenant.slug(), "email", user.email(),
                "minutes", RESET_VALID.toMinutes(), "days", INVITATION_VALID.toDays());
        String link = publicUrl + "/password-reset/" + token + ("nb".equals(language) ? "?lang=nb" : "");
        return Optional.of(new MailContent(language(language), t.format(prefix + "subject", values), t.format("mail.greeting", values),
                t.format(prefix + "body", values), t.format(prefix + "action", values), link, t.format(prefix + "after", values),
                List.of(), t.format("mail.footer", values)));
    }

    /** The user a live link is for; empty for a link that is unknown, used or expired. */
    public Optional<Opened> open(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT tenant_id, user_id, purpose
                          FROM password_token
                         WHERE token_hash = :hash
                           AND used_at IS NULL
                           AND expires_at > :now
                        """)
                .bind("hash", Tokens.hash(token)).bind("now", Timestamp.from(now))
                .map((rs, ctx) -> new long[] {rs.getLong("tenant_id"), rs.getLong("user_id"), rs.getString("purpose").equals("reset") ? 0 : 1})
                .findOne()
                .flatMap(found -> UserStore.byId(h, found[0], found[1]).filter(u -> !u.disabled())
                        .map(u -> new Opened(u, found[2] == 0 ? Purpose.RESET : Purpose.INVITATION, tenants.byId(found[0]).name()))));
    }

    /**
     * Sets the password a link's holder chose, uses the link up (with every other link of theirs) and ends all
     * their sessions, in one transaction. Refused: a link unknown, used or expired (not found); a password too
     * short or long, or typed differently twice (the {@code password} or {@code repeat} field).
     */
    public User choose(NewPassword command) {
        Users.PasswordChange checked = users.checkNewPassword(command.password() == null ? "" : command.password(),
                command.repeat() == null ? "" : command.repeat());
        if (!Tokens.wellFormed(command.token())) {
            throw expired();
        }
        if (checked.outcome() == Users.PasswordChange.Outcome.LENGTH) {
            throw new DomainException.InvalidInput("password", ErrorText.of("password.length", "min", Password.MIN_LENGTH, "max", Password.MAX_LENGTH));
        }
        if (checked.outcome() == Users.PasswordChange.Outcome.MISMATCH) {
            throw new DomainException.InvalidInput("repeat", ErrorText.of("password.repeat_differs"));
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            // the UPDATE is the check: a link raced twice sets one password
            long[] used = h.createQuery("""
                            UPDATE password_token
                               SET used_at = :now
                             WHERE token_hash = :hash
                               AND used_at IS NULL
                               AND expires_at > :now
                            RETURNING tenant_id, user_id
                            """)
                    .bind("now", Timestamp.from(now)).bind("hash", Tokens.hash(command.token()))
                    .map((rs, ctx) -> new long[] {rs.getLong("tenant_id"), rs.getLong("user_id")}).findOne().orElseThrow(PasswordTokens::expired);
            User user = UserStore.byId(h, used[0], used[1]).filter(u -> !u.disabled()).orElseThrow(PasswordTokens::expired);
            h.createUpdate("UPDATE password_token SET used_at = :now WHERE tenant_id = :tenant AND user_id = :user AND used_at IS NULL")
                    .bind("now", Timestamp.from(now)).bind("tenant", user.tenantId()).bind("user", user.id()).execute();
            UserStore.setPassword(h, user.tenantId(), user.id(), checked.newHash());
            SessionStore.endAll(h, user.tenantId(), user.id());
            audit.record(h, user.tenantId(), "user:" + user.id(), "user.password.reset.done", "user:" + user.id(), null, null);
            return user;
        });
    }

    /** A random password nobody sees: what an invited user's account holds until they choose their own. */
    String randomPassword() {
        return tokens.next();
    }

    private static int recent(Handle h, User user, Instant now) {
        return h.createQuery("""
                        SELECT count(*)
                          FROM password_token
                         WHERE tenant_id = :tenant
                           AND user_id = :user
                           AND purpose = 'reset'
                           AND created_at > :since
                        """)
                .bind("tenant", user.tenantId()).bind("user", user.id()).bind("since", Timestamp.from(now.minus(RESET_WINDOW)))
                .mapTo(Integer.class).one();
    }

    private static String language(String language) {
        return "nb".equals(language) ? "nb" : "en";
    }

    private static DomainException expired() {
        return new DomainException.NotFound(ErrorText.of("password.link_unusable"));
    }
}
