package org.credence.tracking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Set;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.insights.Channel;

/**
 * The tracking endpoints: referral redirects {@code /r}, share redirects {@code /s} and the
 * beacon {@code /t} for events only the browser sees (copy link, downloads), with a no-script GET.
 */
public final class TrackingRoutes {
    /** What a browser may report by beacon; claims, verifications and referral clicks are recorded by the server only. */
    static final Set<EventType> BEACON_TYPES = Set.of(EventType.VIEW, EventType.SHARE_CLICK, EventType.DOWNLOAD, EventType.WALLET_EXPORT);

    private TrackingRoutes() {}

    public static void register(JavalinConfig config, Tracker tracker, ShareTargets shares, RecipientCheck recipients) {
        config.routes.get("/r/{number}/{target}", ctx -> {
            String target = ctx.pathParam("target");
            if (!target.equals("program") && !target.equals("issuer")) {
                throw Problem.notFound("no referral target '" + shortened(target) + "'; use program or issuer");
            }
            TrackedCredential credential = known(tracker, ctx);
            URI destination = (target.equals("program") ? Links.web(credential.programUrl()).or(() -> Links.web(credential.tenantUrl()))
                    : Links.web(credential.tenantUrl()))
                    .orElseThrow(() -> Problem.notFound("the issuer has not set a web address for '" + target + "'"));
            URI location = Links.withUtm(destination, Utm.REFERRAL_SOURCE, Utm.REFERRAL_MEDIUM,
                    Utm.campaign(credential.achievementName(), credential.achievementId()));
            ctx.future(() -> tracker.recordAsync(tracker.facts(ctx.ip(), ctx::header, recipients.isRecipient(ctx, credential)), EventType.REFERRAL_CLICK,
                    credential, target).thenAccept(recorded -> redirect(ctx, location)));
        });
        config.routes.get("/s/{number}/{channel}", ctx -> {
            Channel channel = Channel.parse(ctx.pathParam("channel"))
                    .orElseThrow(() -> Problem.notFound("no share channel '" + shortened(ctx.pathParam("channel")) + "'"));
            TrackedCredential credential = known(tracker, ctx);
            String lang = ctx.queryParam("lang");
            URI location = shares.target(credential, channel, "nb".equals(lang) || "en".equals(lang) ? lang : null);
            ctx.future(() -> tracker.recordAsync(tracker.facts(ctx.ip(), ctx::header, recipients.isRecipient(ctx, credential)), EventType.SHARE_CLICK,
                    credential, channel.id()).thenAccept(recorded -> redirect(ctx, location)));
        });
        config.routes.post("/t/{number}", ctx -> {
            ObjectNode body = Json.body(ctx, Set.of("type", "channel"));
            beacon(ctx, tracker, recipients, Json.requiredText(body, "type", 40), Json.optionalText(body, "channel", 40));
        });
        config.routes.get("/t/{number}", ctx -> {
            String type = ctx.queryParam("type");
            if (type == null || type.isBlank()) {
                throw Problem.invalidField("type", "type is required");
            }
            beacon(ctx, tracker, recipients, type, ctx.queryParam("channel"));
        });
    }

    private static void beacon(Context ctx, Tracker tracker, RecipientCheck recipients, String typeId, String channel) {
        EventType type = EventType.parse(typeId).filter(BEACON_TYPES::contains).orElseThrow(() -> Problem.invalidField("type",
                "type must be one of view, share_click, download, wallet_export"));
        if (!type.channels().contains(channel == null ? "" : channel)) {
            throw Problem.invalidField("channel", "channel '" + shortened(channel == null ? "" : channel) + "' does not belong to " + type.id()
                    + "; use one of " + new java.util.TreeSet<>(type.channels()));
        }
        TrackedCredential credential = known(tracker, ctx);
        var recorded = tracker.recordAsync(tracker.facts(ctx.ip(), ctx::header, recipients.isRecipient(ctx, credential)), type, credential, channel);
        // a dropped event is known at once; a stored one is answered when its transaction has committed, without holding a thread
        if (recorded.isDone() && recorded.join().outcome() == Recorded.Outcome.DROPPED) {
            throw Problem.tooManyRequests("too many tracking requests from your network; try again in a minute");
        }
        ctx.future(() -> recorded.thenAccept(done -> ctx.header("Cache-Control", "no-store").status(204)));
    }

    private static TrackedCredential known(Tracker tracker, Context ctx) {
        String number = ctx.pathParam("number");
        return tracker.credential(CredentialRef.number(number))
                .orElseThrow(() -> Problem.notFound("no credential with number '" + shortened(number) + "'"));
    }

    private static void redirect(Context ctx, URI location) {
        ctx.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").redirect(location.toString(),
                io.javalin.http.HttpStatus.FOUND);
    }

    private static String shortened(String typed) {
        return typed.length() <= 40 ? typed : typed.substring(0, 40) + "…";
    }
}
