package org.credence.pathway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.credence.achievement.Achievements;
import org.credence.domain.DomainException;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.Idempotency;
import org.credence.issuance.Issuance;
import org.credence.issuance.IssueCommand;
import org.credence.issuance.IssuedCredential;
import org.credence.standards.model.Evidence;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@value #TASK} job: after a component credential was issued, checks whether its recipient now meets the
 * pathway's rule and, if so, issues the pathway's credential with the counted components as evidence.
 * Idempotent: the credential's Idempotency-Key is made of the pathway and the recipient's e-mail hash, so two
 * components finishing at once, a retried job or a replay make exactly one.
 */
public final class PathwayCompletion {
    /** The job's task name; its key is {@code <pathway achievement id>:<component credential id>[:quiet]}. */
    public static final String TASK = "pathway-check";

    private final Jdbi jdbi;
    private final Issuance issuance;
    private final URI publicUrl;

    public PathwayCompletion(Jdbi jdbi, Issuance issuance, URI publicUrl) {
        this.jdbi = jdbi;
        this.issuance = issuance;
        this.publicUrl = publicUrl;
    }

    /** The job key for a component credential and one pathway that lists it; {@code notify} false: the recipient gets no mail. */
    static String key(long pathwayId, UUID componentCredentialId, boolean notify) {
        return pathwayId + ":" + componentCredentialId + (notify ? "" : ":quiet");
    }

    /** Runs the job of {@code key} (see {@link #key}); a malformed key is a bug, and fails the job visibly. */
    public void run(long tenantId, String key) {
        String[] parts = key.split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("a pathway-check key is <pathway>:<credential>[:quiet], not " + key);
        }
        complete(tenantId, Long.parseLong(parts[0]), UUID.fromString(parts[1]), parts.length == 2);
    }

    /** What to issue, when the recipient of the component completes the pathway and holds no credential of it yet. */
    private record Due(IssuedCredential component, String emailHash, List<Evidence> evidence) {}

    /** Issues the pathway's credential if its rule is now met; the credential issued, or empty when nothing was due. */
    Optional<IssuedCredential> complete(long tenantId, long pathwayId, UUID componentCredentialId, boolean notify) {
        Optional<Due> due = jdbi.withHandle(h -> {
            Optional<Pathway> pathway = PathwayStore.find(h, tenantId, pathwayId);
            Optional<IssuedCredential> component = CredentialStore.byId(h, tenantId, componentCredentialId);
            if (pathway.isEmpty() || component.isEmpty()) {
                return Optional.<Due>empty(); // the rule was removed meanwhile, or (never) the credential
            }
            if (Achievements.isArchived(h, tenantId, pathwayId)) {
                return Optional.<Due>empty(); // an archived pathway is not issued, not even automatically
            }
            String hash = Issuance.emailHash(component.get().recipientEmail());
            // once issued, even if revoked since, the pathway is not issued again by itself
            if (PathwayStore.ever(h, tenantId, pathwayId, hash)) {
                return Optional.<Due>empty();
            }
            Progress progress = Progress.of(pathway.get(), Earnings.of(h, tenantId, hash, pathway.get().requires()));
            if (!progress.complete()) {
                return Optional.<Due>empty();
            }
            Map<Long, String> names = PathwayStore.names(h, tenantId, pathway.get().requires());
            List<Evidence> evidence = new ArrayList<>();
            for (Earned e : progress.counted()) {
                evidence.add(new Evidence(publicUrl + "/c/" + e.number(), names.get(e.achievementId()),
                        "Credential urn:uuid:" + e.credentialId() + " (number " + e.number() + "), earned " + e.earnedAt(), null, null, null));
            }
            return Optional.of(new Due(component.get(), hash, evidence));
        });
        if (due.isEmpty()) {
            return Optional.empty();
        }
        String key = "pathway:" + pathwayId + ":" + due.get().emailHash();
        IssuedCredential component = due.get().component();
        Caller caller = new Caller(tenantId, Set.of("issue"), "pathway:" + pathwayId);
        try {
            return Optional.of(issuance.issue(caller, new IssueCommand(pathwayId, component.recipientName(), component.recipientEmail(), null, null,
                    null, due.get().evidence(), notify, new Idempotency(key, Issuance.sha256(key)))).credential());
        } catch (DomainException.Conflict issuedByHand) {
            // the issuer issued it to the recipient themselves meanwhile, under a key of their own: nothing left to do
            return Optional.empty();
        }
    }
}
