package org.credence.verification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.credence.standards.verification.Fetcher;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Fetches other issuers' did:web documents and status lists for the server's verifier, guarded
 * against server-side request forgery: https only, public addresses only (every address a name
 * resolves to is checked, and the connection goes to exactly those addresses, so a second DNS
 * answer cannot switch it to an internal one), a time and a size limit, redirects followed by
 * hand and each checked again. Answers are cached as their {@code Cache-Control} allows, for
 * at most a few minutes.
 */
public final class RemoteFetcher implements Fetcher, AutoCloseable {
    /**
     * @param timeout for one fetch, redirects included
     * @param maxBytes the largest body accepted
     * @param maxRedirects how many redirects are followed
     * @param maxCacheAge the longest an answer is reused, whatever its {@code max-age}
     */
    public record Limits(Duration timeout, int maxBytes, int maxRedirects, Duration maxCacheAge) {
        public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(5), 1024 * 1024, 3, Duration.ofMinutes(5));
    }

    /** Name resolution; tests give fixed answers. */
    interface Lookup extends CheckedResolver.Lookup {}

    private record Cached(byte[] body, Duration age) {}

    private final Limits limits;
    private final Function<InetAddress, Optional<String>> refusal;
    private final boolean plainHttp;
    private final Lookup lookup;
    private final HttpClient client;
    private final Cache<URI, Cached> cache;

    /**
     * The server's fetcher.
     *
     * @param allowPrivateNetworks also fetch from loopback and private addresses, and over plain
     *     http (tests, closed networks); never in production
     */
    public static RemoteFetcher forServer(boolean allowPrivateNetworks) {
        return new RemoteFetcher(Limits.DEFAULTS, allowPrivateNetworks ? address -> Optional.empty() : AddressPolicy::whyRefused,
                allowPrivateNetworks, host -> List.of(InetAddress.getAllByName(host)));
    }

    RemoteFetcher(Limits limits, Function<InetAddress, Optional<String>> refusal, boolean plainHttp, Lookup lookup) {
        this.limits = limits;
        this.refusal = refusal;
        this.plainHttp = plainHttp;
        this.lookup = lookup;
        QueuedThreadPool threads = new QueuedThreadPool(16, 1);
        threads.setName("credence-fetch");
        threads.setDaemon(true);
        ClientConnector connector = new ClientConnector();
        connector.setExecutor(threads);
        connector.setScheduler(new ScheduledExecutorScheduler("credence-fetch-timer", true));
        this.client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(threads);
        client.setFollowRedirects(false);
        client.setConnectTimeout(limits.timeout().toMillis());
        client.setSocketAddressResolver(new CheckedResolver(lookup, refusal, "fetching from "));
        client.getContentDecoderFactories().clear(); // no gzip: the size limit is on what arrives
        client.setUserAgentField(null);
        this.cache = Caffeine.newBuilder().maximumWeight(16L * 1024 * 1024).weigher((URI url, Cached c) -> c.body().length)
                .expireAfter(Expiry.creating((URI url, Cached c) -> c.age())).build();
    }

    @Override
    public byte[] fetch(URI url) {
        Cached cached = cache.getIfPresent(url);
        if (cached != null) {
            return cached.body();
        }
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        URI current = url;
        for (int hop = 0; ; hop++) {
            ContentResponse response = get(current, deadline);
            int status = response.getStatus();
            if (isRedirect(status)) {
                String location = response.getHeaders().get("Location");
                if (location == null || hop >= limits.maxRedirects()) {
                    throw new FetchException(url + " redirects " + (location == null ? "without a Location" : "more than " + limits.maxRedirects() + " times"));
                }
                try {
                    current = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new FetchException(current + " redirects to an unusable Location " + location, e);
                }
                continue;
            }
            if (status != 200) {
                throw new FetchException(current + " answered HTTP " + status);
            }
            byte[] body = response.getContent();
            Duration age = cacheAge(response.getHeaders().get("Cache-Control"), limits.maxCacheAge());
            if (!age.isZero()) {
                cache.put(url, new Cached(body, age));
            }
            return body;
        }
    }

    // started at the first fetch: most installations verify only their own credentials, which need no client threads
    private synchronized HttpClient started() {
        if (!client.isStarted()) {
            try {
                client.start();
            } catch (Exception e) {
                throw new FetchException("the HTTP client for verification could not start", e);
            }
        }
        return client;
    }

    private ContentResponse get(URI url, long deadline) {
        URI target = allowedTarget(url);
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0) {
            throw new FetchException("fetching " + url + " took longer than " + limits.timeout().toSeconds() + " s");
        }
        var request = started().newRequest(target).followRedirects(false).timeout(remaining, TimeUnit.MILLISECONDS)
                .accept("application/did+json", "application/vc+ld+json", "application/ld+json", "application/json");
        try {
            return new CompletableResponseListener(request, limits.maxBytes()).send().get(remaining + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CheckedResolver.RefusedAddress refused) {
                throw new FetchException(refused.getMessage(), refused);
            }
            if (cause instanceof TimeoutException) {
                throw new FetchException("fetching " + url + " took longer than " + limits.timeout().toSeconds() + " s", cause);
            }
            if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).startsWith("Buffering capacity")) {
                throw new FetchException(url + " is larger than " + limits.maxBytes() + " bytes", cause);
            }
            throw new FetchException("could not fetch " + url + ": " + (cause == null ? e.getMessage() : cause.getMessage()), cause);
        } catch (TimeoutException e) {
            throw new FetchException("fetching " + url + " took longer than " + limits.timeout().toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while fetching " + url, e);
        }
    }

    /** The URL to request: https only, or plain http when allowed; a loopback name is then asked over http (a local Credence serves did:web so). */
    private URI allowedTarget(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && plainHttp)) {
            throw new FetchException("only https URLs are fetched, not " + url);
        }
        if (url.getHost() == null || url.getUserInfo() != null) {
            throw new FetchException("not a URL that is fetched: " + url);
        }
        return scheme.equals("https") && plainHttp && isLoopbackName(url.getHost())
                ? URI.create("http" + url.toString().substring("https".length())) : url;
    }

    private static boolean isLoopbackName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]");
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** How long an answer may be reused: its {@code max-age}, at most {@code ceiling}; zero when it may not be stored. */
    static Duration cacheAge(String cacheControl, Duration ceiling) {
        if (cacheControl == null) {
            return Duration.ZERO;
        }
        Duration age = Duration.ZERO;
        for (String directive : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
            String d = directive.strip();
            if (d.equals("no-store") || d.equals("no-cache")) {
                return Duration.ZERO;
            }
            if (d.startsWith("max-age=")) {
                try {
                    age = Duration.ofSeconds(Math.max(0, Long.parseLong(d.substring("max-age=".length()).replace("\"", ""))));
                } catch (NumberFormatException e) {
                    return Duration.ZERO;
                }
            }
        }
        return age.compareTo(ceiling) > 0 ? ceiling : age;
    }

    @Override
    public synchronized void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client for verification did not stop", e);
        }
    }
}
