package org.credence.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Pages;
import org.credence.http.Problem;
import org.credence.i18n.Messages;
import org.credence.tenant.Caller;
import org.credence.user.Role;
import org.credence.user.SignedIn;
import org.credence.user.Sessions;

/**
 * {@code /api/v1/webhooks}: a tenant's endpoints, their secrets, delivery logs, redelivery and test pings. Webhooks
 * send the tenant's data to another system, so only an owner manages them: an API key with the {@code admin} scope,
 * or a signed-in user with the owner role.
 */
public final class WebhookRoutes {
    private static final String BASE = "/api/v1/webhooks";
    private static final Set<String> FIELDS = Set.of("url", "events", "description", "enabled");
    private static final int PAGE = 50;

    private WebhookRoutes() {}

    public static void register(JavalinConfig config, Webhooks webhooks, Auth auth, Sessions sessions) {
        config.routes.get(BASE + "/event-types", ctx -> {
            owner(ctx, auth, sessions);
            Messages texts = Messages.of("webhooks", Pages.language(ctx));
            ArrayNode items = Json.MAPPER.createArrayNode();
            Webhooks.EVENT_TYPES.forEach(type -> items.addObject().put("type", type).put("description", texts.text("event." + type)));
            ctx.json(Json.MAPPER.createObjectNode().set("items", items));
        });
        config.routes.post(BASE, ctx -> {
            Access access = owner(ctx, auth, sessions);
            Webhooks.WithSecret created = webhooks.create(access.tenantId(), access.actor(), subscription(Json.body(ctx, FIELDS)));
            ctx.status(201).header("Location", BASE + "/" + created.endpoint().id()).json(WebhookJson.endpoint(created.endpoint()).put("secret", created.secret()));
        });
        config.routes.get(BASE, ctx -> {
            Access access = owner(ctx, auth, sessions);
            ArrayNode items = Json.MAPPER.createArrayNode();
            webhooks.list(access.tenantId()).forEach(e -> items.add(WebhookJson.endpoint(e)));
            ctx.json(Json.MAPPER.createObjectNode().set("items", items));
        });
        config.routes.get(BASE + "/{id}", ctx -> {
            Access access = owner(ctx, auth, sessions);
            ctx.json(WebhookJson.endpoint(webhooks.get(access.tenantId(), id(ctx))));
        });
        config.routes.patch(BASE + "/{id}", ctx -> {
            Access access = owner(ctx, auth, sessions);
            ctx.json(WebhookJson.endpoint(webhooks.update(access.tenantId(), access.actor(), id(ctx), subscription(Json.body(ctx, FIELDS)))));
        });
        config.routes.delete(BASE + "/{id}", ctx -> {
            Access access = owner(ctx, auth, sessions);
            webhooks.delete(access.tenantId(), access.actor(), id(ctx));
            ctx.status(204);
        });
        config.routes.post(BASE + "/{id}/rotate-secret", ctx -> {
            Access access = owner(ctx, auth, sessions);
            Webhooks.WithSecret rotated = webhooks.rotateSecret(access.tenantId(), access.actor(), id(ctx));
            ctx.json(WebhookJson.endpoint(rotated.endpoint()).put("secret", rotated.secret()));
        });
        config.routes.get(BASE + "/{id}/deliveries", ctx -> {
            Access access = owner(ctx, auth, sessions);
            long endpoint = id(ctx);
            String beforeText = ctx.queryParam("before");
            UUID before = beforeText == null ? null : uuid(beforeText, "before");
            int limit = limit(ctx.queryParam("limit"));
            List<WebhookDelivery> page = webhooks.deliveries(access.tenantId(), endpoint, before, limit);
            ObjectNode body = Json.MAPPER.createObjectNode();
            ArrayNode items = body.putArray("items");
            page.forEach(d -> items.add(WebhookJson.delivery(d)));
            if (page.size() == limit) {
                body.put("next", BASE + "/" + endpoint + "/deliveries?limit=" + limit + "&before=" + page.get(page.size() - 1).id());
            } else {
                body.putNull("next");
            }
            ctx.json(body);
        });
        config.routes.post(BASE + "/{id}/deliveries/{deliveryId}/redeliver", ctx -> {
            Access access = owner(ctx, auth, sessions);
            long endpoint = id(ctx);
            UUID delivery = uuid(ctx.pathParam("deliveryId"), "deliveryId");
            ctx.json(WebhookJson.delivery(webhooks.redeliver(access.tenantId(), access.actor(), endpoint, delivery)));
        });
        config.routes.post(BASE + "/{id}/test", ctx -> {
            Access access = owner(ctx, auth, sessions);
            ctx.json(WebhookJson.delivery(webhooks.test(access.tenantId(), access.actor(), id(ctx))));
        });
    }

    private record Access(long tenantId, String actor) {}

    /** An owner: a key with the admin scope, or a signed-in owner (a 401 or 403 problem otherwise). */
    private static Access owner(Context ctx, Auth auth, Sessions sessions) {
        if (ctx.header("Authorization") != null) {
            Caller caller = auth.requireTenant(ctx, "admin");
            return new Access(caller.tenantId(), caller.actor());
        }
        SignedIn signedIn = sessions.current(ctx).orElseThrow(() -> Problem.unauthorized("send an API key as 'Authorization: Bearer <key>', or sign in"));
        if (signedIn.user().role() != Role.OWNER) {
            throw Problem.forbidden("only an owner manages webhooks (your role is " + signedIn.user().role().json() + ")");
        }
        return new Access(signedIn.user().tenantId(), signedIn.actor());
    }

    private static Webhooks.Subscription subscription(ObjectNode body) {
        List<String> events = null;
        JsonNode list = body.get("events");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw Problem.invalidField("events", "events is a list of event types, e.g. [\"credential.issued\"]");
            }
            events = new ArrayList<>();
            for (JsonNode event : list) {
                if (!event.isTextual()) {
                    throw Problem.invalidField("events", "each event type is a string");
                }
                events.add(event.asText());
            }
        }
        JsonNode enabled = body.get("enabled");
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
            throw Problem.invalidField("enabled", "enabled is true or false");
        }
        return new Webhooks.Subscription(Json.optionalText(body, "url", WebhookTargets.MAX_URL), events,
                Json.optionalText(body, "description", Webhooks.MAX_DESCRIPTION),
                enabled == null || enabled.isNull() ? null : enabled.asBoolean());
    }

    private static long id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw Problem.notFound("no webhook endpoint " + text + " in this tenant");
    }

    private static UUID uuid(String text, String name) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Problem.badParameter(name, name + " is a delivery id (a UUID), not '" + text + "'");
        }
    }

    private static int limit(String text) {
        if (text == null) {
            return PAGE;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= 500) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw Problem.badParameter("limit", "limit is a whole number from 1 to 500");
    }
}
