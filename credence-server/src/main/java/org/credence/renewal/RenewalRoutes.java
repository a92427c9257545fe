package org.credence.renewal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credence.http.FormMessage;
import org.credence.domain.DomainException;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Pages;
import org.credence.http.Problem;
import org.credence.http.SameOrigin;
import org.credence.i18n.Messages;
import org.credence.issuance.IssuanceRoutes;
import org.credence.issuance.IssuedCredential;
import org.credence.tenant.Caller;

/**
 * The renewal API (renew, lineage, e-mail change, each achievement's renewal policy, the tenant's notice settings)
 * and the recipient's renewal page behind the link of a reminder mail.
 */
public final class RenewalRoutes {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private RenewalRoutes() {}

    public static void register(JavalinConfig config, RenewalModule module, Auth auth) {
        Renewals renewals = module.renewals();
        RenewalSettings settings = module.settings();
        var publicUrl = module.publicUrl();
        config.routes.post("/api/v1/credentials/{id}/renew", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            ObjectNode body = ctx.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.body(ctx, Set.of("expiresAt", "notify"));
            JsonNode notify = body.path("notify");
            if (!notify.isMissingNode() && !notify.isBoolean()) {
                throw Problem.invalidField("notify", "notify must be true or false (false: the recipient gets no mail)");
            }
            Renewals.Renewed renewed = renewals.renew(caller, new RenewCommand(ctx.pathParam("id"), instant(body, "expiresAt"), notify.asBoolean(true)));
            ctx.status(201).json(IssuanceRoutes.json(renewed.successor(), publicUrl, module.clock().instant()).put("renews", renewed.previous().number()));
        });
        config.routes.get("/api/v1/credentials/{id}/lineage", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            ArrayNode items = Json.MAPPER.createArrayNode();
            for (IssuedCredential c : renewals.lineage(caller.tenantId(), ctx.pathParam("id"))) {
                items.addObject().put("id", c.id().toString()).put("number", c.number()).put("state", c.state())
                        .put("issuedAt", c.issuedAt().toString()).put("expiresAt", c.expiresAt() == null ? null : c.expiresAt().toString())
                        .put("verifyUrl", publicUrl + "/verify/" + c.number());
            }
            ctx.json(Json.MAPPER.createObjectNode().set("items", items));
        });
        config.routes.post("/api/v1/credentials/{id}/email", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            ObjectNode body = Json.body(ctx, Set.of("email"));
            String reissue = ctx.queryParam("reissue");
            if (reissue != null && !reissue.equals("true") && !reissue.equals("false")) {
                throw Problem.badParameter("reissue", "reissue must be true or false");
            }
            // the command checks the address, for this API and the app's form alike
            EmailChange command = new EmailChange(ctx.pathParam("id"), Json.optionalText(body, "email", EmailChange.MAX_EMAIL), "true".equals(reissue));
            EmailChanges.Changed changed = module.emails().change(caller, command);
            ObjectNode answer = Json.MAPPER.createObjectNode().put("email", command.email());
            answer.set("moved", numbers(changed.moved()));
            answer.set("reissued", numbers(changed.reissued()));
            ctx.json(answer);
        });
        config.routes.get("/api/v1/achievements/{id}/renewal", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            ctx.json(json(settings.policy(caller.tenantId(), achievementId(ctx))));
        });
        config.routes.put("/api/v1/achievements/{id}/renewal", ctx -> {
            Caller caller = auth.requireTenant(ctx, "issue");
            ctx.json(json(settings.save(caller, policy(achievementId(ctx), Json.body(ctx, Set.of("reminderDays", "fee"))))));
        });
        config.routes.get("/api/v1/settings/state-notices", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            ctx.json(json(settings.notices(caller.tenantId())));
        });
        config.routes.put("/api/v1/settings/state-notices", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            ObjectNode body = Json.body(ctx, Set.of("revoked", "suspended"));
            for (String field : List.of("revoked", "suspended")) {
                if (!body.path(field).isBoolean()) {
                    throw Problem.invalidField(field, field + " is required: true (tell the recipient) or false");
                }
            }
            ctx.json(json(settings.saveNotices(caller, new StateNoticeSettings(body.get("revoked").asBoolean(), body.get("suspended").asBoolean()))));
        });
        registerPage(config, renewals, new SameOrigin(publicUrl));
    }

    /** The recipient's page: the credential, the new expiry and fee, and a button; the form renews once. */
    private static void registerPage(JavalinConfig config, Renewals renewals, SameOrigin sameOrigin) {
        config.routes.get("/renew/{token}", ctx -> {
            String lang = Pages.language(ctx);
            Map<String, String> t = Messages.of("renewal", lang).table();
            var view = renewals.open(ctx.pathParam("token"));
            if (view.isEmpty()) {
                html(ctx, 404, notice(lang, t.get("page.unknown.title"), t.get("page.unknown.text")));
                return;
            }
            Renewals.LinkView v = view.get();
            if (v.unusable() != null) {
                html(ctx, 410, notice(lang, t.get("page.unusable.title"), t.get("page.unusable." + v.unusable())));
                return;
            }
            String fee = v.policy().feeAmount() == null ? null : v.policy().feeAmount().toPlainString() + " " + v.policy().feeCurrency();
            html(ctx, 200, Pages.render("renewal/form.jte", Map.of("lang", lang, "t", t, "token", ctx.pathParam("token"),
                    "number", v.credential().number(), "achievement", v.achievement(), "issuer", v.issuer(),
                    "expires", v.credential().expiresAt() == null ? "" : DAY.format(v.credential().expiresAt()),
                    "newExpiry", v.newExpiry() == null ? t.get("page.never") : DAY.format(v.newExpiry()), "fee", fee == null ? "" : fee)));
        });
        config.routes.post("/renew/{token}", ctx -> {
            String lang = Pages.language(ctx);
            Map<String, String> t = Messages.of("renewal", lang).table();
            if (sameOrigin.crossSite(ctx)) {
                html(ctx, 403, notice(lang, t.get("page.crosssite.title"), t.get("page.crosssite.text")));
                return;
            }
            try {
                IssuedCredential renewal = renewals.renewByLink(ctx.pathParam("token"));
                html(ctx, 200, Pages.render("claim/notice.jte", Map.of("lang", lang, "title", t.get("page.done.title"),
                        "message", Messages.of("renewal", lang).format("page.done.text", Map.of("number", renewal.number())),
                        "backUrl", "/c/" + renewal.number() + (lang.equals("en") ? "" : "?lang=" + lang), "backLabel", t.get("page.done.open"))));
            } catch (DomainException.NotFound unknown) {
                html(ctx, 404, notice(lang, t.get("page.unknown.title"), t.get("page.unknown.text")));
            } catch (DomainException.Conflict used) {
                html(ctx, 410, notice(lang, t.get("page.unusable.title"), FormMessage.of(used, lang).text()));
            }
        });
    }

    private static String notice(String lang, String title, String message) {
        return Pages.render("claim/notice.jte", Map.of("lang", lang, "title", title, "message", message));
    }

    private static void html(Context ctx, int status, String page) {
        // a single-use link: keep it out of caches and other sites' referrers
        ctx.status(status).contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").header("Referrer-Policy", "same-origin")
                .result(page);
    }

    private static ArrayNode numbers(List<IssuedCredential> credentials) {
        ArrayNode numbers = Json.MAPPER.createArrayNode();
        credentials.forEach(c -> numbers.add(c.number()));
        return numbers;
    }

    private static long achievementId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Problem.notFound("no achievement " + ctx.pathParam("id"));
        }
    }

    static RenewalPolicy policy(long achievementId, ObjectNode body) {
        List<Integer> days = new ArrayList<>();
        JsonNode given = body.path("reminderDays");
        if (given.isMissingNode()) {
            days.addAll(RenewalPolicy.DEFAULT_DAYS);
        } else if (!given.isArray()) {
            throw Problem.invalidField("reminderDays", "reminderDays must be a list of days before expiry, e.g. [90, 30, 7]");
        }
        for (JsonNode d : given) {
            if (!d.isIntegralNumber()) {
                throw Problem.invalidField("reminderDays", "reminderDays must be whole numbers of days, e.g. [90, 30, 7]");
            }
            days.add(d.asInt());
        }
        JsonNode fee = body.path("fee");
        if (fee.isMissingNode() || fee.isNull()) {
            return new RenewalPolicy(achievementId, days, null, null);
        }
        if (!fee.isObject() || !fee.path("amount").isNumber() && !fee.path("amount").isTextual() || !fee.path("currency").isTextual()) {
            throw Problem.invalidField("fee", "fee must be {\"amount\": 150.00, \"currency\": \"EUR\"} or null");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(fee.get("amount").asText()).setScale(2, java.math.RoundingMode.HALF_EVEN);
        } catch (NumberFormatException e) {
            throw Problem.invalidField("fee.amount", "fee.amount must be a number such as 150.00");
        }
        return new RenewalPolicy(achievementId, days, amount, fee.get("currency").asText());
    }

    static ObjectNode json(RenewalPolicy policy) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("achievementId", policy.achievementId());
        ArrayNode days = node.putArray("reminderDays");
        policy.reminderDays().forEach(days::add);
        if (policy.feeAmount() == null) {
            node.putNull("fee");
        } else {
            node.putObject("fee").put("amount", policy.feeAmount().toPlainString()).put("currency", policy.feeCurrency());
        }
        return node;
    }

    private static ObjectNode json(StateNoticeSettings settings) {
        return Json.MAPPER.createObjectNode().put("revoked", settings.revoked()).put("suspended", settings.suspended());
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
