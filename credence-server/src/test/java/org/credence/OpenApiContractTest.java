package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.credence.http.ApiDocsRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written openapi.yaml and the server agree: every route is in it, every response matches it. */
@Tag("integration")
class OpenApiContractTest {
    static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    @TempDir
    static Path data;
    static ServerHarness server;
    /** Loaded once, so other tests can check their responses against the spec too. */
    static final JsonNode spec = loadSpec();

    @BeforeAll
    static void start() throws Exception {
        server = new ServerHarness(data);
    }

    private static JsonNode loadSpec() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(ApiDocsRoutes.spec());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_route_is_in_the_spec_and_every_spec_path_is_a_route() {
        Set<String> documented = new TreeSet<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                documented.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        Set<String> served = new TreeSet<>();
        server.credence.routes().stream().filter(r -> !r.contains("webjars") && (r.startsWith("GET") || r.startsWith("POST")
                || r.startsWith("PUT") || r.startsWith("DELETE") || r.startsWith("PATCH"))).forEach(served::add);
        assertThat(served).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void the_schema_check_catches_a_body_that_breaks_the_documented_schema() throws Exception {
        JsonNode issued = spec.at("/components/schemas/IssuedCredential");
        JsonNode wrong = new ObjectMapper().readTree("{\"id\": 5, \"number\": \"CRD-1\", \"verifyUrl\": \"x\", \"state\": \"gone\", \"credential\": {}}");
        assertThat(validate(issued, wrong)).anySatisfy(e -> assertThat(e).contains("id")).anySatisfy(e -> assertThat(e).contains("state"));
        JsonNode achievement = spec.at("/components/schemas/Achievement");
        JsonNode extra = new ObjectMapper().readTree("{\"id\": 1, \"name\": \"n\", \"kind\": \"badge\", \"description\": \"d\", \"criteria\": \"c\", \"secret\": 1}");
        assertThat(validate(achievement, extra)).anySatisfy(e -> assertThat(e).contains("secret"));
    }

    @Test
    void responses_match_the_documented_status_codes_and_schemas() {
        String key = server.tenant("contract");
        long achievement = server.achievement(key);
        String issue = "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"A\", \"email\": \"a@example.org\"}}";
        check("/health", "get", server.send("GET", "/health", null, null));
        check("/api/v1/tenants", "post", server.send("POST", "/api/v1/tenants", ServerHarness.ADMIN_KEY, "{\"slug\": \"contract\", \"name\": \"again\"}"));
        check("/api/v1/tenants", "post", server.send("POST", "/api/v1/tenants", null, "{}"));
        check("/api/v1/achievements", "get", server.send("GET", "/api/v1/achievements", key, null));
        check("/api/v1/achievements/{id}", "get", server.send("GET", "/api/v1/achievements/" + achievement, key, null));
        check("/api/v1/achievements/{id}", "get", server.send("GET", "/api/v1/achievements/999999", key, null));
        check("/api/v1/achievements", "post", server.send("POST", "/api/v1/achievements", key, "{\"kind\": \"trophy\"}"));
        var issued = server.send("POST", "/api/v1/credentials", key, issue);
        check("/api/v1/credentials", "post", issued);
        check("/api/v1/credentials", "post", server.send("POST", "/api/v1/credentials", key, issue));
        check("/api/v1/credentials", "post", server.send("POST", "/api/v1/credentials", key, "not json", "Content-Type", "text/plain"));
        String number = issued.json().get("number").asText();
        check("/api/v1/verify/{number}", "get", server.send("GET", "/api/v1/verify/" + number, null, null));
        check("/api/v1/verify/{number}", "get", server.send("GET", "/api/v1/verify/CRD-0000-0000-00", null, null));
        check("/api/v1/verify", "post", server.send("POST", "/api/v1/verify", null, issued.json().get("credential").toString()));
        check("/c/{number}", "get", server.send("GET", "/c/" + number, null, null));
        check("/c/{number}", "get", server.send("GET", "/c/CRD-0000-0000-00", null, null));
        check("/c/{number}/credential.json", "get", server.send("GET", "/c/" + number + "/credential.json", null, null));
        check("/c/{number}/credential.json", "get", server.send("GET", "/c/CRD-0000-0000-00/credential.json", null, null));
        check("/transparency/{slug}/checkpoint", "get", server.send("GET", "/transparency/contract/checkpoint", null, null));
        check("/transparency/{slug}/inclusion/{number}", "get", server.send("GET", "/transparency/contract/inclusion/" + number, null, null));
        check("/transparency/{slug}/consistency", "get", server.send("GET", "/transparency/contract/consistency?from=1&to=1", null, null));
        check("/api/v1/credentials/{id}/suspend", "post", server.send("POST", "/api/v1/credentials/" + number + "/suspend", key, "{\"reason\": \"r\"}"));
        check("/api/v1/credentials/{id}/reinstate", "post", server.send("POST", "/api/v1/credentials/" + number + "/reinstate", key, null));
        check("/api/v1/credentials/{id}/revoke", "post", server.send("POST", "/api/v1/credentials/" + number + "/revoke", key, "{}"));
        check("/api/v1/credentials/{id}/revoke", "post", server.send("POST", "/api/v1/credentials/" + number + "/revoke", key, "{\"reason\": \"r\"}"));
        check("/api/v1/credentials/{id}/suspend", "post", server.send("POST", "/api/v1/credentials/" + number + "/suspend", key, "{\"reason\": \"r\"}"));
        check("/api/v1/audit", "get", server.send("GET", "/api/v1/audit", key, null));
        check("/api/v1/signing-keys/rotate", "post", server.send("POST", "/api/v1/signing-keys/rotate", key, null));
        check("/api/v1/api-keys/{prefix}/revoke", "post", server.send("POST", "/api/v1/api-keys/ffffffffffff/revoke", key, null));
        var created = server.send("POST", "/api/v1/api-keys", key, "{\"label\": \"contract\", \"scopes\": [\"read\"]}");
        check("/api/v1/api-keys", "post", created);
        check("/api/v1/api-keys", "post", server.send("POST", "/api/v1/api-keys", key, "{\"label\": \"contract\", \"scopes\": [\"root\"]}"));
        check("/api/v1/api-keys", "get", server.send("GET", "/api/v1/api-keys", key, null));
        String prefix = created.json().get("prefix").asText();
        check("/api/v1/api-keys/{prefix}/rotate", "post", server.send("POST", "/api/v1/api-keys/" + prefix + "/rotate", key, "{\"graceSeconds\": 60}"));
        check("/api/v1/api-keys/{prefix}/rotate", "post", server.send("POST", "/api/v1/api-keys/ffffffffffff/rotate", key, null));
        check("/api/v1/api-keys", "get", server.send("GET", "/api/v1/api-keys", key, null));
        check("/api/v1/api-keys/{prefix}/revoke", "post", server.send("POST", "/api/v1/api-keys/" + prefix + "/revoke", key, null));
        check("/credentials/verify", "post", server.send("POST", "/credentials/verify", null, "{\"verifiableCredential\": " + issued.json().get("credential") + "}"));
        checkBadgesAndBranding(key, achievement, number);
        check("/r/{number}/{target}", "get", server.send("GET", "/r/" + number + "/issuer", null, null));
        check("/r/{number}/{target}", "get", server.send("GET", "/r/" + number + "/nowhere", null, null));
        check("/s/{number}/{channel}", "get", server.send("GET", "/s/" + number + "/x", null, null));
        check("/s/{number}/{channel}", "get", server.send("GET", "/s/CRD-0000-0000-00/x", null, null));
        check("/t/{number}", "post", server.send("POST", "/t/" + number, null, "{\"type\": \"share_click\", \"channel\": \"copy_link\"}"));
        check("/t/{number}", "post", server.send("POST", "/t/" + number, null, "{\"type\": \"claim\"}"));
        check("/t/{number}", "post", server.send("POST", "/t/CRD-0000-0000-00", null, "{\"type\": \"view\"}"));
        check("/t/{number}", "get", server.send("GET", "/t/" + number + "?type=download&channel=pdf", null, null));
        check("/api/openapi.yaml", "get", server.send("GET", "/api/openapi.yaml", null, null));
        check("/api/docs", "get", server.send("GET", "/api/docs", null, null));
        assertThat(server.send("GET", "/webjars/swagger-ui/5.30.2/swagger-ui-bundle.js", null, null).status()).isEqualTo(200);
    }

    @Test
    void user_sign_in_and_credential_listing_responses_match_the_spec() {
        String key = server.tenant("contract-users");
        String user = "{\"email\": \"o@example.org\", \"name\": \"O\", \"role\": \"owner\", \"password\": \"a long enough passphrase\"}";
        var created = server.send("POST", "/api/v1/users", key, user);
        check("/api/v1/users", "post", created);
        check("/api/v1/users", "post", server.send("POST", "/api/v1/users", key, user));
        check("/api/v1/users", "post", server.send("POST", "/api/v1/users", key, "{\"email\": \"x\"}"));
        check("/api/v1/users", "get", server.send("GET", "/api/v1/users", key, null));
        String id = created.json().get("id").asText();
        check("/api/v1/users/{id}", "get", server.send("GET", "/api/v1/users/" + id, key, null));
        check("/api/v1/users/{id}", "get", server.send("GET", "/api/v1/users/999999", key, null));
        check("/api/v1/users/{id}", "patch", server.send("PATCH", "/api/v1/users/" + id, key, "{\"name\": \"Owner\"}"));
        check("/api/v1/users/{id}", "patch", server.send("PATCH", "/api/v1/users/" + id, key, "{\"role\": \"viewer\"}"));
        long achievement = server.achievement(key);
        var issued = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"A\", \"email\": \"a@example.org\"}}");
        check("/api/v1/credentials", "get", server.send("GET", "/api/v1/credentials?limit=1", key, null));
        check("/api/v1/credentials", "get", server.send("GET", "/api/v1/credentials?limit=999", key, null));
        check("/api/v1/credentials/{id}", "get", server.send("GET", "/api/v1/credentials/" + issued.json().get("id").asText(), key, null));
        check("/api/v1/credentials/{id}", "get", server.send("GET", "/api/v1/credentials/CRD-0000-0000-00", key, null));

        check("/login", "get", server.send("GET", "/login?next=/app", null, null));
        String form = "tenant=contract-users&email=o%40example.org&password=";
        String[] formType = {"Content-Type", "application/x-www-form-urlencoded"};
        check("/login", "post", server.sendBytes("POST", "/login", null, (form + "wrong").getBytes(java.nio.charset.StandardCharsets.UTF_8), formType));
        var signedIn = server.sendBytes("POST", "/login", null, (form + "a+long+enough+passphrase").getBytes(java.nio.charset.StandardCharsets.UTF_8), formType);
        check("/login", "post", signedIn);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        check("/app", "get", server.sendBytes("GET", "/app", null, null, "Cookie", cookie));
        check("/app", "get", server.sendBytes("GET", "/app", null, null));
        check("/app/users", "get", server.sendBytes("GET", "/app/users", null, null, "Cookie", cookie));
        check("/logout", "post", server.sendBytes("POST", "/logout", null, null, "Cookie", cookie));
        check("/logout", "post", server.sendBytes("POST", "/logout", null, null));
    }

    /** Branding, badge images and share images (issue 4). */
    private static void checkBadgesAndBranding(String key, long achievement, String number) {
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        check("/api/v1/branding", "get", server.send("GET", "/api/v1/branding", key, null));
        check("/api/v1/branding", "put", server.send("PUT", "/api/v1/branding", key, "{\"primaryColour\": \"#112233\", \"linkedinOrganizationId\": \"42\"}"));
        check("/api/v1/branding", "put", server.send("PUT", "/api/v1/branding", key, "{\"pageSize\": \"A5\"}"));
        for (String slot : List.of("logo", "signature")) {
            String path = "/api/v1/branding/" + slot;
            check(path, "get", server.send("GET", path, key, null));
            check(path, "put", server.sendBytes("PUT", path, key, png, "Content-Type", "image/png"));
            check(path, "put", server.sendBytes("PUT", path, key, png, "Content-Type", "image/gif"));
            check(path, "put", server.sendBytes("PUT", path, key, new byte[] {1, 2, 3}, "Content-Type", "image/png"));
            check(path, "get", server.send("GET", path, key, null));
            check(path, "delete", server.send("DELETE", path, key, null));
        }
        String image = "/api/v1/achievements/" + achievement + "/image";
        check("/api/v1/achievements/{id}/image", "get", server.send("GET", image, key, null));
        check("/api/v1/achievements/{id}/image", "get", server.send("GET", image + "?format=svg", key, null));
        check("/api/v1/achievements/{id}/image", "put", server.sendBytes("PUT", image, key, png, "Content-Type", "image/png"));
        check("/api/v1/achievements/{id}/image", "put", server.sendBytes("PUT", image, key,
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script></svg>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type", "image/svg+xml"));
        check("/api/v1/achievements/{id}/image", "put", server.sendBytes("PUT", image, key, new byte[2 * 1024 * 1024 - 100], "Content-Type", "image/png"));
        check("/api/v1/achievements/{id}/image", "delete", server.send("DELETE", image, key, null));
        check("/api/v1/achievements/{id}/image", "get", server.send("GET", "/api/v1/achievements/999999/image", key, null));
        for (String file : List.of("badge.png", "badge.svg", "share.png")) {
            check("/c/{number}/" + file, "get", server.send("GET", "/c/" + number + "/" + file + "?download=1", null, null));
            check("/c/{number}/" + file, "get", server.send("GET", "/c/CRD-0000-0000-00/" + file, null, null));
        }
    }

    @Test
    void delivery_claim_and_recipient_responses_match_the_spec() {
        String key = server.tenant("contract-mail");
        long achievement = server.achievement(key);
        var issued = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": \"M\", \"email\": \"m@example.org\"}}").json();
        String number = issued.get("number").asText();
        server.credence.mailWorker().runDue();
        check("/api/v1/credentials/{id}/delivery", "get", server.send("GET", "/api/v1/credentials/" + number + "/delivery", key, null));
        check("/api/v1/credentials/{id}/delivery", "get", server.send("GET", "/api/v1/credentials/CRD-0000-0000-00/delivery", key, null));
        check("/api/v1/credentials/{id}/resend", "post", server.send("POST", "/api/v1/credentials/" + number + "/resend", key, null));
        server.credence.mailWorker().runDue();
        check("/api/v1/credentials/{id}/delivery", "get", server.send("GET", "/api/v1/credentials/" + issued.get("id").asText() + "/delivery", key, null));
        check("/api/v1/credentials/{id}/resend", "post", server.send("POST", "/api/v1/credentials/" + number + "/resend", null, null));
        String form = "application/x-www-form-urlencoded";
        String unknown = "A".repeat(43);
        check("/claim/{token}", "get", server.send("GET", "/claim/" + unknown, null, null));
        check("/claim/{token}", "post", server.send("POST", "/claim/" + unknown, null, "visibility=public", "Content-Type", form));
        check("/claim/{token}", "post", server.send("POST", "/claim/" + unknown, null, "visibility=everyone", "Content-Type", form));
        check("/claim", "post", server.send("POST", "/claim", null, "number=" + number, "Content-Type", form));
        check("/me", "get", server.send("GET", "/me", null, null));
        check("/me/sign-in", "post", server.send("POST", "/me/sign-in", null, "tenant=contract-mail&email=m%40example.org", "Content-Type", form));
        check("/me/sign-in/{token}", "get", server.send("GET", "/me/sign-in/" + unknown, null, null));
        check("/me/sign-in/{token}", "post", server.send("POST", "/me/sign-in/" + unknown, null, null));
        check("/me/credentials/{number}/privacy", "post", server.send("POST", "/me/credentials/" + number + "/privacy", null, "csrf=x", "Content-Type", form));
        check("/me/logout", "post", server.send("POST", "/me/logout", null, "csrf=x", "Content-Type", form));
        check("/outbox", "get", server.send("GET", "/outbox", null, null));
        check("/outbox/{name}", "get", server.send("GET", "/outbox/mail-1.eml", null, null));
        check("/outbox/{name}", "get", server.send("GET", "/outbox/mail-999999.eml", null, null));
    }

    /** The status is documented for the operation, and a JSON body validates against the documented schema. */
    static void check(String path, String method, ServerHarness.Response response) {
        JsonNode operation = spec.get("paths").get(path).get(method);
        JsonNode documented = operation.get("responses").get(String.valueOf(response.status()));
        assertThat(documented).as(method + " " + path + " answered " + response.status() + ": " + response.body()).isNotNull();
        documented = resolve(documented);
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        JsonNode content = documented.path("content");
        if (content.isMissingNode() || response.status() == 304) {
            return;
        }
        assertThat(content.has(type)).as(method + " " + path + " " + response.status() + " content type " + type).isTrue();
        if (response.json() != null) {
            List<String> errors = validate(content.get(type).get("schema"), response.json());
            assertThat(errors).as(method + " " + path + " " + response.status() + " body " + response.body()).isEmpty();
        }
    }

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /**
     * Validates a body against a response schema as JSON Schema 2020-12 (what OpenAPI 3.1 uses).
     * The spec's components ride along in the schema, so {@code #/components/…} references resolve.
     */
    static List<String> validate(JsonNode schema, JsonNode body) {
        ObjectNode standalone = schema.deepCopy();
        standalone.set("components", spec.get("components"));
        return SCHEMAS.getSchema(standalone).validate(body).stream().map(m -> m.getMessage()).sorted().toList();
    }

    static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = spec.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }
}
