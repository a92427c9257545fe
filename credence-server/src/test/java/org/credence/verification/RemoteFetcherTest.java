package org.credence.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.credence.standards.verification.Fetcher.FetchException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard against server-side request forgery, over real HTTP on loopback. The loopback server
 * stands in for a public issuer: the tests' address check treats 127.0.0.1 as public and every
 * other address as the product does.
 */
class RemoteFetcherTest {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** The product's check, except that the test server's own address counts as public. */
    static final java.util.function.Function<InetAddress, Optional<String>> LOOPBACK_IS_PUBLIC =
            address -> address.equals(LOOPBACK) ? Optional.empty() : AddressPolicy.whyRefused(address);

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    final Map<String, Handler> routes = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    HttpServer server;
    RemoteFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            Handler handler = routes.get(exchange.getRequestURI().getPath());
            if (handler == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                handler.handle(exchange);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        if (fetcher != null) {
            fetcher.close();
        }
    }

    String local(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    RemoteFetcher fetcher(RemoteFetcher.Limits limits, java.util.function.Function<InetAddress, Optional<String>> check,
                          Map<String, List<InetAddress>> names) {
        fetcher = new RemoteFetcher(limits, check, true, host -> names.containsKey(host) ? names.get(host) : List.of(InetAddress.getAllByName(host)));
        return fetcher;
    }

    RemoteFetcher fetcher() {
        return fetcher(RemoteFetcher.Limits.DEFAULTS, LOOPBACK_IS_PUBLIC, Map.of());
    }

    static Handler answer(int status, String body, String... headers) {
        return exchange -> {
            for (int i = 0; i < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    @Test
    void a_public_document_is_fetched() {
        routes.put("/did.json", answer(200, "{\"id\":\"did:web:issuer.example\"}"));
        assertThat(new String(fetcher().fetch(URI.create(local("/did.json"))), StandardCharsets.UTF_8)).contains("did:web:issuer.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/x", "http://localhost/x", "http://[::1]/x"})
    void the_product_check_refuses_loopback_before_connecting(String url) {
        routes.put("/x", answer(200, "{}"));
        RemoteFetcher guarded = fetcher(RemoteFetcher.Limits.DEFAULTS, AddressPolicy::whyRefused, Map.of());
        String reachable = url.replace("/x", ":" + server.getAddress().getPort() + "/x");
        assertThatThrownBy(() -> guarded.fetch(URI.create(reachable))).isInstanceOf(FetchException.class).hasMessageContaining("loopback");
        assertThat(requests).hasValue(0);
    }

    @Test
    void the_servers_default_fetcher_refuses_this_machine() {
        routes.put("/did.json", answer(200, "{}"));
        fetcher = RemoteFetcher.forServer(false);
        int port = server.getAddress().getPort();
        assertThatThrownBy(() -> fetcher.fetch(URI.create("https://localhost:" + port + "/did.json"))).hasMessageContaining("loopback");
        assertThatThrownBy(() -> fetcher.fetch(URI.create("https://127.0.0.1:" + port + "/did.json"))).hasMessageContaining("loopback");
        assertThatThrownBy(() -> fetcher.fetch(URI.create(local("/did.json")))).hasMessageContaining("only https");
        assertThat(requests).hasValue(0);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"10.0.0.7, private", "192.168.0.1, private", "172.20.0.1, private", "169.254.169.254, cloud metadata",
            "fd00:ec2::254, unique-local", "100.64.1.1, carrier-grade NAT", "fe80::1, link-local"})
    void a_name_that_resolves_to_an_internal_address_is_refused(String address, String kind) throws Exception {
        RemoteFetcher guarded = fetcher(RemoteFetcher.Limits.DEFAULTS, AddressPolicy::whyRefused,
                Map.of("issuer.example", List.of(InetAddress.getByName(address))));
        assertThatThrownBy(() -> guarded.fetch(URI.create("https://issuer.example/.well-known/did.json")))
                .isInstanceOf(FetchException.class).hasMessageContaining("issuer.example").hasMessageContaining(kind);
    }

    @Test
    void one_internal_address_among_public_ones_is_enough_to_refuse() throws Exception {
        RemoteFetcher guarded = fetcher(RemoteFetcher.Limits.DEFAULTS, AddressPolicy::whyRefused,
                Map.of("issuer.example", List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1"))));
        assertThatThrownBy(() -> guarded.fetch(URI.create("https://issuer.example/did.json"))).hasMessageContaining("10.0.0.1");
    }

    @Test
    void the_connection_goes_to_the_checked_address_not_to_a_second_lookup() {
        // "issuer.test" resolves nowhere but through the guard: the fetch can only succeed if the connection used the checked answer
        routes.put("/did.json", answer(200, "{}"));
        AtomicInteger lookups = new AtomicInteger();
        fetcher = new RemoteFetcher(RemoteFetcher.Limits.DEFAULTS, LOOPBACK_IS_PUBLIC, true, host -> {
            lookups.incrementAndGet();
            return List.of(LOOPBACK);
        });
        assertThat(fetcher.fetch(URI.create("http://issuer.test:" + server.getAddress().getPort() + "/did.json"))).isNotEmpty();
        assertThat(lookups).hasValue(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/admin", "http://localhost:1/", "file:///etc/passwd"})
    void a_redirect_to_an_internal_address_or_another_scheme_is_refused(String target) {
        routes.put("/status/1", answer(302, "", "Location", target));
        assertThatThrownBy(() -> fetcher().fetch(URI.create(local("/status/1")))).isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("refused", "only https"));
    }

    @Test
    void redirects_are_followed_to_a_limit() {
        routes.put("/a", answer(301, "", "Location", "/b"));
        routes.put("/b", answer(307, "", "Location", local("/c")));
        routes.put("/c", answer(200, "{\"ok\":true}"));
        assertThat(new String(fetcher().fetch(URI.create(local("/a"))), StandardCharsets.UTF_8)).contains("ok");
        routes.put("/loop", answer(302, "", "Location", "/loop"));
        assertThatThrownBy(() -> fetcher.fetch(URI.create(local("/loop")))).hasMessageContaining("more than 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://issuer.example/list", "file:///etc/passwd", "gopher://issuer.example/", "https://user:pw@issuer.example/x"})
    void only_https_urls_are_fetched(String url) {
        assertThatThrownBy(() -> fetcher().fetch(URI.create(url))).isInstanceOf(FetchException.class);
        assertThat(requests).hasValue(0);
    }

    @Test
    void plain_http_is_refused_unless_private_networks_are_allowed() {
        routes.put("/x", answer(200, "{}"));
        fetcher = new RemoteFetcher(RemoteFetcher.Limits.DEFAULTS, LOOPBACK_IS_PUBLIC, false, host -> List.of(InetAddress.getAllByName(host)));
        assertThatThrownBy(() -> fetcher.fetch(URI.create(local("/x")))).hasMessageContaining("only https");
        assertThat(requests).hasValue(0);
    }

    @Test
    void a_body_over_one_megabyte_is_refused() {
        byte[] big = new byte[RemoteFetcher.Limits.DEFAULTS.maxBytes() + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        routes.put("/big", exchange -> {
            exchange.sendResponseHeaders(200, big.length);
            exchange.getResponseBody().write(big);
        });
        routes.put("/big-chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // no Content-Length: the limit holds on what arrives
            exchange.getResponseBody().write(big);
        });
        assertThatThrownBy(() -> fetcher().fetch(URI.create(local("/big")))).hasMessageContaining("larger than 1048576 bytes");
        assertThatThrownBy(() -> fetcher.fetch(URI.create(local("/big-chunked")))).hasMessageContaining("larger than 1048576 bytes");
    }

    @Test
    void a_server_that_does_not_answer_in_time_is_given_up() {
        routes.put("/slow", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        RemoteFetcher quick = fetcher(new RemoteFetcher.Limits(Duration.ofMillis(300), 1024, 3, Duration.ofMinutes(5)), LOOPBACK_IS_PUBLIC, Map.of());
        assertThatThrownBy(() -> quick.fetch(URI.create(local("/slow")))).hasMessageContaining("took longer than");
    }

    @Test
    void an_error_status_is_a_failed_fetch() {
        assertThatThrownBy(() -> fetcher().fetch(URI.create(local("/missing")))).hasMessageContaining("HTTP 404");
    }

    @Test
    void answers_are_reused_as_cache_control_allows() {
        routes.put("/cached", answer(200, "{}", "Cache-Control", "public, max-age=60"));
        routes.put("/fresh", answer(200, "{}", "Cache-Control", "no-cache"));
        RemoteFetcher f = fetcher();
        f.fetch(URI.create(local("/cached")));
        f.fetch(URI.create(local("/cached")));
        assertThat(requests).hasValue(1);
        f.fetch(URI.create(local("/fresh")));
        f.fetch(URI.create(local("/fresh")));
        assertThat(requests).hasValue(3);
    }

    @Test
    void private_networks_are_refused_unless_the_environment_says_true() {
        java.nio.file.Path data = java.nio.file.Path.of("data");
        assertThat(org.credence.Settings.fromEnvironment(0, data, Map.of()).fetchPrivateNetworks()).isFalse();
        assertThat(org.credence.Settings.fromEnvironment(0, data, Map.of("CREDENCE_FETCH_PRIVATE_NETWORKS", "yes")).fetchPrivateNetworks()).isFalse();
        assertThat(org.credence.Settings.fromEnvironment(0, data, Map.of("CREDENCE_FETCH_PRIVATE_NETWORKS", " TRUE ")).fetchPrivateNetworks()).isTrue();
    }

    @Test
    void a_long_max_age_is_cut_to_five_minutes() {
        Duration ceiling = RemoteFetcher.Limits.DEFAULTS.maxCacheAge();
        assertThat(RemoteFetcher.cacheAge("max-age=86400", ceiling)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RemoteFetcher.cacheAge("max-age=30, must-revalidate", ceiling)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RemoteFetcher.cacheAge("max-age=60, no-store", ceiling)).isZero();
        assertThat(RemoteFetcher.cacheAge(null, ceiling)).isZero();
        assertThat(RemoteFetcher.cacheAge("max-age=soon", ceiling)).isZero();
    }
}
