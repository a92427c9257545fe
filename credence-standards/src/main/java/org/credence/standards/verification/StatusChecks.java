package org.credence.standards.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.dataintegrity.ProofException;
import org.credence.standards.status.StatusCheck;
import org.credence.standards.status.StatusListCredentials;
import org.credence.standards.status.StatusListEntry;
import org.credence.standards.status.StatusListException;
import org.credence.standards.status.StatusPurpose;

/**
 * The STATUS check: find each status list, require it to be signed by the credential's issuer,
 * and read the credential's bit.
 *
 * @see <a href="https://www.w3.org/TR/vc-bitstring-status-list/#validate-algorithm">Bitstring Status List §3.2 Validate</a>
 */
final class StatusChecks {
    private final StatusResolver statuses;
    private final KeyResolver keys;
    private final EddsaRdfc2022 suite;

    StatusChecks(StatusResolver statuses, KeyResolver keys, EddsaRdfc2022 suite) {
        this.statuses = statuses;
        this.keys = keys;
        this.suite = suite;
    }

    Check check(ObjectNode credential, String issuer) {
        JsonNode status = credential.get("credentialStatus");
        if (status == null) {
            return Check.passed(CheckName.STATUS, "the issuer publishes no status for this credential, so it cannot be revoked");
        }
        List<JsonNode> entries = new ArrayList<>();
        if (status.isArray()) {
            status.forEach(entries::add);
        } else {
            entries.add(status);
        }
        List<String> checked = new ArrayList<>();
        for (JsonNode node : entries) {
            StatusListEntry entry;
            try {
                entry = StatusListEntry.fromJson(node);
            } catch (StatusListException e) {
                return Check.failed(CheckName.STATUS, VerificationError.STATUS_LIST_INVALID, "the credentialStatus entry is malformed: " + e.getMessage());
            }
            Optional<JsonNode> list;
            try {
                list = statuses.statusListCredential(entry.statusListCredential());
            } catch (Fetcher.FetchException e) {
                // a verifier that tried and failed must not call the credential valid: it may be revoked
                return Check.failed(CheckName.STATUS, VerificationError.STATUS_UNAVAILABLE,
                        "could not check whether it was revoked: its " + entry.purpose().jsonName() + " status list could not be fetched ("
                                + e.getMessage() + ")");
            }
            if (list.isEmpty()) {
                return Check.skipped(CheckName.STATUS, "status not checked: the status list " + entry.statusListCredential()
                        + " is not available offline (use --online, or give it with --status-list)");
            }
            Optional<String> untrusted = whyUntrusted(list.get(), issuer);
            if (untrusted.isPresent()) {
                return Check.failed(CheckName.STATUS, VerificationError.STATUS_LIST_INVALID, untrusted.get());
            }
            StatusCheck result;
            try {
                result = StatusListCredentials.check(entry, list.get());
            } catch (StatusListException e) {
                return Check.failed(CheckName.STATUS, VerificationError.STATUS_LIST_INVALID, e.getMessage());
            }
            if (result.isSet()) {
                boolean revoked = result.purpose() == StatusPurpose.REVOCATION;
                return Check.failed(CheckName.STATUS, revoked ? VerificationError.REVOKED : VerificationError.SUSPENDED, result.reason());
            }
            checked.add(result.reason());
        }
        return Check.passed(CheckName.STATUS, String.join("; ", checked) + ", in the issuer's signed status list");
    }

    // A status list anyone could write would let anyone un-revoke: it must carry the issuer's proof
    private Optional<String> whyUntrusted(JsonNode list, String issuer) {
        if (!list.isObject()) {
            return Optional.of("the status list is not a JSON object");
        }
        String listIssuer = CredentialChecks.issuerId(list);
        if (!issuer.equals(listIssuer)) {
            return Optional.of("the status list is issued by " + listIssuer + ", not by the credential's issuer " + issuer);
        }
        JsonNode proofs = list.get("proof");
        JsonNode proof = proofs == null ? null : proofs.isArray() ? proofs.get(0) : proofs;
        if (proof == null) {
            return Optional.of("the status list is not signed, so it cannot be trusted");
        }
        String method = proof.path("verificationMethod").asText("");
        try {
            Optional<ResolvedKey> key = keys.resolve(method);
            if (key.isEmpty() || !issuer.equals(key.get().controller())) {
                return Optional.of("the status list's signing key " + method + " is not a key of the issuer");
            }
            suite.verify((ObjectNode) list, proof, key.get().key());
        } catch (KeyResolutionException e) {
            return Optional.of("the status list's key could not be resolved: " + e.getMessage());
        } catch (ProofException e) {
            return Optional.of("the status list's signature is invalid: " + e.getMessage());
        }
        return Optional.empty();
    }
}
