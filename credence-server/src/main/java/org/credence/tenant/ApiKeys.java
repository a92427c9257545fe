package org.credence.tenant;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * API keys: {@code crd_<prefix>_<secret>}, 256 random bits, shown once and stored only as a
 * SHA-256 hash (a slow hash adds nothing for keys this long, and every request checks one).
 *
 * <p>A tenant manages its own keys with a key holding the {@code admin} scope: it creates keys
 * with some of the scopes it holds itself, lists them (never their secrets), revokes and rotates
 * them; every change is in the audit trail. Scopes do not imply one another.
 */
public final class ApiKeys {
    /** Every scope a key can hold. {@code admin} manages the tenant; it does not grant the others. */
    public static final Set<String> SCOPES = Set.of("issue", "read", "analytics", "admin");
    /** The longest a rotated key may keep working beside its successor. */
    public static final Duration MAX_GRACE = Duration.ofHours(24);
    // last_used_at is written at most this often per key, so a busy client does not write on every request
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int MAX_LABEL = 100;
    private static final String COLUMNS = "prefix, label, scopes, created_at, last_used_at, revoked_at, replaced_by";

    /**
     * A key as its tenant sees it, without its secret.
     *
     * @param expiresAt when a rotated key stops working (its grace), or null for a key in service
     * @param replacedBy the prefix of the key that replaced this one by rotation, or null
     */
    public record Listed(String prefix, String label, Set<String> scopes, Instant createdAt, Instant lastUsedAt,
                         Instant expiresAt, String replacedBy) {
        public Listed {
            scopes = Set.copyOf(scopes);
        }
    }

    /** A new key: {@code secret} is the whole key text, its only copy. */
    public record Created(Listed key, String secret) {}

    /**
     * A key to make: the API's {@code POST /api/v1/api-keys} and the {@code /app/api-keys} page both send this.
     *
     * @param scopes what the key may do (each held by the caller)
     * @param label who uses the key (1-100 characters)
     */
    public record NewKey(Set<String> scopes, String label) {
        public NewKey {
            scopes = scopes == null ? null : Set.copyOf(scopes);
        }
    }

    private final Jdbi jdbi;
    private final SecureRandom random;
    private final AuditTrail audit;
    private final Clock clock;

    public ApiKeys(Jdbi jdbi, SecureRandom random, AuditTrail audit, Clock clock) {
        this.jdbi = jdbi;
        this.random = random;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new key for {@code tenantId} (null: administrator); the returned text is the only copy. */
    public String create(Handle handle, Long tenantId, Set<String> scopes, String label) {
        byte[] prefixBytes = new byte[6];
        byte[] secret = new byte[32];
        random.nextBytes(prefixBytes);
        random.nextBytes(secret);
        String prefix = HexFormat.of().formatHex(prefixBytes);
        String key = "crd_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        insert(handle, tenantId, prefix, key, scopes, label);
        return key;
    }

    /**
     * A new key of the caller's tenant with {@code scopes} (each held by the caller: a key cannot
     * grant what it lacks) and a {@code label} saying who uses it.
     */
    public Created create(Caller caller, NewKey command) {
        String checkedLabel = label(command.label());
        Set<String> scopes = command.scopes() == null ? Set.of() : command.scopes();
        requireGrantable(caller, scopes);
        return jdbi.inTransaction(h -> {
            String key = create(h, caller.tenantId(), scopes, checkedLabel);
            Listed created = find(h, caller.tenantId(), prefixOf(key).orElseThrow(), false).orElseThrow();
            audit.record(h, caller.tenantId(), caller.actor(), "api-key.create", subject(created.prefix()), null, json(created));
            return new Created(created, key);
        });
    }

    /** The tenant's keys still working (those in a rotation's grace included), oldest first. */
    public List<Listed> list(long tenantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                          FROM api_key
                         WHERE tenant_id = :tenant
                           AND (revoked_at IS NULL OR revoked_at > :now)
                         ORDER BY created_at, id
                        """)
                .bind("tenant", tenantId).bind("now", Timestamp.from(clock.instant()))
                .map((rs, ctx) -> listed(rs)).list());
    }

    /**
     * Revokes a key of the caller's tenant by its prefix, at once (a key in a rotation's grace
     * too). The tenant's last key with the {@code admin} scope stays: without it nobody could
     * manage the tenant's keys any more.
     */
    public void revoke(Caller caller, String prefix) {
        jdbi.useTransaction(h -> {
            Listed key = lockActive(h, caller.tenantId(), prefix, true);
            if (key.scopes().contains("admin") && key.expiresAt() == null && otherAdminKeys(h, caller.tenantId(), prefix) == 0) {
                throw new DomainException.Conflict(ErrorText.of("apikey.last_admin", "prefix", prefix));
            }
            h.createUpdate("UPDATE api_key SET revoked_at = :now WHERE tenant_id = :tenant AND prefix = :prefix")
                    .bind("now", Timestamp.from(clock.instant())).bind("tenant", caller.tenantId()).bind("prefix", prefix).execute();
            forgetAfterCommit(h, prefix);
            audit.record(h, caller.tenantId(), caller.actor(), "api-key.revoke", subject(prefix), json(key), null);
        });
    }

    /**
     * Replaces a key with a new secret of the same label and scopes. The old key stops working at
     * once, or after {@code grace} (at most {@link #MAX_GRACE}) so a client can switch without an
     * outage. The caller must hold every scope of the key it rotates, or rotating would grant them.
     */
    public Created rotate(Caller caller, String prefix, Duration grace) {
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new DomainException.InvalidInput("graceSeconds", ErrorText.of("apikey.grace_range", "max", MAX_GRACE.toSeconds()));
        }
        return jdbi.inTransaction(h -> {
            Listed old = lockActive(h, caller.tenantId(), prefix, false);
            requireGrantable(caller, old.scopes());
            String key = create(h, caller.tenantId(), old.scopes(), old.label());
            String newPrefix = prefixOf(key).orElseThrow();
            Instant until = clock.instant().plus(grace);
            h.createUpdate("UPDATE api_key SET revoked_at = :until, replaced_by = :next WHERE tenant_id = :tenant AND prefix = :prefix")
                    .bind("until", Timestamp.from(until)).bind("next", newPrefix).bind("tenant", caller.tenantId()).bind("prefix", prefix)
                    .execute();
            forgetAfterCommit(h, prefix);
            Listed created = find(h, caller.tenantId(), newPrefix, false).orElseThrow();
            ObjectNode after = json(created).put("replaces", prefix).put("oldKeyWorksUntil", until.toString());
            audit.record(h, caller.tenantId(), caller.actor(), "api-key.rotate", subject(prefix), json(old), after);
            return new Created(created, key);
        });
    }

    /** Stores a key chosen by the operator ({@code CREDENCE_BOOTSTRAP_API_KEY}) unless it exists. */
    public void ensureAdministratorKey(String key) {
        String prefix = prefixOf(key).orElseThrow(() -> new IllegalArgumentException(
                "CREDENCE_BOOTSTRAP_API_KEY must look like crd_<12 hex>_<secret> (make one with a first start)"));
        jdbi.useHandle(h -> {
            if (h.createQuery("SELECT count(*) FROM api_key WHERE prefix = :prefix").bind("prefix", prefix).mapTo(Integer.class).one() == 0) {
                insert(h, null, prefix, key, Set.of("admin"), "bootstrap");
            }
        });
    }

    public boolean anyAdministratorKey() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM api_key WHERE tenant_id IS NULL AND revoked_at IS NULL")
                .mapTo(Integer.class).one() > 0);
    }

    /**
     * Who holds {@code key}, if it is known and working; notes when it was last used (at most once a minute). A key this
     * process authenticated less than {@link #REMEMBER} ago is answered from memory, without a query: revoking or rotating
     * it here forgets it at once; a revocation by another process on the same database takes effect here within REMEMBER.
     */
    public Optional<Caller> authenticate(String key) {
        Optional<String> prefix = prefixOf(key);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        byte[] hash = hash(key);
        java.nio.ByteBuffer id = java.nio.ByteBuffer.wrap(hash);
        Known remembered = known.get(id);
        if (remembered != null && remembered.answers(now, System.nanoTime())) {
            return Optional.of(remembered.caller());
        }
        long generation;
        synchronized (known) {
            generation = forgotten;
        }
        Optional<Known> found = jdbi.withHandle(h -> {
            Optional<Known> row = h.createQuery("""
                            SELECT tenant_id
                                 , secret_hash
                                 , scopes
                                 , last_used_at
                                 , revoked_at
                              FROM api_key
                             WHERE prefix = :prefix
                               AND (revoked_at IS NULL OR revoked_at > :now)
                            """)
                    .bind("prefix", prefix.get()).bind("now", Timestamp.from(now))
                    .map((rs, ctx) -> {
                        if (!MessageDigest.isEqual(rs.getBytes("secret_hash"), hash)) {
                            return null;
                        }
                        long tenant = rs.getLong("tenant_id");
                        Long tenantId = rs.wasNull() ? null : tenant;
                        Set<String> scopes = Set.of((String[]) rs.getArray("scopes").getArray());
                        Timestamp ends = rs.getTimestamp("revoked_at");
                        return new Known(prefix.get(), new Caller(tenantId, scopes, "api-key:crd_" + prefix.get()),
                                ends == null ? null : ends.toInstant(), instant(rs, "last_used_at"), System.nanoTime());
                    })
                    .findOne();
            if (row.isPresent() && (row.get().lastUsed() == null || !now.isBefore(row.get().lastUsed().plus(TOUCH_EVERY)))) {
                // the condition repeats in SQL so that concurrent requests write the row once
                h.createUpdate("""
                                UPDATE api_key
                                   SET last_used_at = :now
                                 WHERE prefix = :prefix
                                   AND (last_used_at IS NULL OR last_used_at <= :stale)
                                """)
                        .bind("now", Timestamp.from(now)).bind("stale", Timestamp.from(now.minus(TOUCH_EVERY)))
                        .bind("prefix", prefix.get()).execute();
                row = row.map(k -> k.usedAt(now));
            }
            return row;
        });
        synchronized (known) {
            known.remove(id);
            // a revocation here that committed while this read ran must not be undone by remembering what the read saw
            if (found.isPresent() && generation == forgotten) {
                if (known.size() >= MAX_REMEMBERED) {
                    known.clear(); // only working keys are remembered: this bounds memory, not an attack surface
                }
                known.put(id, found.get());
            }
        }
        return found.map(Known::caller);
    }

    /** How long this process answers a key it has authenticated from memory (a revocation by another process waits this long). */
    public static final Duration REMEMBER = Duration.ofSeconds(1);
    private static final long REMEMBER_NANOS = REMEMBER.toNanos();
    private static final int MAX_REMEMBERED = 10_000;

    /** A working key as authenticated: who holds it, when it stops working (a rotated key's grace; null: in service). */
    private record Known(String prefix, Caller caller, Instant endsAt, Instant lastUsed, long rememberedNanos) {
        /** Still answerable from memory: remembered lately, still working, and its last use recent enough not to be written. */
        boolean answers(Instant now, long nanos) {
            return nanos - rememberedNanos < REMEMBER_NANOS && (endsAt == null || now.isBefore(endsAt))
                    && lastUsed != null && now.isBefore(lastUsed.plus(TOUCH_EVERY));
        }

        Known usedAt(Instant now) {
            return new Known(prefix, caller, endsAt, now, rememberedNanos);
        }
    }

    /** Keys remembered by the SHA-256 of the whole key; the lock for {@link #forgotten} too. */
    private final Map<java.nio.ByteBuffer, Known> known = new java.util.concurrent.ConcurrentHashMap<>();
    /** Counts forgettings (guarded by {@link #known}), so a read that overlapped one remembers nothing. */
    private long forgotten;

    /** Forgets the key with {@code prefix} once the transaction revoking or rotating it commits. */
    private void forgetAfterCommit(Handle h, String prefix) {
        h.afterCommit(() -> {
            synchronized (known) {
                forgotten++;
                known.values().removeIf(k -> k.prefix().equals(prefix));
            }
        });
    }

    /** The JSON of a listed key, as the API answers and the audit trail keeps it (never a secret). */
    public static ObjectNode json(Listed key) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("prefix", key.prefix());
        node.put("label", key.label());
        key.scopes().stream().sorted().forEach(node.putArray("scopes")::add);
        node.put("createdAt", key.createdAt().toString());
        node.put("lastUsedAt", key.lastUsedAt() == null ? null : key.lastUsedAt().toString());
        if (key.expiresAt() != null) {
            node.put("expiresAt", key.expiresAt().toString());
        }
        if (key.replacedBy() != null) {
            node.put("replacedBy", key.replacedBy());
        }
        return node;
    }

    private static void requireGrantable(Caller caller, Set<String> scopes) {
        if (scopes.isEmpty()) {
            throw new DomainException.InvalidInput("scopes", ErrorText.of("apikey.scopes_required", "scopes", String.join(", ", new TreeSet<>(SCOPES))));
        }
        for (String scope : new TreeSet<>(scopes)) {
            if (!SCOPES.contains(scope)) {
                throw new DomainException.InvalidInput("scopes", ErrorText.of("apikey.scope_unknown", "scope", scope, "scopes", String.join(", ", new TreeSet<>(SCOPES))));
            }
            if (!caller.scopes().contains(scope)) {
                throw new DomainException.Forbidden(ErrorText.of("apikey.scope_not_held", "scope", scope));
            }
        }
    }

    private static String label(String label) {
        String stripped = label == null ? "" : label.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_LABEL || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException.InvalidInput("label", ErrorText.of("apikey.label_required", "max", MAX_LABEL));
        }
        return stripped;
    }

    /** The key, locked for the change; {@code inGrace} also finds a rotated key still in its grace. */
    private Listed lockActive(Handle h, long tenantId, String prefix, boolean inGrace) {
        // anything but 12 hex digits names no key, and never reaches SQL (a NUL byte would make PostgreSQL fail)
        if (!prefix.matches("[0-9a-f]{12}")) {
            throw new DomainException.NotFound(ErrorText.of("apikey.prefix_malformed"));
        }
        return find(h, tenantId, prefix, true).filter(k -> k.expiresAt() == null || (inGrace && k.replacedBy() != null))
                .orElseThrow(() -> new DomainException.NotFound(ErrorText.of("apikey.not_found", "prefix", prefix)));
    }

    private Optional<Listed> find(Handle h, long tenantId, String prefix, boolean forUpdate) {
        return h.createQuery("SELECT " + COLUMNS + """
                          FROM api_key
                         WHERE tenant_id = :tenant
                           AND prefix = :prefix
                           AND (revoked_at IS NULL OR revoked_at > :now)
                        """ + (forUpdate ? " FOR UPDATE" : ""))
                .bind("tenant", tenantId).bind("prefix", prefix).bind("now", Timestamp.from(clock.instant()))
                .map((rs, ctx) -> listed(rs)).findOne();
    }

    private long otherAdminKeys(Handle h, long tenantId, String prefix) {
        // locks the tenant's keys in service, so two revocations at once cannot both take the second-last admin key
        return h.createQuery("""
                        SELECT prefix
                          FROM api_key
                         WHERE tenant_id = :tenant
                           AND revoked_at IS NULL
                           AND 'admin' = ANY (scopes)
                           FOR UPDATE
                        """)
                .bind("tenant", tenantId).mapTo(String.class).list().stream().filter(p -> !p.equals(prefix)).count();
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        return new Listed(rs.getString("prefix"), rs.getString("label"), Set.of((String[]) rs.getArray("scopes").getArray()),
                instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"), rs.getString("replaced_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String subject(String prefix) {
        return "api-key:crd_" + prefix;
    }

    private static void insert(Handle handle, Long tenantId, String prefix, String key, Set<String> scopes, String label) {
        handle.createUpdate("""
                        INSERT INTO api_key (tenant_id, prefix, secret_hash, scopes, label)
                        VALUES (:tenant, :prefix, :hash, :scopes, :label)
                        """)
                .bind("tenant", tenantId).bind("prefix", prefix).bind("hash", hash(key))
                .bindArray("scopes", String.class, List.copyOf(new TreeSet<>(scopes))).bind("label", label)
                .execute();
    }

    private static Optional<String> prefixOf(String key) {
        if (key == null || !key.startsWith("crd_") || key.length() < 4 + 12 + 1 + 20 || key.charAt(16) != '_') {
            return Optional.empty();
        }
        return Optional.of(key.substring(4, 16));
    }

    private static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
