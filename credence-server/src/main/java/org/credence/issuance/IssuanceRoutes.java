package org.credence.issuance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.util.Set;
import org.credence.audit.AuditTrail;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.lifecycle.Lifecycle;
import org.credence.tenant.Caller;

/** Issuing credentials, changing their state, and the audit trail. */
public final class IssuanceRoutes {
    private IssuanceRoutes() {}

    public static void register(JavalinConfig config, Issuance issuance, Lifecycle lifecycle, AuditTrail audit, Auth auth, URI publicUrl) {
        config.routes.post("/api/v1/credentials", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            Issuance.Issued issued;
            try {
                issued = issuance.issue(caller, Json.body(ctx, Issuance.FIELDS), ctx.header("Idempotency-Key"));
            } catch (Idempotency.KeyReused e) {
                throw Problem.unprocessable("Idempotency-Key is already used", e.getMessage());
            }
            ctx.status(issued.created() ? 201 : 200).json(json(issued.credential(), publicUrl));
        });
        for (String action : new String[] {"revoke", "suspend", "reinstate"}) {
            config.routes.post("/api/v1/credentials/{id}/" + action, ctx -> {
                Caller caller = auth.requireTenant(ctx, "issue");
                ObjectNode body = ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.body(ctx, Set.of("reason"));
                String reason = Json.optionalText(body, "reason", 1000);
                if (!action.equals("reinstate") && reason == null) {
                    throw Problem.invalidField("reason", "say why the credential is " + (action.equals("revoke") ? "revoked" : "suspended"));
                }
                ctx.json(json(lifecycle.change(caller, ctx.pathParam("id"), action, reason), publicUrl));
            });
        }
        config.routes.get("/api/v1/audit", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            long before = parseLong(ctx.queryParam("before"), 0);
            int limit = (int) Math.min(500, Math.max(1, parseLong(ctx.queryParam("limit"), 100)));
            ctx.json(Json.MAPPER.createObjectNode().set("items", audit.list(caller.tenantId(), before, limit)));
        });
    }

    public static ObjectNode json(IssuedCredential c, URI publicUrl) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", c.id().toString());
        node.put("number", c.number());
        node.put("verifyUrl", publicUrl + "/verify/" + c.number());
        node.put("state", c.state());
        if (c.stateReason() != null) {
            node.put("reason", c.stateReason());
        }
        node.set("credential", c.document());
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
}
