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
    static JsonNode spec;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerHarness(data);
        spec = new ObjectMapper(new YAMLFactory()).readTree(ApiDocsRoutes.spec());
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
        check("/credentials/verify", "post", server.send("POST", "/credentials/verify", null, "{\"verifiableCredential\": " + issued.json().get("credential") + "}"));
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
