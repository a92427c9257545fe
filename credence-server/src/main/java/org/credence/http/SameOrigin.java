package org.credence.http;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Whether a state-changing request came from one of our own pages. A browser that sends
 * {@code Sec-Fetch-Site} says so there; an older one names the page's origin in {@code Origin}
 * (or, when it sends none, in {@code Referer}), and a request naming another site, or an opaque
 * {@code null} origin, is refused. A request naming nothing (an old browser, a script) passes: the checks
 * behind it (tokens, CSRF fields) still apply.
 */
public final class SameOrigin {
    private final String publicAuthority;

    /** {@code publicUrl}: the address the installation is reached at, which a reverse proxy's {@code Host} may not be. */
    public SameOrigin(URI publicUrl) {
        this.publicAuthority = authority(publicUrl);
    }

    /** True when the request names an origin other than this server's. */
    public boolean crossSite(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null) {
            // a browser that sends it knows best: under Referrer-Policy no-referrer it sends "Origin: null" even for our own forms
            return !(fetchSite.equals("same-origin") || fetchSite.equals("none"));
        }
        String origin = ctx.header("Origin");
        if (origin == null || origin.isBlank()) {
            origin = ctx.header("Referer");
        }
        if (origin == null || origin.isBlank()) {
            return false;
        }
        String named;
        try {
            named = authority(new URI(origin.strip()));
        } catch (URISyntaxException e) {
            return true;
        }
        return named == null || !(named.equals(publicAuthority) || named.equals(ctx.host() == null ? null : ctx.host().toLowerCase(Locale.ROOT)));
    }

    /** {@code host} or {@code host:port}, lower case; null for an opaque origin such as {@code null}. */
    private static String authority(URI uri) {
        if (uri.getHost() == null) {
            return null;
        }
        return uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
