package org.credence.tracking;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Building the URLs the tracking redirects send people to. */
final class Links {
    private Links() {}

    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An absolute http(s) URL from stored text, or empty (a stored {@code javascript:} URL must never become a redirect). */
    static Optional<URI> web(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The URL with UTM tags appended to its query (existing parameters kept, fragment kept last). */
    static URI withUtm(URI target, String source, String medium, String campaign) {
        String text = target.toString();
        int hash = text.indexOf('#');
        String fragment = hash < 0 ? "" : text.substring(hash);
        String base = hash < 0 ? text : text.substring(0, hash);
        String utm = "utm_source=" + encode(source) + "&utm_medium=" + encode(medium) + "&utm_campaign=" + encode(campaign);
        return URI.create(base + (base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?") + utm + fragment);
    }
}
