package org.credence.vcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.Set;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.dataintegrity.ProofException;
import org.credence.standards.verification.Check;
import org.credence.standards.verification.Outcome;
import org.credence.standards.verification.VerificationReport;
import org.credence.tenant.Caller;
import org.credence.tenant.Tenant;
import org.credence.tenant.TenantKeys;
import org.credence.tenant.Tenants;
import org.credence.verification.ServerVerification;

/**
 * The W3C VC API issuer and verifier endpoints, with their request and response shapes, so the
 * public W3C test suites can be pointed at a local server.
 *
 * @see <a href="https://w3c-ccg.github.io/vc-api/">VC API</a>
 */
public final class VcApiRoutes {
    private VcApiRoutes() {}

    public static void register(JavalinConfig config, Tenants tenants, TenantKeys keys, EddsaRdfc2022 suite,
                                ServerVerification verification, Auth auth, Clock clock) {
        config.routes.post("/credentials/issue", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            ObjectNode body = Json.body(ctx, Set.of("credential", "options"));
            JsonNode credential = body.get("credential");
            if (credential == null || !credential.isObject()) {
                throw Problem.invalidField("credential", "credential is required: the unsigned credential to issue");
            }
            Tenant tenant = tenants.byId(caller.tenantId());
            ObjectNode unsigned = ((ObjectNode) credential).deepCopy();
            JsonNode issuer = unsigned.get("issuer");
            String issuerId = issuer == null ? null : issuer.isTextual() ? issuer.asText() : issuer.path("id").asText(null);
            if (issuerId == null) {
                unsigned.put("issuer", tenant.did());
            } else if (!issuerId.equals(tenant.did())) {
                throw Problem.invalidField("credential.issuer", "this key issues as " + tenant.did() + ", not " + issuerId);
            }
            TenantKeys.SigningKey key = keys.signingKey(tenant);
            try {
                ObjectNode signed = suite.sign(unsigned, key.keys(), key.verificationMethod(), clock.instant());
                ctx.status(201).json(Json.MAPPER.createObjectNode().set("verifiableCredential", signed));
            } catch (ProofException e) {
                throw Problem.invalidField("credential", "the credential cannot be signed: " + e.getMessage());
            }
        });
        config.routes.post("/credentials/verify", ctx -> {
            ObjectNode body = Json.body(ctx, Set.of("verifiableCredential", "options"));
            JsonNode credential = body.get("verifiableCredential");
            if (credential == null || !(credential.isObject() || credential.isTextual())) {
                throw Problem.invalidField("verifiableCredential", "verifiableCredential is required");
            }
            byte[] input = (credential.isTextual() ? credential.asText() : credential.toString()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            VerificationReport report = verification.verify(input);
            ObjectNode result = Json.MAPPER.createObjectNode();
            ArrayNode checks = result.putArray("checks");
            ArrayNode warnings = result.putArray("warnings");
            ArrayNode errors = result.putArray("errors");
            for (Check check : report.checks()) {
                if (check.outcome() == Outcome.PASSED) {
                    checks.add(check.name().name().toLowerCase(java.util.Locale.ROOT));
                } else if (check.outcome() == Outcome.SKIPPED) {
                    warnings.addObject().put("check", check.name().name().toLowerCase(java.util.Locale.ROOT)).put("message", check.reason());
                } else {
                    errors.addObject().put("check", check.name().name().toLowerCase(java.util.Locale.ROOT))
                            .put("code", check.error().name()).put("message", check.reason());
                }
            }
            result.put("verified", report.isValid());
            ctx.status(report.isValid() ? 200 : 400).json(result);
        });
    }
}
