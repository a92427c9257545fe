package org.credence.issuance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.credence.achievement.Achievement;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.json.JsonFields;
import org.credence.lifecycle.StatusLists;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.model.AchievementCredential;
import org.credence.standards.model.AchievementSubject;
import org.credence.standards.model.Alignment;
import org.credence.standards.model.Criteria;
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

    /** Issues the credential the command describes, or answers the one already issued for its recipient or Idempotency-Key. */
    public Issued issue(Caller caller, IssueCommand command) {
        return issue(caller, command, null, null);
    }

    /** What a renewal does besides issuing, in the issuing transaction: told the renewed credential and its successor. */
    @FunctionalInterface
    public interface Renewal {
        void renewed(org.jdbi.v3.core.Handle h, IssuedCredential previous, IssuedCredential successor);
    }

    /**
     * Issues {@code command} as the renewal of {@code previousId} (same tenant, achievement and recipient): the previous
     * credential is locked, must be current (active, not superseded), and is marked superseded by the new one, which
     * joins its lineage; {@code renewal} runs in the same transaction. A renewal is always a new credential.
     *
     * @throws DomainException.Conflict when the previous credential is revoked, suspended or already renewed
     */
    public Issued renew(Caller caller, UUID previousId, IssueCommand command, Renewal renewal) {
        return issue(caller, command, previousId, renewal);
    }

    private Issued issue(Caller caller, IssueCommand command, UUID previousId, Renewal renewal) {
        Instant arrived = clock.instant();
        if (command.completedAt() != null && (command.completedAt().isAfter(arrived) || command.completedAt().isBefore(Instant.EPOCH))) {
            throw new DomainException.InvalidInput("completedAt", "completedAt (" + command.completedAt() + ") must be a past moment, not before 1970");
        }
        // time-to-issue runs from the completion when the caller knows it (an LMS), else from this request's arrival
        Instant requestedAt = command.completedAt() != null ? command.completedAt() : arrived;
        IssueCommand request = command.issuedAt() != null ? command : command.issuedAt(arrived.truncatedTo(ChronoUnit.SECONDS));
        long tenantId = caller.tenantId();
        Achievement achievement = achievements.get(tenantId, request.achievementId());
        Tenant tenant = tenants.byId(tenantId);
        String emailHash = emailHash(request.email());
        Instant expires = request.expiresAt() != null ? request.expiresAt()
                : achievement.validityDays().isPresent() ? request.issuedAt().plus(achievement.validityDays().getAsInt(), ChronoUnit.DAYS) : null;
        if (expires != null && !expires.isAfter(request.issuedAt())) {
            throw new DomainException.InvalidInput("expiresAt", "expiresAt (" + expires + ") must be after issuedAt (" + request.issuedAt() + ")");
        }
        Idempotency idempotency = request.idempotency();
        return jdbi.inTransaction(h -> {
            UUID id = UUID.randomUUID();
            if (previousId != null && idempotency != null) {
                // a renewal retried with its Idempotency-Key answers the renewal it made
                var replayed = replay(h, tenantId, idempotency);
                if (replayed.isPresent()) {
                    return new Issued(replayed.get(), false);
                }
            }
            IssuedCredential previous = previousId == null ? null : CredentialStore.supersede(h, tenantId, previousId, id, arrived);
            if (previous != null && (previous.achievementId() != achievement.id() || !emailHash(previous.recipientEmail()).equals(emailHash))) {
                throw new DomainException.Conflict("credential " + previous.number() + " changed while it was being renewed; try again");
            }
            var existing = previous != null ? java.util.Optional.<IssuedCredential>empty()
                    : idempotency != null ? replay(h, tenantId, idempotency)
                    : CredentialStore.byRecipient(h, tenantId, achievement.id(), emailHash);
            if (existing.isPresent()) {
                return new Issued(existing.get(), false);
            }
            StatusLists.Slot slot = statusLists.allocate(tenantId);
            String number = CredentialNumber.next(random).value();
            ObjectNode unsigned = document(tenant, achievement, request, id, expires, slot);
            TenantKeys.SigningKey key = keys.signingKey(tenant);
            Instant signedAt = clock.instant();
            String signed = suite.sign(unsigned, key.keys(), key.verificationMethod(), signedAt).toString();
            IssuedCredential credential = new IssuedCredential(id, tenantId, achievement.id(), number, request.name(), request.email(),
                    signed, slot.listId(), slot.index(), request.issuedAt(), expires, "active", null, "public");
            if (!CredentialStore.insert(h, credential, emailHash, idempotency, requestedAt, signedAt)) {
                if (previous != null) {
                    throw new DomainException.Conflict("this recipient already holds a current credential of this achievement");
                }
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
            if (previous != null) {
                CredentialStore.joinLineage(h, tenantId, id, previous);
            }
            listener.issued(h, tenant, credential, request.sendMail());
            if (previous != null) {
                renewal.renewed(h, previous, credential);
            }
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

    private ObjectNode document(Tenant tenant, Achievement achievement, IssueCommand request, UUID id, Instant expires, StatusLists.Slot slot) {
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
}
