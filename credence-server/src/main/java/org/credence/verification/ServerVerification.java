package org.credence.verification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Instant;
import org.credence.standards.status.StatusCheck;
import org.credence.standards.verification.Fetcher;
import org.credence.standards.verification.KeyResolver;
import org.credence.standards.verification.Outcome;
import org.credence.standards.verification.StatusResolver;
import org.credence.issuance.CredentialNumber;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.IssuedCredential;
import org.credence.lifecycle.StatusLists;
import org.credence.standards.jsonld.RdfCanonicalizer;
import org.credence.standards.verification.Check;
import org.credence.standards.verification.CheckName;
import org.credence.standards.verification.VerificationError;
import org.credence.standards.verification.VerificationReport;
import org.credence.standards.verification.Verifier;
import org.credence.tenant.TenantKeys;
import org.credence.transparency.TransparencyLog;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/** Verification as the server offers it: by certificate number, or of an uploaded credential. */
public final class ServerVerification {
    /**
     * A stored credential and its report.
     *
     * @param transparency the inclusion proof of its issuance in the issuer's log, when it is there
     */
    public record Verified(IssuedCredential credential, VerificationReport report, Optional<ObjectNode> transparency) {}

    private static final int MAX_CACHED = 200_000;
    private final Jdbi jdbi;
    private final Verifier verifier;
    private final Verifier storedVerifier;
    private final Clock clock;
    private final TransparencyLog log;
    private final Tenants tenants;
    private final LocalResolvers local;
    private final KeyResolver keys;
    // a stored credential's bytes never change and its keys stay published: its proof is checked once
    private final Map<UUID, VerificationReport> proofs = new ConcurrentHashMap<>();

    /**
     * @param remote fetches other issuers' did:web documents and status lists (a {@link RemoteFetcher}
     *     guards it); this installation's own are read from the database
     */
    public ServerVerification(Jdbi jdbi, Tenants tenants, TenantKeys keys, StatusLists statusLists, TransparencyLog log,
                              RdfCanonicalizer canonicalizer, Clock clock, Fetcher remote) {
        this.jdbi = jdbi;
        this.log = log;
        this.tenants = tenants;
        this.clock = clock;
        this.local = new LocalResolvers(tenants, keys, statusLists);
        KeyResolver keyResolver = local.keys(KeyResolver.web(remote));
        this.keys = keyResolver;
        this.verifier = new Verifier(canonicalizer, keyResolver, local.statuses(StatusResolver.online(remote)), clock);
        this.storedVerifier = new Verifier(canonicalizer, keyResolver, StatusResolver.none(), clock);
    }

    /**
     * The credential with this number (as typed: case, spaces, O/0 forgiven), verified; empty
     * when there is none. The proof checks are cached per credential; dates and status are
     * judged fresh from the issuer's own records on every call.
     */
    public Optional<Verified> byNumber(String typed) {
        return CredentialNumber.parse(typed)
                .flatMap(number -> jdbi.withHandle(h -> CredentialStore.byNumber(h, number.value())))
                .map(c -> {
                    VerificationReport proofChecked = proofs.computeIfAbsent(c.id(), id -> {
                        if (proofs.size() >= MAX_CACHED) {
                            proofs.clear();
                        }
                        return storedVerifier.verify(c.documentText().getBytes(StandardCharsets.UTF_8));
                    });
                    Optional<ObjectNode> inclusion = log.inclusion(c.tenantId(), c.id());
                    return new Verified(c, fresh(c, proofChecked, inclusionCheck(inclusion)), inclusion);
                });
    }

    /** The issuer logs every issuance in the same transaction, so a missing or broken proof means tampering. */
    private static Check inclusionCheck(Optional<ObjectNode> inclusion) {
        if (inclusion.isEmpty()) {
            return Check.failed(CheckName.TRANSPARENCY, VerificationError.NOT_IN_LOG,
                    "the issuer's transparency log has no entry for this credential");
        }
        ObjectNode proof = inclusion.get();
        String where = "entry " + (proof.get("leafIndex").asLong() + 1) + " of " + proof.get("treeSize").asLong();
        return proof.get("verified").asBoolean()
                ? Check.passed(CheckName.TRANSPARENCY, where + " in the issuer's log; the inclusion proof matches the log's current root hash")
                : Check.failed(CheckName.TRANSPARENCY, VerificationError.LOG_PROOF_INVALID,
                        where + " in the issuer's log, but the inclusion proof does not match the log's root hash");
    }

    private VerificationReport fresh(IssuedCredential c, VerificationReport cached, Check inclusion) {
        Instant now = clock.instant();
        List<Check> checks = new ArrayList<>();
        for (Check check : cached.checks()) {
            checks.add(switch (check.name()) {
                case VALIDITY_DATES -> now.isBefore(c.issuedAt())
                        ? Check.failed(CheckName.VALIDITY_DATES, VerificationError.NOT_YET_VALID, "not valid until " + c.issuedAt())
                        : c.expiresAt() != null && !now.isBefore(c.expiresAt())
                        ? Check.failed(CheckName.VALIDITY_DATES, VerificationError.EXPIRED, "expired on " + c.expiresAt())
                        : Check.passed(CheckName.VALIDITY_DATES, c.expiresAt() == null ? "valid since " + c.issuedAt() + ", with no expiry" : "valid until " + c.expiresAt());
                case STATUS -> switch (c.state()) {
                    case "revoked" -> Check.failed(CheckName.STATUS, VerificationError.REVOKED, "revoked by the issuer" + reason(c));
                    case "suspended" -> Check.failed(CheckName.STATUS, VerificationError.SUSPENDED, "suspended by the issuer" + reason(c));
                    // renewed: history, not withdrawn, so its status bit stays unset and the check passes, naming the renewal
                    case "superseded" -> Check.passed(CheckName.STATUS, "neither revoked nor suspended; superseded by its renewal"
                            + successor(c).map(number -> " " + number).orElse(""));
                    default -> Check.passed(CheckName.STATUS, "neither revoked nor suspended, per the issuer's records as of now");
                };
                default -> check;
            });
        }
        checks.add(inclusion);
        return VerificationReport.of(cached.format(), checks, cached.credential());
    }

    /** The number of the credential that renewed {@code c}, when it was renewed. */
    public Optional<String> successor(IssuedCredential c) {
        if (!c.state().equals("superseded")) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT n.number FROM credential o JOIN credential n ON n.tenant_id = o.tenant_id AND n.id = o.superseded_by
                         WHERE o.tenant_id = :tenant AND o.id = :id
                        """).bind("tenant", c.tenantId()).bind("id", c.id()).mapTo(String.class).findOne());
    }

    private static String reason(IssuedCredential c) {
        return c.stateReason() == null ? "" : ": " + c.stateReason();
    }

    /** How this server finds the keys proofs name (its tenants', did:key, others' did:web): presentation proofs use it too. */
    public KeyResolver keys() {
        return keys;
    }

    /**
     * Verifies an uploaded credential of any issuer: ours from the database, others' keys and
     * status lists fetched from them. A credential of ours is also checked against its suspension list.
     */
    public VerificationReport verify(byte[] input) {
        return withOwnSuspension(verifier.verify(input));
    }

    // Our credentials carry one (revocation) entry, so the library cannot see a suspension: look at the list's suspension twin
    private VerificationReport withOwnSuspension(VerificationReport report) {
        boolean statusPassed = report.checks().stream().anyMatch(c -> c.name() == CheckName.STATUS && c.outcome() == Outcome.PASSED);
        if (report.credential() == null || !statusPassed) {
            return report;
        }
        Optional<StatusCheck> suspension = local.ownSuspension(report.credential());
        if (suspension.isEmpty() || !suspension.get().isSet()) {
            return report;
        }
        List<Check> checks = report.checks().stream()
                .map(c -> c.name() == CheckName.STATUS ? Check.failed(CheckName.STATUS, VerificationError.SUSPENDED, suspension.get().reason()) : c)
                .toList();
        return VerificationReport.of(report.format(), checks, report.credential());
    }

    /**
     * The certificate number of an uploaded credential when this installation issued it: its id
     * is one of ours and so is its issuer, so its verification page can be linked.
     */
    public Optional<String> numberOf(VerificationReport report) {
        if (report.credential() == null) {
            return Optional.empty();
        }
        String id = report.credential().path("id").asText("");
        if (!id.startsWith("urn:uuid:")) {
            return Optional.empty();
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(id.substring("urn:uuid:".length()));
        } catch (IllegalArgumentException notUuid) {
            return Optional.empty();
        }
        var issuer = report.credential().path("issuer");
        String did = issuer.isTextual() ? issuer.asText() : issuer.path("id").asText("");
        return jdbi.withHandle(h -> h.createQuery("SELECT tenant_id, number FROM credential WHERE id = :id")
                        .bind("id", uuid).map((rs, ctx) -> Map.entry(rs.getLong("tenant_id"), rs.getString("number"))).findOne())
                .filter(stored -> tenants.byId(stored.getKey()).did().equals(did))
                .map(Map.Entry::getValue);
    }

}
