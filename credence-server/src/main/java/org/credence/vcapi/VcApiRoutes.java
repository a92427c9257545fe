package org.credence.vcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.standards.dataintegrity.ProofException;
import org.credence.standards.status.StatusPurpose;
import org.credence.standards.verification.Check;
import org.credence.standards.verification.Outcome;
import org.credence.standards.verification.VerificationReport;
import org.credence.tenant.Caller;
import org.credence.verification.ServerVerification;

/**
 * The W3C VC API endpoints (issue, change status, verify a credential or a presentation) with
 * their request and response shapes, so VC API clients and the public W3C test suites work.
 *
 * @see <a href="https://w3c-ccg.github.io/vc-api/">VC API</a>
 */
public final class VcApiRoutes {
    private VcApiRoutes() {}

    public static void register(JavalinConfig config, VcApiIssuer issuer, PresentationVerifier presentations,
                                ServerVerification verification, Auth auth) {
        config.routes.post("/credentials/issue", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            ObjectNode body = Json.body(ctx, Set.of("credential", "options"));
            JsonNode credential = body.get("credential");
            if (credential == null || !credential.isObject()) {
                throw Problem.badField("credential", "credential is required: the unsigned credential to issue, a JSON object");
            }
            ObjectNode signed = call(() -> issuer.issue(caller, (ObjectNode) credential, body.get("options")));
            ctx.status(201).json(Json.MAPPER.createObjectNode().set("verifiableCredential", signed));
        });
        config.routes.post("/credentials/status", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            ObjectNode body = Json.body(ctx, Set.of("credentialId", "credentialStatus", "status"));
            JsonNode credentialId = body.get("credentialId");
            if (credentialId == null || !credentialId.isTextual() || credentialId.asText().isBlank()) {
                throw Problem.badField("credentialId", "credentialId is required: the id of a credential issued with options.credentialStatus");
            }
            String id = credentialId.asText();
            List<VcApiIssuer.StatusChange> changes = statusChanges(id, body);
            ArrayNode results = Json.MAPPER.createArrayNode();
            for (VcApiIssuer.StatusChange change : changes) {
                boolean changed = call(() -> issuer.changeStatus(caller, change));
                results.addObject().put("type", "BitstringStatusListEntry").put("statusPurpose", change.purpose().jsonName())
                        .put("status", change.status()).put("changed", changed);
            }
            ObjectNode answer = Json.MAPPER.createObjectNode().put("credentialId", id);
            answer.set("credentialStatus", results);
            ctx.status(200).json(answer);
        });
        config.routes.post("/credentials/verify", ctx -> {
            ObjectNode body = Json.body(ctx, Set.of("verifiableCredential", "options"));
            JsonNode credential = body.get("verifiableCredential");
            if (credential == null || !credential.isObject()) {
                throw Problem.badField("verifiableCredential", "verifiableCredential is required and must be a JSON object");
            }
            VerificationReport report = verification.verify(credential.toString().getBytes(StandardCharsets.UTF_8));
            ctx.status(report.isValid() ? 200 : 400).json(result(report));
        });
        config.routes.post("/presentations/verify", ctx -> verifyPresentation(ctx, presentations));
    }

    /** VC API: 200 with {@code verified} whenever the presentation could be processed; 400 when it could not. */
    private static void verifyPresentation(Context ctx, PresentationVerifier presentations) {
        ObjectNode body = Json.body(ctx, Set.of("verifiablePresentation", "presentation", "options"));
        JsonNode options = body.path("options");
        if (!options.isMissingNode() && !options.isObject()) {
            throw Problem.badField("options", "options must be an object");
        }
        // the proofless form of the request names it "presentation"
        JsonNode presentation = body.has("verifiablePresentation") ? body.get("verifiablePresentation") : body.get("presentation");
        String challenge = Json.optionalText(options, "options.challenge", 2000);
        String domain = Json.optionalText(options, "options.domain", 2000);
        PresentationVerifier.Report report = call(() -> presentations.verify(presentation, challenge, domain));
        ObjectNode answer = Json.MAPPER.createObjectNode().put("verified", report.verified());
        ArrayNode checks = answer.putArray("checks");
        ArrayNode errors = answer.putArray("errors");
        ArrayNode problems = answer.putArray("problemDetails");
        ObjectNode results = answer.putObject("results");
        ArrayNode proofs = results.putArray("proof");
        for (PresentationVerifier.Check check : report.checks()) {
            if (check.passed()) {
                checks.add(check.name());
            } else {
                errors.addObject().put("check", check.name()).put("code", check.code()).put("message", check.message());
                problems.addObject().put("type", "https://www.w3.org/TR/vc-data-model#" + check.code()).put("title", check.code())
                        .put("detail", check.message());
            }
            switch (check.name()) {
                case "holder" -> results.putObject(check.name()).put("valid", check.passed());
                case "challenge", "domain" -> results.put(check.name(), false); // replaced below with its input
                case "proof" -> proofs.addObject().put("valid", check.passed());
                default -> { }
            }
        }
        // a challenge or domain holds when a proof verified and none was made for another one
        boolean signed = report.checks().stream().anyMatch(c -> c.name().equals("proof") && c.passed());
        boolean challengeHolds = signed && !results.has("challenge");
        boolean domainHolds = signed && !results.has("domain");
        if (challenge != null) {
            results.putObject("challenge").put("valid", challengeHolds).put("input", challenge);
        }
        if (domain != null) {
            results.putObject("domain").put("valid", domainHolds).put("input", domain);
        }
        ArrayNode credentials = answer.putArray("credentialResults");
        for (int i = 0; i < report.credentials().size(); i++) {
            VerificationReport credential = report.credentials().get(i);
            credentials.add(result(credential));
            if (!credential.isValid()) {
                errors.addObject().put("check", "verifiableCredential").put("credential", i)
                        .put("message", "credential " + i + " did not verify: " + firstFailure(credential));
            }
        }
        ctx.status(200).json(answer);
    }

    /** The credential result: passed checks by name, skipped ones as warnings, failed ones as errors. */
    private static ObjectNode result(VerificationReport report) {
        ObjectNode result = Json.MAPPER.createObjectNode();
        ArrayNode checks = result.putArray("checks");
        ArrayNode warnings = result.putArray("warnings");
        ArrayNode errors = result.putArray("errors");
        for (Check check : report.checks()) {
            String name = check.name().name().toLowerCase(Locale.ROOT);
            if (check.outcome() == Outcome.PASSED) {
                checks.add(name);
            } else if (check.outcome() == Outcome.SKIPPED) {
                warnings.addObject().put("check", name).put("message", check.reason());
            } else {
                errors.addObject().put("check", name).put("code", check.error().name()).put("message", check.reason());
            }
        }
        result.put("verified", report.isValid());
        return result;
    }

    private static String firstFailure(VerificationReport report) {
        return report.checks().stream().filter(c -> c.outcome() == Outcome.FAILED).map(Check::reason).findFirst().orElse("not verified");
    }

    /**
     * The changes a status request asks for: the VC API's {@code credentialStatus} object with a
     * top-level {@code status}, or a list of entries each with its own {@code status}.
     */
    private static List<VcApiIssuer.StatusChange> statusChanges(String id, ObjectNode body) {
        JsonNode status = body.get("credentialStatus");
        if (status == null || !(status.isObject() || (status.isArray() && !status.isEmpty()))) {
            throw Problem.badField("credentialStatus", "credentialStatus is required: {\"type\": \"BitstringStatusListEntry\", \"statusPurpose\": ...}");
        }
        List<VcApiIssuer.StatusChange> changes = new ArrayList<>();
        for (JsonNode entry : CredentialRules.entries(body, "credentialStatus")) {
            String type = entry.path("type").asText("");
            if (!type.equals("BitstringStatusListEntry") && !type.equals("BitstringStatusList")) {
                throw Problem.badField("credentialStatus.type", "credentialStatus.type must be BitstringStatusListEntry");
            }
            JsonNode value = entry.has("status") ? entry.get("status") : body.get("status");
            if (value == null || !value.isBoolean()) {
                throw Problem.badField("status", "status is required: true sets the bit (revoked, suspended), false clears it");
            }
            StatusPurpose purpose = switch (entry.path("statusPurpose").asText("")) {
                case "revocation" -> StatusPurpose.REVOCATION;
                case "suspension" -> StatusPurpose.SUSPENSION;
                default -> throw Problem.badField("credentialStatus.statusPurpose", "statusPurpose must be revocation or suspension");
            };
            changes.add(new VcApiIssuer.StatusChange(id, purpose, value.asBoolean()));
        }
        return changes;
    }

    /** Runs a VC API service call, turning its domain refusals into problems. */
    private static <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (VcApiException e) {
            throw switch (e.kind()) {
                case INVALID -> Problem.badField(e.field(), e.getMessage());
                case NOT_FOUND -> Problem.notFound(e.getMessage());
                case CONFLICT -> Problem.conflict(e.getMessage());
            };
        } catch (ProofException e) {
            // JSON-LD could not read the credential: an unknown context or an undefined term
            throw Problem.invalidField("credential", "the credential cannot be signed: " + e.getMessage());
        }
    }
}
