package org.credence.issuance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.credence.audit.AuditTrail;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.lifecycle.Lifecycle;
import org.credence.lifecycle.StateChange;
import org.credence.standards.model.Evidence;
import org.credence.tenant.Caller;

/** Issuing credentials, changing their state, and the audit trail. */
public final class IssuanceRoutes {
    private static final Set<String> FIELDS = Set.of("achievementId", "recipient", "issuedAt", "expiresAt", "grade", "evidence", "notify", "completedAt");

    private IssuanceRoutes() {}

    public static void register(JavalinConfig config, Issuance issuance, Lifecycle lifecycle, AuditTrail audit, Auth auth, URI publicUrl, java.time.Clock clock) {
        config.routes.post("/api/v1/credentials", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            Issuance.Issued issued;
            try {
                issued = issuance.issue(caller, command(Json.body(ctx, FIELDS), ctx.header("Idempotency-Key")));
            } catch (Idempotency.KeyReused e) {
                throw Problem.unprocessable("Idempotency-Key is already used", e.getMessage());
            }
            ctx.status(issued.created() ? 201 : 200).json(json(issued.credential(), publicUrl, clock.instant()));
        });
        for (StateChange.Action action : StateChange.Action.values()) {
            config.routes.post("/api/v1/credentials/{id}/" + action.word(), ctx -> {
                Caller caller = auth.requireTenant(ctx, "issue");
                ObjectNode body = ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.body(ctx, Set.of("reason"));
                // the command says what a reason must be; Json only checks it is text
                String reason = Json.optionalText(body, "reason", StateChange.MAX_REASON);
                ctx.json(json(lifecycle.change(caller, new StateChange(ctx.pathParam("id"), action, reason)), publicUrl, clock.instant()));
            });
        }
        config.routes.get("/api/v1/audit", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            long before = parseLong(ctx.queryParam("before"), 0);
            int limit = (int) Math.min(500, Math.max(1, parseLong(ctx.queryParam("limit"), 100)));
            ctx.json(Json.MAPPER.createObjectNode().set("items", audit.list(caller.tenantId(), before, limit)));
        });
    }

    /** A credential as the API answers it; {@code state} is its standing at {@code now}, so an expired one says {@code expired}. */
    public static ObjectNode json(IssuedCredential c, URI publicUrl, Instant now) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", c.id().toString());
        node.put("number", c.number());
        node.put("verifyUrl", publicUrl + "/verify/" + c.number());
        node.put("state", IssuedCredential.standing(c.state(), c.expiresAt(), now));
        if (c.stateReason() != null) {
            node.put("reason", c.stateReason());
        }
        // the signed text as issued, written as it is: no parse and re-serialisation per answer
        node.putRawValue("credential", new com.fasterxml.jackson.databind.util.RawValue(c.documentText()));
        return node;
    }

    private static long parseLong(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("'" + text + "' is not a number");
        }
    }

    /** The issuance request in {@code body}, validated, as a command; a field at fault is a 422 naming it. */
    static IssueCommand command(ObjectNode body, String idempotencyKey) {
        JsonNode id = body.get("achievementId");
        if (id == null || !id.canConvertToLong() || !id.isIntegralNumber()) {
            throw Problem.invalidField("achievementId", "achievementId is required and must be the number of an achievement");
        }
        JsonNode recipient = body.get("recipient");
        if (recipient == null || !recipient.isObject()) {
            throw Problem.invalidField("recipient", "recipient is required: {\"name\": …, \"email\": …}");
        }
        recipient.fieldNames().forEachRemaining(f -> {
            if (!f.equals("name") && !f.equals("email")) {
                throw Problem.invalidField("recipient." + f, "unknown field 'recipient." + f + "'; allowed: name, email");
            }
        });
        String name = Json.requiredText(recipient, "recipient.name", 300);
        String email = Json.requiredText(recipient, "recipient.email", 320);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw Problem.invalidField("recipient.email", "recipient.email is not an e-mail address: " + email);
        }
        Instant issuedAt = instant(body, "issuedAt");
        List<Evidence> evidence = new ArrayList<>();
        JsonNode given = body.path("evidence");
        if (!given.isMissingNode() && !given.isArray()) {
            throw Problem.invalidField("evidence", "evidence must be a list of {url?, name?, narrative?}");
        }
        for (JsonNode e : given) {
            String url = Json.optionalText(e, "evidence.url", 2000);
            if (url != null && !url.matches("https?://\\S+")) {
                throw Problem.invalidField("evidence.url", "evidence.url must be an http(s) URL");
            }
            try {
                evidence.add(new Evidence(url, Json.optionalText(e, "evidence.name", 300), null, Json.optionalText(e, "evidence.narrative", 5000), null, null));
            } catch (RuntimeException invalid) {
                throw Problem.invalidField("evidence", invalid.getMessage());
            }
        }
        JsonNode notify = body.path("notify");
        if (!notify.isMissingNode() && !notify.isBoolean()) {
            throw Problem.invalidField("notify", "notify must be true or false (false: the recipient gets no mail)");
        }
        Instant expiresAt = instant(body, "expiresAt");
        String grade = Json.optionalText(body, "grade", 100);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw Problem.badRequest("the Idempotency-Key header must be 1-200 characters");
        }
        return new IssueCommand(id.asLong(), name, email, issuedAt, expiresAt, grade, evidence,
                notify.asBoolean(true), idempotencyKey == null ? null : Idempotency.of(idempotencyKey, body), instant(body, "completedAt"));
    }

    private static Instant instant(JsonNode body, String field) {
        String value = Json.optionalText(body, field, 40);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw Problem.invalidField(field, field + " '" + value + "' is not an ISO-8601 date-time such as 2025-01-31T12:00:00Z");
        }
    }
}
