package org.credence.standards.verification;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Online fetching with limits: https only (plain http only for hosts the caller lists as
 * insecure, such as a local test server), only the allowed hosts, a time limit and a size limit.
 * Redirects are not followed, so an allowed host cannot hand the request to another one.
 */
public final class HttpFetcher implements Fetcher {
    private final HttpClient client;
    private final Set<String> allowedHosts;
    private final Set<String> insecureHosts;
    private final Duration timeout;
    private final int maxBytes;

    /**
     * @param allowedHosts hosts that may be fetched; {@code "*"} allows any https host
     * @param insecureHosts hosts that may also be fetched over plain http (tests, a local server)
     */
    public HttpFetcher(Set<String> allowedHosts, Set<String> insecureHosts, Duration timeout, int maxBytes) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.insecureHosts = Set.copyOf(insecureHosts);
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Any https host, 5 s, 256 KiB: the CLI's {@code --online}. */
    public static HttpFetcher anyHttpsHost() {
        return new HttpFetcher(Set.of("*"), Set.of(), Duration.ofSeconds(5), 256 * 1024);
    }

    @Override
    public byte[] fetch(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        boolean insecureAllowed = scheme.equals("http") && insecureHosts.contains(host);
        if (!scheme.equals("https") && !insecureAllowed) {
            throw new FetchException("only https URLs are fetched, not " + url);
        }
        if (!insecureAllowed && !allowedHosts.contains("*") && !allowedHosts.contains(host)) {
            throw new FetchException("fetching from " + host + " is not allowed for this verification");
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Accept", "application/json, application/did+json, application/vc+ld+json").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new FetchException(url + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw new FetchException(url + " is larger than " + maxBytes + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new FetchException("could not fetch " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while fetching " + url, e);
        }
    }
}
