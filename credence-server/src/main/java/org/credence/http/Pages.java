package org.credence.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
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

    /** {@code ?lang=} wins, then Accept-Language; English otherwise. The pages speak English and Norwegian bokmål. */
    public static String language(String query, String acceptLanguage) {
        String wanted = query != null ? query : acceptLanguage == null ? "" : acceptLanguage;
        String lower = wanted.toLowerCase(Locale.ROOT);
        return lower.startsWith("nb") || lower.startsWith("no") || lower.startsWith("nn") ? "nb" : "en";
    }
}
