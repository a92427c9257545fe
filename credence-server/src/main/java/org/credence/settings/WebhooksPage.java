package org.credence.settings;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.i18n.Messages;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;
import org.credence.webhook.WebhookDelivery;
import org.credence.webhook.WebhookEndpoint;
import org.credence.webhook.Webhooks;

/**
 * {@code /app/webhooks}: the organisation's webhook endpoints (add with URL and events, the secret
 * shown once), one endpoint's settings and delivery log with redelivery, a test ping, a new
 * secret, delete. For users who may change the settings; every form calls the {@link Webhooks}
 * method {@code /api/v1/webhooks} calls, so the same checks (https, no private addresses) and the
 * same audit entries apply.
 */
public final class WebhooksPage {
    static final String PATH = "/app/webhooks";
    private static final String LIST = "settings/webhooks.jte";
    private static final String ONE = "settings/webhook.jte";
    private static final Set<String> NOTICES = Set.of("saved", "deleted", "redelivered", "tested");
    private static final int LOG_PAGE = 25;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** An event type as a checkbox. */
    public record Event(String type, String description, boolean checked) {}

    /** An endpoint as a row of the list. */
    public record Row(long id, String url, String description, String events, boolean enabled, String disabledReason) {}

    /** A delivery as a row of the log, times formatted. */
    public record Line(String id, String type, String state, int attempts, String status, String error, String created, String lastAttempt,
                String next) {}

    private WebhooksPage() {}

    static void register(JavalinConfig config, Webhooks webhooks, Sessions sessions) {
        config.routes.get(PATH, ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            SettingsPage.render(ctx, LIST, list(ctx, signedIn, webhooks, null, List.of()));
        });
        config.routes.post(PATH, ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS); // checks the origin and the form's CSRF token
            Webhooks.Subscription typed = subscription(ctx, true);
            try {
                Webhooks.WithSecret created = webhooks.create(signedIn.user().tenantId(), signedIn.actor(), typed);
                // the secret is shown on this answer only, never stored in the clear: no redirect that could show it again
                Map<String, Object> model = one(ctx, signedIn, webhooks, created.endpoint().id(), null);
                model.put("secret", created.secret());
                SettingsPage.render(ctx, ONE, model);
            } catch (DomainException e) {
                Map<String, Object> model = list(ctx, signedIn, webhooks, typed, typed.events());
                SettingsPage.refused(ctx, model, e, LIST);
            }
        });
        config.routes.get(PATH + "/{id}", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            SettingsPage.render(ctx, ONE, one(ctx, signedIn, webhooks, SettingsPage.pathId(ctx, "id", "webhook_endpoint"), null));
        });
        config.routes.post(PATH + "/{id}", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            long id = SettingsPage.pathId(ctx, "id", "webhook_endpoint");
            Webhooks.Subscription typed = subscription(ctx, false);
            attempt(ctx, signedIn, webhooks, id, typed, () -> {
                webhooks.update(signedIn.user().tenantId(), signedIn.actor(), id, typed);
                SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH + "/" + id, "saved");
            });
        });
        config.routes.post(PATH + "/{id}/test", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            long id = SettingsPage.pathId(ctx, "id", "webhook_endpoint");
            attempt(ctx, signedIn, webhooks, id, null, () -> {
                webhooks.test(signedIn.user().tenantId(), signedIn.actor(), id);
                SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH + "/" + id, "tested");
            });
        });
        config.routes.post(PATH + "/{id}/deliveries/{delivery}/redeliver", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            long id = SettingsPage.pathId(ctx, "id", "webhook_endpoint");
            attempt(ctx, signedIn, webhooks, id, null, () -> {
                webhooks.redeliver(signedIn.user().tenantId(), signedIn.actor(), id, uuid(ctx.pathParam("delivery")));
                SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH + "/" + id, "redelivered");
            });
        });
        config.routes.post(PATH + "/{id}/rotate-secret", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            long id = SettingsPage.pathId(ctx, "id", "webhook_endpoint");
            attempt(ctx, signedIn, webhooks, id, null, () -> {
                confirmed(ctx, "rotate");
                Webhooks.WithSecret rotated = webhooks.rotateSecret(signedIn.user().tenantId(), signedIn.actor(), id);
                Map<String, Object> model = one(ctx, signedIn, webhooks, id, null);
                model.put("secret", rotated.secret());
                SettingsPage.render(ctx, ONE, model);
            });
        });
        config.routes.post(PATH + "/{id}/delete", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            long id = SettingsPage.pathId(ctx, "id", "webhook_endpoint");
            attempt(ctx, signedIn, webhooks, id, null, () -> {
                confirmed(ctx, "delete");
                webhooks.delete(signedIn.user().tenantId(), signedIn.actor(), id);
                SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH, "deleted");
            });
        });
    }

    /** Runs a change of one endpoint; a refusal re-renders its page with the message (a missing endpoint stays a 404). */
    private static void attempt(Context ctx, SignedIn signedIn, Webhooks webhooks, long id, Webhooks.Subscription typed, Runnable change) {
        try {
            change.run();
        } catch (DomainException.NotFound e) {
            throw e;
        } catch (DomainException e) {
            SettingsPage.refused(ctx, one(ctx, signedIn, webhooks, id, typed), e, ONE);
        }
    }

    private static void confirmed(Context ctx, String what) {
        if (!"yes".equals(ctx.formParam("confirm"))) {
            throw new DomainException.InvalidInput("confirm." + what, ErrorText.of("form.confirm_first"));
        }
    }

    /** The form's subscription: the URL (on the add form), the ticked events, the description, enabled (on the edit form). */
    private static Webhooks.Subscription subscription(Context ctx, boolean adding) {
        List<String> events = ctx.formParams("events").stream().filter(e -> !e.isBlank()).toList();
        String url = adding ? String.valueOf(ctx.formParam("url") == null ? "" : ctx.formParam("url")).strip() : SettingsPage.text(ctx, "url");
        String description = ctx.formParam("description") == null ? "" : ctx.formParam("description");
        Boolean enabled = adding ? Boolean.TRUE : "yes".equals(ctx.formParam("enabled"));
        return new Webhooks.Subscription(url, events, description, enabled);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new DomainException.NotFound(ErrorText.of("webhook.delivery_not_found", "id", text));
        }
    }

    private static Map<String, Object> list(Context ctx, SignedIn signedIn, Webhooks webhooks, Webhooks.Subscription typed, List<String> ticked) {
        String lang = SettingsPage.lang(ctx);
        Map<String, Object> model = SettingsPage.model(ctx, lang, signedIn, PATH, NOTICES);
        List<Row> rows = new ArrayList<>();
        for (WebhookEndpoint e : webhooks.list(signedIn.user().tenantId())) {
            rows.add(new Row(e.id(), e.url(), e.description(), String.join(", ", e.events()), e.enabled(), e.disabledReason()));
        }
        model.put("rows", rows);
        model.put("events", events(lang, ticked));
        model.put("url", typed == null || typed.url() == null ? "" : typed.url());
        model.put("description", typed == null || typed.description() == null ? "" : typed.description());
        return model;
    }

    private static Map<String, Object> one(Context ctx, SignedIn signedIn, Webhooks webhooks, long id, Webhooks.Subscription typed) {
        String lang = SettingsPage.lang(ctx);
        long tenant = signedIn.user().tenantId();
        WebhookEndpoint endpoint = webhooks.get(tenant, id);
        Map<String, Object> model = SettingsPage.model(ctx, lang, signedIn, PATH, NOTICES);
        model.put("endpoint", new Row(endpoint.id(), endpoint.url(), endpoint.description(), String.join(", ", endpoint.events()),
                endpoint.enabled(), endpoint.disabledReason()));
        model.put("events", events(lang, typed == null ? endpoint.events() : typed.events()));
        model.put("url", typed == null || typed.url() == null ? endpoint.url() : typed.url());
        model.put("description", typed == null ? endpoint.description() : typed.description());
        model.put("enabled", typed == null ? endpoint.enabled() : Boolean.TRUE.equals(typed.enabled()));
        String beforeText = ctx.queryParam("before");
        UUID before = null;
        if (beforeText != null) {
            try {
                before = UUID.fromString(beforeText);
            } catch (IllegalArgumentException e) {
                throw new DomainException.Malformed(ErrorText.of("webhook.before_malformed"));
            }
        }
        List<WebhookDelivery> log = webhooks.deliveries(tenant, id, before, LOG_PAGE);
        model.put("log", log.stream().map(d -> line(d, lang)).toList());
        model.put("older", log.size() == LOG_PAGE ? PATH + "/" + id + "?before=" + log.get(log.size() - 1).id() + ("nb".equals(lang) ? "&lang=nb" : "") : "");
        model.put("secret", null);
        return model;
    }

    private static Line line(WebhookDelivery d, String lang) {
        Messages t = Messages.of(SettingsPage.AREA, lang);
        return new Line(d.id().toString(), d.eventType(), t.text("webhooks.state." + d.state()), d.attempts(),
                d.responseStatus() == null ? "—" : d.responseStatus().toString(), d.lastError() == null ? "" : d.lastError(), time(d.createdAt()),
                time(d.lastAttemptAt()), time(d.nextAttemptAt()));
    }

    private static String time(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }

    private static List<Event> events(String lang, List<String> ticked) {
        Messages texts = Messages.of("webhooks", lang);
        Set<String> on = ticked == null ? Set.of() : Set.copyOf(ticked);
        return Webhooks.EVENT_TYPES.stream().map(type -> new Event(type, texts.text("event." + type), on.contains(type))).toList();
    }
}
