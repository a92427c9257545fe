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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.credence.achievement.Achievement;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
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
    /**
     * The tenant and the achievements a batch names, read at most once a second ({@link #RECENT}) rather than once a batch:
     * an achievement edited in this process reaches the next credential at once; one edited by another process on the same
     * database, or a tenant's mail language changed, reaches credentials issued from a second later.
     */
    private final Recent<Long, Tenant> recentTenants;
    private final Recent<AchievementKey, Achievement> recentAchievements;

    /** How long a batch may use a tenant or achievement read by an earlier batch. */
    static final java.time.Duration RECENT = java.time.Duration.ofSeconds(1);

    private record AchievementKey(long tenantId, long id) {}

    private Achievement achievement(long tenantId, long id) {
        return recentAchievements.get(new AchievementKey(tenantId, id), k -> achievements.get(k.tenantId(), k.id()));
    }

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
        this.recentTenants = new Recent<>(RECENT.toNanos(), System::nanoTime, () -> 0);
        this.recentAchievements = new Recent<>(RECENT.toNanos(), System::nanoTime, achievements::edits);
    }

    /**
     * Issues the credential the command describes, or answers the one already issued for its recipient or Idempotency-Key.
     * Requests of one caller that arrive together are issued together, in one transaction ({@link Gathering}): one lock of
     * the tenant's log and one commit for all of them, where each alone would queue for both.
     */
    public Issued issue(Caller caller, IssueCommand command) {
        Outcome outcome = together.submit(caller, new Arrival(command, clock.instant()));
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.issued();
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

    /** A renewal, one at a time in its own transaction (the previous credential is locked; renewals are not gathered). */
    private Issued issue(Caller caller, IssueCommand command, UUID previousId, Renewal renewal) {
        Instant arrived = clock.instant();
        if (command.completedAt() != null && (command.completedAt().isAfter(arrived) || command.completedAt().isBefore(Instant.EPOCH))) {
            throw new DomainException.InvalidInput("completedAt", ErrorText.of("issue.completed_at_invalid", "completedAt", command.completedAt()));
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
            throw new DomainException.InvalidInput("expiresAt", ErrorText.of("issue.expires_before_issued", "expiresAt", expires, "issuedAt", request.issuedAt()));
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
                throw new DomainException.Conflict(ErrorText.of("issue.changed_while_renewing", "number", previous.number()));
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
                    throw new DomainException.Conflict(ErrorText.of("issue.already_held"));
                }
                // a concurrent request for the same recipient (or key) won and has committed; READ COMMITTED sees it now
                IssuedCredential winner = (idempotency != null
                        ? replay(h, tenantId, idempotency)
                        : CredentialStore.byRecipient(h, tenantId, achievement.id(), emailHash))
                        .orElseThrow(() -> new DomainException.Conflict(ErrorText.of("issue.held_other_key")));
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
     * Issues every command of a batch for one caller, each answered as {@link #issue} would answer it alone: a command
     * whose Idempotency-Key (or recipient and achievement) was issued before returns that credential (so a batch replayed
     * after a crash issues nothing twice), a bad command gets its error without failing the others. The new ones are
     * issued in one transaction with batched writes: after a crash the batch is all there or not at all.
     *
     * @return one result per command, in the commands' order
     */
    public List<BatchResult> issueAll(Caller caller, List<IssueCommand> commands) {
        return writeAll(signAll(caller, commands), null);
    }

    /**
     * The first half of {@link #issueAll}: checks the commands, answers the replays, reserves the new ones' status slots and
     * signs them, with no transaction open; nothing is written. A bulk job signs its next batch this way while the previous
     * one commits.
     */
    public SignedBatch signAll(Caller caller, List<IssueCommand> commands) {
        Instant arrived = clock.instant();
        return sign(caller, commands.stream().map(c -> new Arrival(c, arrived)).toList());
    }

    /**
     * The second half of {@link #issueAll}: writes the signed batch in one transaction and answers one result per command, in
     * the commands' order. {@code alsoInTransaction} (may be null) is given the results inside that transaction, before the
     * tenant's log and audit chain are locked, so what it writes commits with the credentials or not at all.
     */
    public List<BatchResult> writeAll(SignedBatch batch, AlsoInTransaction alsoInTransaction) {
        List<Outcome> outcomes = write(batch, alsoInTransaction == null ? null
                : (h, written) -> alsoInTransaction.accept(h, results(written)));
        return results(outcomes);
    }

    /** What a bulk job writes with a batch, in its transaction: the batch's results, one per command. */
    @FunctionalInterface
    public interface AlsoInTransaction {
        void accept(org.jdbi.v3.core.Handle h, List<BatchResult> results);
    }

    /** Commands checked and signed by {@link #signAll}, to be written by {@link #writeAll}. */
    public static final class SignedBatch {
        private final Caller caller;
        private final Tenant tenant;
        private final List<Prepared> fresh;
        private final List<CredentialStore.NewRow> rows;
        private final Outcome[] outcomes;

        private SignedBatch(Caller caller, Tenant tenant, List<Prepared> fresh, List<CredentialStore.NewRow> rows, Outcome[] outcomes) {
            this.caller = caller;
            this.tenant = tenant;
            this.fresh = fresh;
            this.rows = rows;
            this.outcomes = outcomes;
        }
    }

    private static List<BatchResult> results(List<Outcome> outcomes) {
        List<BatchResult> results = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            results.add(o.error() == null ? new BatchResult(i, o.issued(), null)
                    : new BatchResult(i, null, o.error() instanceof DomainException e ? e
                            : new DomainException.InvalidInput("idempotencyKey", ((Idempotency.KeyReused) o.error()).text())));
        }
        return results;
    }

    /** A command and when it arrived (time-to-issue runs from then, unless it says when the recipient completed). */
    private record Arrival(IssueCommand command, Instant at) {}

    /** What a command came to: the credential, or the {@link DomainException} (or {@link Idempotency.KeyReused}) it met. */
    private record Outcome(Issued issued, RuntimeException error) {}

    /**
     * How long a batch that starts beside a running one waits for more requests: at 8 clients the requests of a batch
     * arrive staggered, and a batch of 2.5 paid its statements and commit for few (issue 14, docs/benchmarks.md).
     */
    private static final long LINGER_NANOS = java.util.concurrent.TimeUnit.MICROSECONDS.toNanos(500);

    /** Concurrent single requests, 64 at most to a batch, two batches of a caller at a time: one signs while the other commits. */
    private final Gathering<Caller, Arrival, Outcome> together = new Gathering<>(64, 2, LINGER_NANOS, this::runGathered);

    /**
     * A batch of single requests that fails as a whole (the database refused a statement, say) wrote nothing, so each of
     * its requests is run again alone: a request that shares a batch fails only for its own reasons.
     */
    private List<Outcome> runGathered(Caller caller, List<Arrival> arrivals) {
        try {
            return run(caller, arrivals);
        } catch (RuntimeException failed) {
            if (arrivals.size() == 1) {
                throw failed;
            }
            List<Outcome> alone = new ArrayList<>(arrivals.size());
            for (Arrival arrival : arrivals) {
                try {
                    alone.add(run(caller, List.of(arrival)).get(0));
                } catch (RuntimeException e) {
                    alone.add(new Outcome(null, e));
                }
            }
            return alone;
        }
    }

    /**
     * The batch engine: checks each command, answers replays from one lookup, allocates the new ones' status slots in one
     * step and signs them with no transaction open, then writes them in one transaction (one insert per table, one lock
     * each of the log and the audit chain).
     */
    private List<Outcome> run(Caller caller, List<Arrival> arrivals) {
        return write(sign(caller, arrivals), null);
    }

    /** The batch engine's first half: checks, replays, status slots and signatures; no transaction open, nothing written. */
    private SignedBatch sign(Caller caller, List<Arrival> arrivals) {
        if (caller.tenantId() == null) {
            throw new DomainException.Forbidden(ErrorText.of("issue.admin_key"));
        }
        Outcome[] outcomes = new Outcome[arrivals.size()];
        if (arrivals.isEmpty()) {
            return new SignedBatch(caller, null, List.of(), List.of(), outcomes);
        }
        long tenantId = caller.tenantId();
        Tenant tenant = recentTenants.get(tenantId, tenants::byId);
        Map<Long, Achievement> known = new HashMap<>();
        List<Prepared> good = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            try {
                Arrival arrival = arrivals.get(i);
                good.add(prepare(i, tenant, arrival.command(), arrival.at(), id -> known.computeIfAbsent(id, a -> achievement(tenantId, a))));
            } catch (DomainException e) {
                outcomes[i] = new Outcome(null, e);
            }
        }
        List<Prepared> fresh = withoutReplays(tenantId, good, outcomes);
        if (fresh.isEmpty()) {
            return new SignedBatch(caller, tenant, List.of(), List.of(), outcomes);
        }
        List<StatusLists.Slot> slots = statusLists.allocate(tenantId, fresh.size());
        TenantKeys.SigningKey key = keys.signingKey(tenant);
        CredentialStore.NewRow[] rows = new CredentialStore.NewRow[fresh.size()];
        // signing is most of a credential's CPU and needs no database: both cores share it, with no lock held
        java.util.stream.IntStream.range(0, rows.length).parallel().forEach(i -> rows[i] = sign(fresh.get(i), slots.get(i), key));
        return new SignedBatch(caller, tenant, fresh, List.of(rows), outcomes);
    }

    /** The batch engine's second half: one transaction for the signed credentials (none when all were replays or errors). */
    private List<Outcome> write(SignedBatch batch, java.util.function.BiConsumer<org.jdbi.v3.core.Handle, List<Outcome>> also) {
        Outcome[] outcomes = batch.outcomes.clone();
        if (!batch.fresh.isEmpty()) {
            jdbi.useTransaction(h -> write(h, batch.caller, batch.tenant, batch.fresh, batch.rows, outcomes, also));
        } else if (also != null) {
            jdbi.useTransaction(h -> also.accept(h, List.of(outcomes)));
        }
        return List.of(outcomes);
    }

    /** Answers each command issued before (by key, else by recipient and achievement) from one query; the others, to issue. */
    private List<Prepared> withoutReplays(long tenantId, List<Prepared> good, Outcome[] outcomes) {
        List<String> keys = new ArrayList<>();
        List<Long> achievementIds = new ArrayList<>();
        List<String> emailHashes = new ArrayList<>();
        for (Prepared p : good) {
            if (p.request().idempotency() != null) {
                keys.add(p.request().idempotency().key());
            } else {
                achievementIds.add(p.achievement().id());
                emailHashes.add(p.emailHash());
            }
        }
        Map<String, CredentialStore.Found> byKey = new HashMap<>();
        Map<String, CredentialStore.Found> byRecipient = new HashMap<>();
        for (CredentialStore.Found found : jdbi.withHandle(h -> CredentialStore.existing(h, tenantId, keys, achievementIds, emailHashes))) {
            if (found.idempotencyKey() != null) {
                byKey.put(found.idempotencyKey(), found);
            }
            byRecipient.put(found.credential().achievementId() + "/" + found.emailHash(), found);
        }
        List<Prepared> fresh = new ArrayList<>();
        for (Prepared p : good) {
            Idempotency idempotency = p.request().idempotency();
            CredentialStore.Found found = idempotency != null ? byKey.get(idempotency.key()) : byRecipient.get(p.achievement().id() + "/" + p.emailHash());
            if (found == null && p.achievement().isArchived()) {
                // an archived achievement is not offered: a replay still answers the credential issued before it was archived
                outcomes[p.index()] = new Outcome(null, Achievements.archived("achievementId", p.achievement().id(), p.achievement().name()));
            } else if (found == null) {
                fresh.add(p);
            } else if (idempotency != null && found.requestSha256() != null && !found.requestSha256().equals(idempotency.requestSha256())) {
                // credentials issued before request hashes were kept have none, and replay as before
                outcomes[p.index()] = new Outcome(null, new Idempotency.KeyReused(idempotency.key()));
            } else {
                outcomes[p.index()] = new Outcome(new Issued(found.credential(), false), null);
            }
        }
        return fresh;
    }

    /** The credential a fresh command gets: its document, signed. */
    private CredentialStore.NewRow sign(Prepared p, StatusLists.Slot slot, TenantKeys.SigningKey key) {
        IssueCommand request = p.request();
        UUID id = UUID.randomUUID();
        String number = CredentialNumber.next(random).value();
        ObjectNode unsigned = document(p.tenant(), p.achievement(), request, id, p.expires(), slot);
        Instant signedAt = clock.instant();
        String signed = suite.sign(unsigned, key.keys(), key.verificationMethod(), signedAt).toString();
        IssuedCredential credential = new IssuedCredential(id, p.tenant().id(), p.achievement().id(), number, request.name(), request.email(),
                signed, slot.listId(), slot.index(), request.issuedAt(), p.expires(), "active", null, "public");
        return new CredentialStore.NewRow(credential, p.emailHash(), request.idempotency(), p.requestedAt(), signedAt);
    }

    /**
     * Inserts the signed credentials, then logs, audits and announces (mail) those inserted, all in the caller's transaction.
     * A row not inserted lost to a credential already there for its key or recipient (another request's, or an earlier one
     * of this batch), which it answers.
     */
    private void write(org.jdbi.v3.core.Handle h, Caller caller, Tenant tenant, List<Prepared> fresh, List<CredentialStore.NewRow> rows,
                       Outcome[] outcomes, java.util.function.BiConsumer<org.jdbi.v3.core.Handle, List<Outcome>> also) {
        long tenantId = tenant.id();
        java.util.Set<UUID> inserted = CredentialStore.insertAll(h, tenantId, rows);
        List<IssuedCredential> created = new ArrayList<>(inserted.size());
        List<Boolean> notify = new ArrayList<>(inserted.size());
        List<UUID> ids = new ArrayList<>(inserted.size());
        List<ObjectNode> entries = new ArrayList<>(inserted.size());
        List<String> subjects = new ArrayList<>(inserted.size());
        List<ObjectNode> afters = new ArrayList<>(inserted.size());
        String at = clock.instant().toString();
        for (int i = 0; i < rows.size(); i++) {
            Prepared p = fresh.get(i);
            IssuedCredential credential = rows.get(i).credential();
            if (!inserted.contains(credential.id())) {
                outcomes[p.index()] = lost(h, tenantId, p);
                continue;
            }
            outcomes[p.index()] = new Outcome(new Issued(credential, true), null);
            created.add(credential);
            notify.add(p.request().sendMail());
            ids.add(credential.id());
            entries.add(JsonFields.MAPPER.createObjectNode().put("type", "issue").put("credential", credential.id().toString())
                    .put("number", credential.number()).put("documentSha256", sha256(credential.documentText())).put("at", at));
            subjects.add("credential:" + credential.id());
            afters.add(JsonFields.MAPPER.createObjectNode().put("number", credential.number()).put("achievementId", credential.achievementId())
                    .put("state", "active"));
        }
        // the log and the audit chain last: their per-tenant locks are then held only for their own inserts and the commit
        listener.issuedAll(h, tenant, created, notify);
        if (also != null) {
            also.accept(h, List.of(outcomes));
        }
        if (!ids.isEmpty()) {
            // the log's lock and the audit chain's in one statement, in the order every writer takes them: a round trip less a batch
            h.execute("SELECT pg_advisory_xact_lock(?), pg_advisory_xact_lock(?)", TransparencyLog.lockKey(tenantId), AuditTrail.lockKey(tenantId));
            log.appendAllLocked(h, tenantId, ids, entries);
            audit.recordAllLocked(h, tenantId, caller.actor(), "credential.issue", subjects, afters);
        }
    }

    /** The answer for a command whose row was not inserted: the credential that holds its key or recipient. */
    private static Outcome lost(org.jdbi.v3.core.Handle h, long tenantId, Prepared p) {
        Idempotency idempotency = p.request().idempotency();
        try {
            // a concurrent request for the same recipient (or key) won and has committed; READ COMMITTED sees it now
            IssuedCredential winner = (idempotency != null
                    ? replay(h, tenantId, idempotency)
                    : CredentialStore.byRecipient(h, tenantId, p.achievement().id(), p.emailHash()))
                    .orElseThrow(() -> new DomainException.Conflict(ErrorText.of("issue.held_other_key")));
            return new Outcome(new Issued(winner, false), null);
        } catch (DomainException | Idempotency.KeyReused e) {
            return new Outcome(null, e);
        }
    }

    /** A command checked and completed (dates, achievement, recipient hash), ready to issue; {@code index} its place in a batch. */
    private record Prepared(int index, Tenant tenant, Achievement achievement, IssueCommand request, String emailHash, Instant expires,
                            Instant requestedAt) {}

    /** Checks the command and fills in what it left out; a command at fault is a {@link DomainException} naming the field. */
    private static Prepared prepare(int index, Tenant tenant, IssueCommand command, Instant arrived,
                                    java.util.function.LongFunction<Achievement> achievementById) {
        if (command.completedAt() != null && (command.completedAt().isAfter(arrived) || command.completedAt().isBefore(Instant.EPOCH))) {
            throw new DomainException.InvalidInput("completedAt", ErrorText.of("issue.completed_at_invalid", "completedAt", command.completedAt()));
        }
        // PostgreSQL's text cannot hold NUL: one would fail the statement, and with it every credential of the batch
        for (String[] field : new String[][] {{"recipient.name", command.name()}, {"recipient.email", command.email()}, {"grade", command.grade()}}) {
            if (field[1] != null && field[1].indexOf('\u0000') >= 0) {
                throw new DomainException.InvalidInput(field[0], ErrorText.of("issue.nul_character", "field", field[0]));
            }
        }
        checkRecipient(command);
        // time-to-issue runs from the completion when the caller knows it (an LMS), else from this request's arrival
        Instant requestedAt = command.completedAt() != null ? command.completedAt() : arrived;
        IssueCommand request = command.issuedAt() != null ? command : command.issuedAt(arrived.truncatedTo(ChronoUnit.SECONDS));
        Achievement achievement = achievementById.apply(request.achievementId());
        Instant expires = request.expiresAt() != null ? request.expiresAt()
                : achievement.validityDays().isPresent() ? request.issuedAt().plus(achievement.validityDays().getAsInt(), ChronoUnit.DAYS) : null;
        if (expires != null && !expires.isAfter(request.issuedAt())) {
            throw new DomainException.InvalidInput("expiresAt", ErrorText.of("issue.expires_before_issued", "expiresAt", expires, "issuedAt", request.issuedAt()));
        }
        return new Prepared(index, tenant, achievement, request, emailHash(request.email()), expires, requestedAt);
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The recipient every caller must give (the API's route checks the same before it builds a command; a form relies on this). */
    private static void checkRecipient(IssueCommand command) {
        if (command.name() == null || command.name().isBlank()) {
            throw new DomainException.InvalidInput("recipient.name", ErrorText.of("issue.name_required"));
        }
        if (command.name().length() > 300) {
            throw new DomainException.InvalidInput("recipient.name", ErrorText.of("issue.name_too_long"));
        }
        if (command.email() == null || command.email().length() > 320 || !EMAIL.matcher(command.email()).matches()) {
            throw new DomainException.InvalidInput("recipient.email", ErrorText.of("issue.email_invalid", "email", command.email()));
        }
        if (command.grade() != null && command.grade().length() > 100) {
            throw new DomainException.InvalidInput("grade", ErrorText.of("issue.grade_too_long"));
        }
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
        achievement.alignments().forEach(a -> alignments.add(new Alignment(a.targetName(), a.targetUrl(), null, a.targetFramework(), null, null)));
        List<String> tags = new ArrayList<>(achievement.tags());
        String image = achievement.image().orElse(null);
        var ob = new org.credence.standards.model.Achievement(publicUrl + "/tenants/" + tenant.slug() + "/achievements/" + achievement.id(),
                achievement.achievementType(), achievement.name(), achievement.description(), new Criteria(achievement.programUrl().orElse(null),
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
