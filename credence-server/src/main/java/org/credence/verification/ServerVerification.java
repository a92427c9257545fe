package org.credence.verification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/** Verification as the server offers it: by certificate number, or of an uploaded credential. */
public final class ServerVerification {
    /** A stored credential and its report. */
    public record Verified(IssuedCredential credential, VerificationReport report) {}

    private final Jdbi jdbi;
    private final Verifier verifier;

    public ServerVerification(Jdbi jdbi, Tenants tenants, TenantKeys keys, StatusLists statusLists, RdfCanonicalizer canonicalizer, Clock clock) {
        this.jdbi = jdbi;
        LocalResolvers local = new LocalResolvers(tenants, keys, statusLists);
        this.verifier = new Verifier(canonicalizer, local.keys(), local.statuses(), clock);
    }

    /** The credential with this number (as typed: case, spaces, O/0 forgiven), verified; empty when there is none. */
    public Optional<Verified> byNumber(String typed) {
        return CredentialNumber.parse(typed)
                .flatMap(number -> jdbi.withHandle(h -> CredentialStore.byNumber(h, number.value())))
                .map(c -> new Verified(c, withIssuerState(c, verifier.verify(c.documentText().getBytes(StandardCharsets.UTF_8)))));
    }

    public VerificationReport verify(byte[] input) {
        return verifier.verify(input);
    }

    // Suspension is the issuer's own record; the published list says the same, but the row is fresher
    private static VerificationReport withIssuerState(IssuedCredential credential, VerificationReport report) {
        if (!credential.state().equals("suspended")) {
            return report;
        }
        List<Check> checks = new ArrayList<>();
        for (Check check : report.checks()) {
            checks.add(check.name() != CheckName.STATUS ? check : Check.failed(CheckName.STATUS, VerificationError.SUSPENDED,
                    "suspended by the issuer" + (credential.stateReason() == null ? "" : ": " + credential.stateReason())));
        }
        return VerificationReport.of(report.format(), checks, report.credential());
    }
}
