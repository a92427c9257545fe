package org.credence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** A real Credence on an embedded PostgreSQL and a loopback port, and an HTTP client for it. */
final class ServerHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN_KEY = "crd_000000000001_test-administrator-key-not-secret";
    final HttpClient http = HttpClient.newHttpClient();
    final Path data;
    final org.credence.delivery.MailSettings mail;
    final Clock clock;
    Credence credence;
    int port;
    /** The verifier may fetch from loopback (a fake issuer in the test); set before {@link #start()}. */
    boolean fetchPrivateNetworks;
    private final java.util.function.Consumer<org.credence.jobs.Jobs> tasks;

    ServerHarness(Path data) {
        this(data, org.credence.delivery.MailSettings.OUTBOX, Clock.systemUTC());
    }

    /** A server whose business code reads {@code clock} (a {@link SettableClock} lets a test move time). */
    ServerHarness(Path data, Clock clock) {
        this(data, org.credence.delivery.MailSettings.OUTBOX, clock);
    }

    /** A server with its own mail settings and clock (tests of mail move the clock to make retries due). */
    ServerHarness(Path data, org.credence.delivery.MailSettings mail, Clock clock) {
        this(data, mail, clock, false);
    }

    /** A server whose verifier may fetch other issuers' documents from loopback ({@code CREDENCE_FETCH_PRIVATE_NETWORKS}). */
    ServerHarness(Path data, org.credence.delivery.MailSettings mail, Clock clock, boolean fetchPrivateNetworks) {
        this(data, mail, clock, fetchPrivateNetworks, jobs -> { });
    }

    /** A server with more jobs: {@code tasks} registers test tasks before the scheduler starts (on every start). */
    ServerHarness(Path data, org.credence.delivery.MailSettings mail, Clock clock, boolean fetchPrivateNetworks,
                  java.util.function.Consumer<org.credence.jobs.Jobs> tasks) {
        this.data = data;
        this.mail = mail;
        this.clock = clock;
        this.fetchPrivateNetworks = fetchPrivateNetworks;
        this.tasks = tasks;
        start();
    }

    void start() {
        // a restart keeps the port: it is part of the public URL, and so of every tenant's did:web
        Settings settings = new Settings(port, data, Optional.empty(), Optional.of(ADMIN_KEY), Optional.empty(), Optional.empty(), false, mail,
                org.credence.tracking.TrackingSettings.DEFAULTS, fetchPrivateNetworks);
        credence = Credence.start(settings, clock, tasks);
        port = credence.port();
    }

    void restart() {
        credence.close();
        start();
    }

    String base() {
        return "http://localhost:" + port;
    }

    record Response(int status, JsonNode json, String body, java.net.http.HttpHeaders headers) {}

    Response send(String method, String path, String key, String body, String... headers) {
        // JSON by default; a Content-Type among the headers replaces it
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = body == null ? null : "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return sendBytes(method, path, key, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), all);
    }

    /** Sends raw bytes (or no body) with header name/value pairs; a later pair replaces an earlier one, a null value sets nothing. */
    Response sendBytes(String method, String path, String key, byte[] body, String... headers) {
        try {
            HttpResponse<String> response = http.send(request(method, path, key, body, headers), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
            return new Response(response.statusCode(), json, response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends like {@link #sendBytes} and keeps the answer's bytes as they came (PDFs, images). */
    HttpResponse<byte[]> binary(String method, String path, String key, byte[] body, String... headers) {
        try {
            return http.send(request(method, path, key, body, headers), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String method, String path, String key, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                request.setHeader(headers[i], headers[i + 1]);
            }
        }
        return request.build();
    }

    /** Posts a form (name/value pairs) as a browser does, with the session cookie {@code cookie} (null: none). */
    Response form(String path, String cookie, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(fields[i]).append('=')
                    .append(java.net.URLEncoder.encode(fields[i + 1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return sendBytes("POST", path, null, body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie == null ? null : "credence_session=" + cookie);
    }

    /** Signs {@code email} in at tenant {@code slug} through the login form; returns the session cookie's value. */
    String signIn(String slug, String email, String password) {
        Response response = form("/login", null, "tenant", slug, "email", email, "password", password, "next", "/app");
        if (response.status() != 303) {
            throw new IllegalStateException("sign-in failed: " + response.status() + " " + response.body());
        }
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence_session=")).findFirst()
                .orElseThrow();
        return header.substring("credence_session=".length(), header.indexOf(';'));
    }

    /** GETs a page with the session cookie {@code cookie} (null: none). */
    Response page(String path, String cookie) {
        return sendBytes("GET", path, null, null, "Cookie", cookie == null ? null : "credence_session=" + cookie);
    }

    /** A tenant made through the API, with one achievement: its key, the achievement's id and the tenant's database id. */
    record TestTenant(String key, long achievement, long id) {}

    /** A new tenant speaking {@code locale} ("en", "nb"), with one achievement ({@link #achievement(String)}). */
    TestTenant tenantWithAchievement(String slug, String locale) {
        Response created = send("POST", "/api/v1/tenants", ADMIN_KEY,
                "{\"slug\":\"" + slug + "\",\"name\":\"" + slug + " Akademi\",\"url\":\"https://" + slug + ".example\",\"locale\":\"" + locale + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        String key = created.json().get("apiKey").asText();
        return new TestTenant(key, achievement(key), tenantId(slug));
    }

    /** The database id of the tenant {@code slug}. */
    long tenantId(String slug) {
        return credence.jdbi().withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = :s").bind("s", slug).mapTo(Long.class).one());
    }

    /** The one number {@code sql} answers with {@code binds} in order ({@code ?}): a test's look at what was stored. */
    long count(String sql, Object... binds) {
        return credence.jdbi().withHandle(h -> {
            var query = h.createQuery(sql);
            for (int i = 0; i < binds.length; i++) {
                query.bind(i, binds[i]);
            }
            return query.mapTo(Long.class).one();
        });
    }

    /** A new tenant; returns its API key. */
    String tenant(String slug) {
        Response created = send("POST", "/api/v1/tenants", ADMIN_KEY, "{\"slug\":\"" + slug + "\",\"name\":\"" + slug + " Academy\",\"url\":\"https://" + slug + ".example\"}");
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return created.json().get("apiKey").asText();
    }

    long achievement(String key) {
        Response created = send("POST", "/api/v1/achievements", key, """
                {"name": "Certified Data Steward", "kind": "certification", "description": "Passed the data stewardship exam.",
                 "criteria": "Pass the proctored exam with at least 70%.", "alignments": [{"targetName": "Data governance", "targetUrl": "https://esco.example/1"}],
                 "tags": ["level:advanced"], "validityDays": 730}""");
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return created.json().get("id").asLong();
    }

    /** A user of the tenant whose key is {@code key}, with a role and a password. */
    void user(String key, String email, String role, String password) {
        Response created = send("POST", "/api/v1/users", key,
                "{\"email\": \"" + email + "\", \"name\": \"" + role + "\", \"role\": \"" + role + "\", \"password\": \"" + password + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
    }

    /** Polls the issuance job {@code id} through the API (with {@code key}) until it is finished or cancelled; its last answer. */
    com.fasterxml.jackson.databind.JsonNode finishedJob(String key, long id) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            com.fasterxml.jackson.databind.JsonNode job = send("GET", "/api/v1/issuance-jobs/" + id, key, null).json();
            if (job.get("state").asText().matches("finished|cancelled")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    /** Runs one SQL statement with positional binds: for state no API sets yet (privacy, branding). */
    int sql(String statement, Object... binds) {
        return credence.jdbi().withHandle(h -> {
            var update = h.createUpdate(statement);
            for (int i = 0; i < binds.length; i++) {
                update.bind(i, binds[i]);
            }
            return update.execute();
        });
    }

    @Override
    public void close() {
        credence.close();
    }

    /** One HTTP/1.1 response with a Content-Length body, head and body as text. */
    static String readResponse(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return head + new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
    }
}
