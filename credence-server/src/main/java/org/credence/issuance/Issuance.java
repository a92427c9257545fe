package org.credence.issuance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.credence.achievement.Achievement;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.json.JsonFields;
import org.credence.domain.DomainException;
import org.credence.lifecycle.StatusLists;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.model.AchievementCredential;
import org.credence.standards.model.AchievementSubject;
import org.credence.standards.model.Alignment;
import org.credence.standards.model.Criteria;
import org.credence.standards.model.Evidence;
import org.credence.standards.model.IdentityObject;
import org.credence.standards.model.Image;
import org.credence.standards.model.Profile;
import org.credence.standards.model.Result;
import org.credence.standards.status.StatusListEntry;
import org.credence.standards.status.StatusPurpose;
import org.credence.tenant.Caller;
import org.credence.tenant.Tenant;
import org.credence.tenant.TenantKeys;
import org.credence.tenant.Tenants;
import org.credence.transparency.TransparencyLog;
import org.jdbi.v3.core.Jdbi;

/**
 * Issues signed OB 3.0 credentials. Idempotent: the same achievement for the same recipient (or
 * the same {@code Idempotency-Key}) returns the credential already issued — the database's
 * unique constraints decide, so concurrent identical requests make exactly one.
 */
public final class Issuance {
    public static final Set<String> FIELDS = Set.of("achievementId", "recipient", "issuedAt", "expiresAt", "grade", "evidence", "notify");

    /** The outcome: the credential, and whether this request created it. */
    public record Issued(IssuedCredential credential, boolean created) {}

    private final Jdbi jdbi;
    private final Tenants tenants;
    private final TenantKeys keys;
    private final Achievements achievements;
    private final StatusLists statusLists;
    private final EddsaRdfc2022 suite;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random;
    private final TransparencyLog log;
    private final IssuanceListener listener;

    public Issuance(Jdbi jdbi, Tenants tenants, TenantKeys keys, Achievements achievements, StatusLists statusLists,
                    EddsaRdfc2022 suite, AuditTrail audit, TransparencyLog log, Clock clock, SecureRandom random, IssuanceListener listener) {
        this.log = log;
        this.listener = listener;
        this.jdbi = jdbi;
        this.tenants = tenants;
        this.keys = keys;
        this.achievements = achievements;
        this.statusLists = statusLists;
        this.suite = suite;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    public Issued issue(Caller caller, ObjectNode body, String idempotencyKey) {
        Request request = Request.of(body, clock);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new DomainException.Malformed("the Idempotency-Key header must be 1-200 characters");
        }
        long tenantId = caller.tenantId();
        Achievement achievement = achievements.get(tenantId, request.achievementId());
        Tenant tenant = tenants.byId(tenantId);
        String emailHash = emailHash(request.email());
        Instant expires = request.expiresAt() != null ? request.expiresAt()
                : achievement.validityDays().isPresent() ? request.issuedAt().plus(achievement.validityDays().getAsInt(), ChronoUnit.DAYS) : null;
        if (expires != null && !expires.isAfter(request.issuedAt())) {
            throw new DomainException.InvalidInput("expiresAt", "expiresAt (" + expires + ") must be after issuedAt (" + request.issuedAt() + ")");
        }
        Idempotency idempotency = idempotencyKey == null ? null : Idempotency.of(idempotencyKey, body);
        return jdbi.inTransaction(h -> {
            var existing = idempotency != null ? replay(h, tenantId, idempotency)
                    : CredentialStore.byRecipient(h, tenantId, achievement.id(), emailHash);
            if (existing.isPresent()) {
                return new Issued(existing.get(), false);
            }
            StatusLists.Slot slot = statusLists.allocate(tenantId);
            UUID id = UUID.randomUUID();
            String number = CredentialNumber.next(random).value();
            ObjectNode unsigned = document(tenant, achievement, request, id, expires, slot);
            TenantKeys.SigningKey key = keys.signingKey(tenant);
            String signed = suite.sign(unsigned, key.keys(), key.verificationMethod(), clock.instant()).toString();
            IssuedCredential credential = new IssuedCredential(id, tenantId, achievement.id(), number, request.name(), request.email(),
                    signed, slot.listId(), slot.index(), request.issuedAt(), expires, "active", null, "public");
            if (!CredentialStore.insert(h, credential, emailHash, idempotency)) {
                // a concurrent request for the same recipient (or key) won and has committed; READ COMMITTED sees it now
                IssuedCredential winner = (idempotency != null
                        ? replay(h, tenantId, idempotency)
                        : CredentialStore.byRecipient(h, tenantId, achievement.id(), emailHash))
                        .orElseThrow(() -> new DomainException.Conflict("this recipient already holds this achievement under another Idempotency-Key"));
                return new Issued(winner, false);
            }
            log.append(h, tenantId, id, JsonFields.MAPPER.createObjectNode().put("type", "issue").put("credential", id.toString())
                    .put("number", number).put("documentSha256", sha256(signed)).put("at", clock.instant().toString()));
            audit.record(h, tenantId, caller.actor(), "credential.issue", "credential:" + id, null,
                    JsonFields.MAPPER.createObjectNode().put("number", number).put("achievementId", achievement.id()).put("state", "active"));
            listener.issued(h, tenant, credential, request.sendMail());
            return new Issued(credential, true);
        });
    }

    /**
     * The credential issued under the key, if any, when this is the request that used the key
     * first; a key used for a different request is refused (IETF Idempotency-Key draft, 422).
     */
    private static java.util.Optional<IssuedCredential> replay(org.jdbi.v3.core.Handle h, long tenantId, Idempotency idempotency) {
        // credentials issued before request hashes were kept have none, and replay as before
        if (CredentialStore.idempotencyRequestSha256(h, tenantId, idempotency.key()).filter(k -> !k.equals(idempotency.requestSha256())).isPresent()) {
            throw new Idempotency.KeyReused(idempotency.key());
        }
        return CredentialStore.byIdempotencyKey(h, tenantId, idempotency.key());
    }

    private ObjectNode document(Tenant tenant, Achievement achievement, Request request, UUID id, Instant expires, StatusLists.Slot slot) {
        URI publicUrl = tenants.publicUrl();
        List<Alignment> alignments = new ArrayList<>();
        achievement.details().path("alignments").forEach(a -> alignments.add(new Alignment(a.get("targetName").asText(),
                a.get("targetUrl").asText(), null, a.path("targetFramework").asText(null), null, null)));
        List<String> tags = new ArrayList<>();
        achievement.details().path("tags").forEach(t -> tags.add(t.asText()));
        String image = achievement.details().path("image").asText(null);
        var ob = new org.credence.standards.model.Achievement(publicUrl + "/tenants/" + tenant.slug() + "/achievements/" + achievement.id(),
                achievement.achievementType(), achievement.name(), achievement.description(), new Criteria(achievement.details().path("programUrl").asText(null),
                achievement.criteria()), image == null ? null : new Image(image, null), alignments, tags, null, null, List.of(), Map.of());
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        List<Result> results = request.grade() == null ? List.of() : List.of(new Result(null, request.grade(), null, null));
        AchievementSubject subject = new AchievementSubject(null, List.of(IdentityObject.hashedEmail(request.email(), HexFormat.of().formatHex(salt)),
                IdentityObject.name(request.name())),
                ob, results, null, null, Map.of());
        AchievementCredential.Builder builder = AchievementCredential.builder()
                .id("urn:uuid:" + id)
                .issuer(new Profile(tenant.did(), tenant.name(), tenant.url(), null, null, null, Map.of()))
                .validFrom(request.issuedAt())
                .validUntil(expires)
                .name(achievement.name())
                .subject(subject)
                .credentialStatus(StatusListEntry.of(statusLists.url(tenant, slot.listId(), StatusPurpose.REVOCATION, publicUrl),
                        StatusPurpose.REVOCATION, slot.index()).toJson());
        request.evidence().forEach(builder::evidence);
        return builder.build().toJson();
    }

    /** How a recipient's address is matched: SHA-256 of the trimmed, lower-cased address. */
    public static String emailHash(String email) {
        return sha256(email.toLowerCase(Locale.ROOT));
    }

    /** Hex SHA-256 of the trimmed text: how the transparency log fingerprints a signed credential. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A validated issuance request. */
    record Request(long achievementId, String name, String email, Instant issuedAt, Instant expiresAt, String grade, List<Evidence> evidence,
                   boolean sendMail) {
        static Request of(ObjectNode body, Clock clock) {
            JsonNode id = body.get("achievementId");
            if (id == null || !id.canConvertToLong() || !id.isIntegralNumber()) {
                throw new DomainException.InvalidInput("achievementId", "achievementId is required and must be the number of an achievement");
            }
            JsonNode recipient = body.get("recipient");
            if (recipient == null || !recipient.isObject()) {
                throw new DomainException.InvalidInput("recipient", "recipient is required: {\"name\": …, \"email\": …}");
            }
            recipient.fieldNames().forEachRemaining(f -> {
                if (!f.equals("name") && !f.equals("email")) {
                    throw new DomainException.InvalidInput("recipient." + f, "unknown field 'recipient." + f + "'; allowed: name, email");
                }
            });
            String name = JsonFields.requiredText(recipient, "recipient.name", 300);
            String email = JsonFields.requiredText(recipient, "recipient.email", 320);
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new DomainException.InvalidInput("recipient.email", "recipient.email is not an e-mail address: " + email);
            }
            Instant issuedAt = instant(body, "issuedAt");
            List<Evidence> evidence = new ArrayList<>();
            JsonNode given = body.path("evidence");
            if (!given.isMissingNode() && !given.isArray()) {
                throw new DomainException.InvalidInput("evidence", "evidence must be a list of {url?, name?, narrative?}");
            }
            for (JsonNode e : given) {
                String url = JsonFields.optionalText(e, "evidence.url", 2000);
                if (url != null && !url.matches("https?://\\S+")) {
                    throw new DomainException.InvalidInput("evidence.url", "evidence.url must be an http(s) URL");
                }
                try {
                    evidence.add(new Evidence(url, JsonFields.optionalText(e, "evidence.name", 300), null, JsonFields.optionalText(e, "evidence.narrative", 5000), null, null));
                } catch (RuntimeException invalid) {
                    throw new DomainException.InvalidInput("evidence", invalid.getMessage());
                }
            }
            JsonNode notify = body.path("notify");
            if (!notify.isMissingNode() && !notify.isBoolean()) {
                throw new DomainException.InvalidInput("notify", "notify must be true or false (false: the recipient gets no mail)");
            }
            return new Request(id.asLong(), name, email, issuedAt == null ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : issuedAt,
                    instant(body, "expiresAt"), JsonFields.optionalText(body, "grade", 100), evidence, notify.asBoolean(true));
        }

        private static Instant instant(JsonNode body, String field) {
            String value = JsonFields.optionalText(body, field, 40);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e) {
                throw new DomainException.InvalidInput(field, field + " '" + value + "' is not an ISO-8601 date-time such as 2025-01-31T12:00:00Z");
            }
        }
    }
}
