package org.credence.delivery;

import io.javalin.config.JavalinConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.credence.app.AppBar;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.user.Permission;
import org.credence.user.SignedIn;
import org.credence.user.Sessions;

/**
 * {@code /app/branding/mails}: each recipient mail in the tenant's look with a sample credential, in English or
 * Norwegian, for those who may change the branding. The HTML is shown in a sandboxed frame from
 * {@code /app/branding/mails/{kind}/html}, which runs nothing, loads nothing (its images are data URIs) and may be
 * framed only by this site; the plain-text part is shown as it is sent.
 */
public final class MailPreviewPage {
    /** The frame's policy: no script, no fetching, styles and data-URI images only, framed by this site alone. */
    static final String FRAME_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'self'; sandbox";

    /** A mail in the list of kinds. */
    public record Kind(String kind, String label, String href, boolean current) {}

    private MailPreviewPage() {}

    public static void register(JavalinConfig config, MailPreviews previews, Sessions sessions) {
        config.routes.get("/app/branding/mails", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            String lang = Pages.language(ctx);
            String wanted = ctx.queryParam("kind");
            String kind = wanted != null && MailPreviews.KINDS.contains(wanted) ? wanted : MailPreviews.KINDS.get(0);
            ctx.header("Content-Security-Policy", org.credence.http.SecurityHeaders.PAGE_POLICY_FRAMING_SELF)
                    .html(render(lang, signedIn, kind, previews.preview(signedIn.user().tenantId(), kind, lang)));
        });
        config.routes.get("/app/branding/mails/{kind}/html", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            String kind = ctx.pathParam("kind");
            if (!MailPreviews.KINDS.contains(kind)) {
                throw org.credence.http.Problem.notFound("no mail is called that; the mails are " + String.join(", ", MailPreviews.KINDS));
            }
            String lang = Pages.language(ctx);
            ctx.header("Content-Security-Policy", FRAME_POLICY).header("X-Frame-Options", "SAMEORIGIN")
                    .html(previews.preview(signedIn.user().tenantId(), kind, lang).html());
        });
    }

    static String render(String lang, SignedIn signedIn, String kind, MailPreviews.Preview preview) {
        Messages t = Messages.of("apphome", lang);
        String language = "nb".equals(lang) ? "&lang=nb" : "";
        List<Kind> kinds = MailPreviews.KINDS.stream()
                .map(k -> new Kind(k, t.text("preview.kind." + k), "/app/branding/mails?kind=" + k + language, k.equals(kind))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("t", t.table());
        model.put("bar", AppBar.of(lang, signedIn, "/app/branding/mails"));
        model.put("kinds", kinds);
        model.put("preview", preview);
        model.put("frame", "/app/branding/mails/" + kind + "/html" + (language.isEmpty() ? "" : "?lang=nb"));
        model.put("frameTitle", t.format("preview.frame", Map.of("subject", preview.subject())));
        model.put("english", "/app/branding/mails?kind=" + kind);
        model.put("norwegian", "/app/branding/mails?kind=" + kind + "&lang=nb");
        return Pages.render("apphome/mail_previews.jte", model);
    }
}
