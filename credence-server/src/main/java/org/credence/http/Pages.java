package org.credence.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the server's HTML pages from JTE templates under {@code src/main/jte}. The templates are
 * compiled to Java at build time, so a typo fails the build, and every {@code ${…}} is
 * HTML-escaped for its context.
 */
public final class Pages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {}

    /** The page {@code template} (a path like {@code "verification/page.jte"}) with its parameters. */
    public static String render(String template, Map<String, Object> parameters) {
        StringOutput output = new StringOutput(8192);
        ENGINE.render(template, parameters, output);
        return output.toString();
    }

    /** The cookie that keeps a language chosen with {@code ?lang=} across redirects and links without it. */
    public static final String LANGUAGE_COOKIE = "lang";
    private static final int LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600;

    /**
     * The page's language: {@code ?lang=}, then the language the person chose earlier (the {@value #LANGUAGE_COOKIE}
     * cookie), then Accept-Language; English otherwise.
     */
    public static String language(Context ctx) {
        return language(ctx, null);
    }

    /**
     * As {@link #language(Context)}, with {@code chosen} (a form's {@code lang} field, null: none) after {@code ?lang=}
     * and before the cookie: a form carries the language of the page it was on.
     */
    public static String language(Context ctx, String chosen) {
        String query = ctx.queryParam("lang");
        String explicit = query != null ? query : chosen != null ? chosen : ctx.cookie(LANGUAGE_COOKIE);
        return language(explicit, ctx.header("Accept-Language"));
    }

    /**
     * Before every request: an explicit {@code ?lang=} is remembered in the {@value #LANGUAGE_COOKIE} cookie, so the
     * choice survives a POST-redirect-GET, a sign-in and links that do not carry it. Only "en" or "nb" is stored; API
     * requests set nothing.
     */
    public static void rememberLanguage(Context ctx) {
        String query = ctx.queryParam("lang");
        // the API answers in English whatever it is asked; only pages remember a language
        if (query == null || ctx.path().startsWith("/api/")) {
            return;
        }
        String lang = language(query, null);
        if (!lang.equals(ctx.cookie(LANGUAGE_COOKIE))) {
            // a preference, not a secret: readable over plain HTTP too, never sent along by another site's POST
            Cookie cookie = new Cookie(LANGUAGE_COOKIE, lang);
            cookie.setPath("/");
            cookie.setMaxAge(LANGUAGE_COOKIE_SECONDS);
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.LAX);
            ctx.cookie(cookie);
        }
    }

    /** {@code query} (an explicit choice) wins, then Accept-Language; English otherwise. The pages speak English and Norwegian bokmål. */
    public static String language(String query, String acceptLanguage) {
        String wanted = query != null ? query : acceptLanguage == null ? "" : acceptLanguage;
        String lower = wanted.toLowerCase(Locale.ROOT);
        return lower.startsWith("nb") || lower.startsWith("no") || lower.startsWith("nn") ? "nb" : "en";
    }
}
