package org.credence.vcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.dataintegrity.ProofException;
import org.credence.standards.jsonld.BundledContexts;
import org.credence.standards.jsonld.TitaniumCanonicalizer;
import org.credence.standards.verification.KeyResolutionException;
import org.credence.standards.verification.KeyResolver;
import org.credence.standards.verification.ResolvedKey;
import org.credence.standards.verification.VerificationReport;
import org.credence.verification.ServerVerification;

/**
 * Verifies a W3C Verifiable Presentation: its shape, its Data Integrity proof when it has one
 * (purpose {@code authentication}, the verifier's {@code challenge} and {@code domain}, signed by
 * the holder), and every credential it carries, each as {@code POST /credentials/verify} would.
 */
public final class PresentationVerifier {
    static final String AUTHENTICATION = "authentication";

    /**
     * One check of the presentation itself.
     *
     * @param code an error code such as {@code CHALLENGE_MISMATCH} when it failed, null when it passed
     */
    public record Check(String name, String code, String message) {
        public boolean passed() {
            return code == null;
        }
    }

    /** The presentation's own checks and the report of each credential, in order. */
    public record Report(List<Check> checks, List<VerificationReport> credentials) {
        public boolean verified() {
            return checks.stream().allMatch(Check::passed) && credentials.stream().allMatch(VerificationReport::isValid);
        }
    }

    private final ServerVerification verification;
    private final EddsaRdfc2022 suite;
    private final KeyResolver keys;

    /**
     * Presentation proofs are canonicalized by the plain titanium pipeline: they are signed once
     * per presentation, and the fast path's term check misreads {@code authentication}, which
     * expands to {@code …#authenticationMethod}.
     */
    public PresentationVerifier(ServerVerification verification) {
        this.verification = verification;
        this.suite = new EddsaRdfc2022(new TitaniumCanonicalizer());
        this.keys = verification.keys();
    }

    /**
     * Verifies {@code presentation}; a {@code challenge} or {@code domain} given (non-null) must be
     * what its proof was made for.
     *
     * @throws VcApiException when the input is not a presentation object or carries a credential that is not an object
     */
    public Report verify(JsonNode presentation, String challenge, String domain) {
        if (presentation == null || !presentation.isObject()) {
            throw VcApiException.invalid("verifiablePresentation", "verifiablePresentation must be a JSON object");
        }
        List<JsonNode> credentials = CredentialRules.entries(presentation, "verifiableCredential");
        for (JsonNode credential : credentials) {
            if (!credential.isObject()) {
                throw VcApiException.invalid("verifiablePresentation.verifiableCredential",
                        "each verifiableCredential must be a JSON object (a credential or an enveloped credential), not " + credential.getNodeType());
            }
        }
        List<Check> checks = new ArrayList<>();
        checks.add(shape((ObjectNode) presentation));
        checks.addAll(proof((ObjectNode) presentation, challenge, domain));
        List<VerificationReport> reports = new ArrayList<>();
        for (JsonNode credential : credentials) {
            reports.add(verification.verify(credential.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return new Report(checks, reports);
    }

    private static Check shape(ObjectNode presentation) {
        JsonNode context = presentation.get("@context");
        if (context == null || !context.isArray() || context.isEmpty()
                || !(CredentialRules.VC_V2.equals(context.get(0).asText()) || CredentialRules.VC_V1.equals(context.get(0).asText()))) {
            return failed("context", "INVALID_CONTEXT", "@context must be an array whose first item is " + CredentialRules.VC_V2);
        }
        for (JsonNode entry : context) {
            if (entry.isTextual() ? !BundledContexts.isBundled(entry.asText()) : !entry.isObject()) {
                return failed("context", "INVALID_CONTEXT", "@context " + entry + " is not a context Credence knows (it never fetches contexts)");
            }
        }
        JsonNode type = presentation.get("type");
        boolean typed = type != null && (type.isArray()
                ? CredentialRules.entries(presentation, "type").stream().anyMatch(t -> "VerifiablePresentation".equals(t.asText()))
                : "VerifiablePresentation".equals(type.asText()));
        if (!typed) {
            return failed("type", "INVALID_TYPE", "type must include VerifiablePresentation");
        }
        JsonNode holder = presentation.get("holder");
        if (holder != null && !CredentialRules.isUrl(holder.isObject() ? holder.get("id") : holder)) {
            return failed("holder", "INVALID_HOLDER", "holder must be a URL or an object whose id is a URL");
        }
        return new Check("presentation", null, "a verifiable presentation with " + CredentialRules.entries(presentation, "verifiableCredential").size()
                + " credential(s)");
    }

    private List<Check> proof(ObjectNode presentation, String challenge, String domain) {
        List<JsonNode> proofs = CredentialRules.entries(presentation, "proof");
        if (proofs.isEmpty()) {
            if (challenge != null || domain != null) {
                return List.of(failed("proof", "PROOF_MISSING", "a challenge or domain was given, but the presentation is not signed"));
            }
            return List.of(new Check("proof", null, "no proof: a presentation without holder binding; only its credentials are verified"));
        }
        List<Check> checks = new ArrayList<>();
        for (JsonNode proof : proofs) {
            if (!AUTHENTICATION.equals(proof.path("proofPurpose").asText())) {
                checks.add(failed("proof", "PROOF_PURPOSE_MISMATCH", "a presentation proof's purpose must be authentication, not "
                        + proof.path("proofPurpose").asText("(none)")));
                continue;
            }
            if (challenge != null && !challenge.equals(proof.path("challenge").asText(null))) {
                checks.add(failed("challenge", "CHALLENGE_MISMATCH", "the proof was not made for the challenge " + challenge));
                continue;
            }
            if (domain != null && !domains(proof).contains(domain)) {
                checks.add(failed("domain", "DOMAIN_MISMATCH", "the proof was not made for the domain " + domain));
                continue;
            }
            String method = proof.path("verificationMethod").asText("");
            Optional<ResolvedKey> key;
            try {
                key = method.isEmpty() ? Optional.empty() : keys.resolve(method);
            } catch (KeyResolutionException e) {
                checks.add(failed("proof", "KEY_RESOLUTION_FAILED", e.getMessage()));
                continue;
            }
            if (key.isEmpty()) {
                checks.add(failed("proof", "KEY_NOT_FOUND", "no key could be found for " + (method.isEmpty() ? "the proof" : method)));
                continue;
            }
            try {
                suite.verify(presentation, proof, key.get().key());
            } catch (ProofException e) {
                checks.add(failed("proof", e.code().name(), e.getMessage()));
                continue;
            }
            JsonNode holder = presentation.get("holder");
            String holderId = holder == null ? null : holder.isObject() ? holder.path("id").asText() : holder.asText();
            if (holderId != null && !holderId.equals(key.get().controller())) {
                checks.add(failed("holder", "HOLDER_MISMATCH", "signed with a key of " + key.get().controller() + ", but the holder is " + holderId));
                continue;
            }
            checks.add(new Check("proof", null, "the eddsa-rdfc-2022 signature of " + key.get().controller() + " matches the presentation"));
        }
        return checks;
    }

    private static List<String> domains(JsonNode proof) {
        List<String> list = new ArrayList<>();
        CredentialRules.entries(proof, "domain").forEach(d -> list.add(d.asText()));
        return list;
    }

    private static Check failed(String name, String code, String message) {
        return new Check(name, code, message);
    }
}
