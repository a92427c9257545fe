package org.credence.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Locale;

/**
 * The headers every answer carries, and those of HTML pages: a Content-Security-Policy that runs
 * only the server's own script files (no inline script; inline style is allowed, since the pages
 * style with attributes and a style cannot run code), no framing by other sites, no MIME
 * sniffing, and referrers that name only our origin to other sites (share and tracking links
 * go through redirects that send none at all). Signed-in pages are never cached.
 * A header a route set itself (the outbox mail's stricter policy, say) is kept.
 */
public final class SecurityHeaders {
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** The page policy for a page that frames one of this site's own pages (a mail preview). */
    public static final String PAGE_POLICY_FRAMING_SELF = PAGE_POLICY + "; frame-src 'self'";

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        var response = ctx.res();
        response.setHeader("X-Content-Type-Options", "nosniff");
        String type = response.getContentType() == null ? "" : response.getContentType().toLowerCase(Locale.ROOT);
        // Javalin answers HEAD without rendering, so its type says nothing of the page: HEAD gets the page headers a GET would
        // carry (they are harmless on any other answer)
        if (type.startsWith("text/html") || ctx.method() == HandlerType.HEAD) {
            setIfAbsent(ctx, "Content-Security-Policy", PAGE_POLICY);
            setIfAbsent(ctx, "Referrer-Policy", "strict-origin-when-cross-origin");
            setIfAbsent(ctx, "X-Frame-Options", "DENY");
        }
        String path = ctx.path();
        if (path.equals("/app") || path.startsWith("/app/") || path.equals("/me") || path.startsWith("/me/")) {
            // what a signed-in person sees must not stay in a shared browser's or a proxy's cache
            String cache = ctx.res().getHeader("Cache-Control");
            if (cache == null || !cache.contains("no-store")) {
                ctx.res().setHeader("Cache-Control", "no-store");
            }
        }
    }

    private static void setIfAbsent(Context ctx, String name, String value) {
        if (ctx.res().getHeader(name) == null) {
            ctx.res().setHeader(name, value);
        }
    }
}
