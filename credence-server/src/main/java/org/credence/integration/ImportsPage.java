package org.credence.integration;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.domain.ErrorText;
import org.credence.http.FormMessage;
import org.credence.analytics.AnalyticsNav;
import org.credence.app.AppBar;
import org.credence.domain.DomainException;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * {@code /app/imports}: upload an outcome file (a plain form, no JavaScript), the imports with their
 * match rates, and one import's refused rows. For users who may see analytics. The earlier address
 * {@code /app/analytics/imports} redirects here (its form post still works).
 */
public final class ImportsPage {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** An import as a row of the page's table; texts already formatted. */
    public record Row(long id, String started, String kind, String source, int total, int upserted, int unchanged, int failed, String match) {}

    /** A refused row or a warning, as a row of the errors table. */
    public record Error(String where, String field, String message, boolean warning) {}

    /** A choice of the kind list. */
    public record Option(String value, String label) {}

    private ImportsPage() {}

    /** The page's address. */
    public static final String PATH = "/app/imports";
    private static final String OLD = "/app/analytics/imports";

    public static void register(JavalinConfig config, OutcomeImports imports, Sessions sessions) {
        // the page moved out of analytics: bookmarks of the old address land on the new one
        config.routes.get(OLD, ctx -> ctx.redirect(PATH + query(ctx), HttpStatus.MOVED_PERMANENTLY));
        config.routes.get(OLD + "/{id}", ctx -> ctx.redirect(PATH + "/" + ctx.pathParam("id").replaceAll("[^0-9]", "") + query(ctx),
                HttpStatus.MOVED_PERMANENTLY));
        config.routes.post(OLD, ctx -> upload(ctx, imports, sessions));
        config.routes.post(PATH, ctx -> upload(ctx, imports, sessions));
        config.routes.get(PATH, ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            ctx.html(render(lang(ctx), signedIn, imports.list(signedIn.user().tenantId(), null, 100), null, ""));
        });
        config.routes.get(PATH + "/{id}", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            long id;
            try {
                id = Long.parseLong(ctx.pathParam("id"));
            } catch (NumberFormatException e) {
                throw new DomainException.NotFound(ErrorText.of("imports.not_found", "id", ctx.pathParam("id")));
            }
            ImportSummary one = imports.get(signedIn.user().tenantId(), id).orElseThrow(() -> new DomainException.NotFound(ErrorText.of("imports.not_found", "id", id)));
            ctx.html(render(lang(ctx), signedIn, List.of(one), one, ""));
        });
    }

    private static void upload(Context ctx, OutcomeImports imports, Sessions sessions) throws java.io.IOException {
        SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS); // checks the origin and the form's CSRF token
        String lang = Pages.language(ctx, ctx.formParam("lang"));
        long tenant = signedIn.user().tenantId();
        try {
            OutcomeKind kind = OutcomeKind.parse(ctx.formParam("kind"))
                    .orElseThrow(() -> new DomainException.InvalidInput("kind", ErrorText.of("imports.choose_kind")));
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null || file.size() == 0) {
                throw new DomainException.InvalidInput("file", ErrorText.of("imports.choose_file"));
            }
            byte[] body;
            try (InputStream in = file.content()) {
                body = in.readAllBytes();
            }
            ImportSummary summary = imports.run(tenant, signedIn.actor(), new OutcomeImports.Request(kind, ctx.formParam("source"), body, file.contentType(), false));
            ctx.redirect(PATH + "/" + summary.id() + (lang.equals("en") ? "" : "?lang=" + lang), HttpStatus.SEE_OTHER);
        } catch (DomainException.InvalidInput refused) {
            String notice = Messages.of("imports", lang).format("refused", Map.of("reason", FormMessage.of(refused, lang).text()));
            ctx.status(422).html(render(lang, signedIn, imports.list(tenant, null, 100), null, notice));
        }
    }

    private static String query(Context ctx) {
        String lang = ctx.queryParam("lang");
        return lang != null && lang.matches("[a-z]{2}") ? "?lang=" + lang : "";
    }

    private static String lang(Context ctx) {
        return Pages.language(ctx);
    }

    static String render(String lang, SignedIn signedIn, List<ImportSummary> list, ImportSummary detail, String notice) {
        Map<String, String> t = Messages.of("imports", lang).table();
        List<Row> rows = list.stream().map(s -> new Row(s.id(), MINUTE.format(s.startedAt()), t.get("kind." + s.kind().id()), s.source(), s.total(),
                s.upserted(), s.unchanged(), s.failed(), MatchRateText.format(s.matched(), s.withPerson(), lang))).toList();
        List<Error> errors = detail == null ? List.of() : detail.errors().stream().map(p -> new Error(
                p.line() != null ? t.get("where.line") + " " + p.line() : p.index() != null ? "[" + p.index() + "]" : "", p.field() == null ? "" : p.field(),
                p.message(), p.warning())).toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", lang);
        model.put("t", t);
        model.put("signedIn", signedIn);
        model.put("nav", AnalyticsNav.of(lang, PATH));
        model.put("bar", AppBar.of(lang, signedIn, PATH));
        model.put("kinds", Arrays.stream(OutcomeKind.values()).map(k -> new Option(k.id(), t.get("kind." + k.id()))).toList());
        model.put("rows", rows);
        model.put("detail", detail != null);
        model.put("errors", errors);
        model.put("notice", notice);
        return Pages.render("imports/page.jte", model);
    }
}
