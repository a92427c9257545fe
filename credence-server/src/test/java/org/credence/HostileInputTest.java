package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation in openapi.yaml, sent what an attacker sends: a NUL byte in each JSON and form
 * field, in each query and path parameter, {@code 1e400} for each number, crafted cursors. No
 * answer is a 500, and every error has a body: a problem on API paths, a problem or a page elsewhere.
 */
@Tag("integration")
class HostileInputTest {
    static final String NUL = "a\u0000b";
    static final List<String> CURSORS = List.of("!!!", "%00", "eyJ4IjoxfQ", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA", "MTIzNDU2Nzg5MA",
            "9223372036854775808", "-1", cursor("+1000000000-01-01T00:00:00Z|00000000-0000-0000-0000-000000000000"),
            cursor("-999999999-01-01T00:00:00Z|00000000-0000-0000-0000-000000000000"), cursor("2020-01-01T00:00:00Z|" + "\u0000"), "x".repeat(5000), "2020-01-01T00:00:00Z|00000000-0000-0000-0000-000000000000");
    @TempDir
    static Path data;

    static String cursor(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static ServerHarness server;
    static String key;
    static long achievement;
    static String number;
    static String id;
    static String cookie;
    static String csrf;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("hostile");
        achievement = server.achievement(key);
        var issued = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": \"A\", \"email\": \"a@example.org\"}}");
        number = issued.json().get("number").asText();
        id = issued.json().get("id").asText();
        server.send("POST", "/api/v1/users", key, "{\"email\": \"owner@hostile.example\", \"name\": \"O\", \"role\": \"owner\", \"password\": \"correct horse battery\"}");
        var login = server.form("/login", null, "tenant", "hostile", "email", "owner@hostile.example", "password", "correct horse battery");
        String header = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence_session=")).findFirst().orElseThrow();
        cookie = header.substring("credence_session=".length(), header.indexOf(';'));
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(
                server.sendBytes("GET", "/app", null, null, "Cookie", "credence_session=" + cookie).body());
        assertThat(m.find()).isTrue();
        csrf = m.group(1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A path of the spec with its parameters filled in ({@code hostile} replaces every one when given). */
    static String fill(String template, String hostile) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = hostile != null ? hostile : switch (m.group(1)) {
                case "number" -> number;
                case "slug" -> "hostile";
                case "id" -> template.contains("achievements") ? String.valueOf(achievement) : template.contains("users") ? "1" : id;
                case "name" -> "classic";
                case "list" -> "1";
                case "file" -> "certificate.pdf";
                case "token" -> "abc";
                default -> "x";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static JsonNode resolve(JsonNode schema) {
        while (schema != null && schema.has("$ref")) {
            schema = OpenApiContractTest.spec.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    /** A plausible value for the schema; {@code poison} replaces the value at the dotted path {@code target}. */
    static JsonNode example(JsonNode schema, String path, String target, JsonNode poison) {
        schema = resolve(schema);
        if (path.equals(target)) {
            return poison;
        }
        if (schema == null) {
            return JsonNodeFactory.instance.textNode("x");
        }
        for (String alternative : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(alternative)) {
                return example(schema.get(alternative).get(0), path, target, poison);
            }
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> node.set(p.getKey(), example(p.getValue(), child(path, p.getKey()), target, poison)));
                return node;
            }
            case "array":
                return JsonNodeFactory.instance.arrayNode().add(example(schema.get("items"), child(path, "0"), target, poison));
            case "integer":
                return JsonNodeFactory.instance.numberNode(1);
            case "number":
                return JsonNodeFactory.instance.numberNode(1.5);
            case "boolean":
                return JsonNodeFactory.instance.booleanNode(true);
            default:
                return JsonNodeFactory.instance.textNode(schema.path("format").asText().equals("email") ? "x@example.org"
                        : schema.path("format").asText().equals("date-time") ? "2030-01-01T00:00:00Z" : "x");
        }
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The dotted paths of every leaf of the schema with a type in {@code types}. */
    static List<String> leaves(JsonNode schema, String path, List<String> types) {
        schema = resolve(schema);
        List<String> found = new ArrayList<>();
        if (schema == null) {
            return found;
        }
        for (String alternative : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(alternative)) {
                return leaves(schema.get(alternative).get(0), path, types);
            }
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        if (type.equals("object")) {
            schema.path("properties").fields().forEachRemaining(p -> found.addAll(leaves(p.getValue(), child(path, p.getKey()), types)));
        } else if (type.equals("array")) {
            found.addAll(leaves(schema.get("items"), child(path, "0"), types));
        } else if (types.contains(type) && !path.isEmpty()) {
            found.add(path);
        }
        return found;
    }

    record Sent(String what, ServerHarness.Response response) {}

    @Test
    void no_operation_answers_500_or_an_error_without_a_problem_body() {
        List<Sent> sent = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = OpenApiContractTest.spec.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            entry.getValue().fields().forEachRemaining(op -> {
                if (!OpenApiContractTest.METHODS.contains(op.getKey())) {
                    return;
                }
                String method = op.getKey().toUpperCase();
                String path = fill(template, null);
                if (template.contains("{")) {
                    sent.add(new Sent(method + " " + template + " with %00 in the path", call(method, fill(template, "a%00b"), null, null)));
                }
                List<JsonNode> parameters = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
                entry.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
                for (JsonNode p : parameters) {
                    if (p.path("in").asText().equals("query")) {
                        String name = p.get("name").asText();
                        for (String value : name.equals("cursor") ? CURSORS : List.of(NUL, "1e400", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2020-01-01T00:00:00+99:00")) {
                            sent.add(new Sent(method + " " + template + "?" + name + "=" + value.replace("\u0000", "\\0"),
                                    call(method, path + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), null, null)));
                        }
                    }
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                JsonNode json = content.path("application/json").path("schema");
                if (!json.isMissingNode()) {
                    for (String leaf : leaves(json, "", List.of("string"))) {
                        String body = example(json, "", leaf, JsonNodeFactory.instance.textNode(NUL)).toString();
                        sent.add(new Sent(method + " " + template + " JSON " + leaf + "=NUL", call(method, path, body, "application/json")));
                    }
                    for (String leaf : leaves(json, "", List.of("integer", "number"))) {
                        String body = example(json, "", leaf, JsonNodeFactory.instance.textNode("@@")).toString().replace("\"@@\"", "1e400");
                        sent.add(new Sent(method + " " + template + " JSON " + leaf + "=1e400", call(method, path, body, "application/json")));
                    }
                    sent.add(new Sent(method + " " + template + " JSON with a NUL key", call(method, path, "{\"a\\u0000\": 1}", "application/json")));
                }
                JsonNode form = content.path("application/x-www-form-urlencoded").path("schema");
                if (!form.isMissingNode() || method.equals("POST") && !template.startsWith("/api/")) {
                    List<String> fields = new ArrayList<>(leaves(form, "", List.of("string")));
                    fields.addAll(List.of("tenant", "email", "number", "next", "lang"));
                    for (String field : fields) {
                        StringBuilder body = new StringBuilder("csrf=" + csrf);
                        for (String other : fields) {
                            body.append('&').append(other).append('=').append(URLEncoder.encode(other.equals(field) ? NUL : "x", StandardCharsets.UTF_8));
                        }
                        sent.add(new Sent(method + " " + template + " form " + field + "=NUL", call(method, path, body.toString(), "application/x-www-form-urlencoded")));
                    }
                }
            });
        }
        SoftAssertions soft = new SoftAssertions();
        for (Sent s : sent) {
            ServerHarness.Response r = s.response();
            String type = r.headers().firstValue("Content-Type").orElse("");
            soft.assertThat(r.status()).as(s.what() + ": " + r.body()).isNotEqualTo(500);
            if (r.status() >= 400) {
                soft.assertThat(r.body()).as(s.what() + " has a body").isNotBlank();
                boolean api = s.what().contains(" /api/") || s.what().contains(" /credentials/") || s.what().contains(" /t/");
                if (api) {
                    soft.assertThat(type).as(s.what() + " answers a problem").startsWith("application/problem+json");
                } else {
                    soft.assertThat(type).as(s.what() + " answers a problem or a page").matches("(application/problem\\+json|text/html).*");
                }
            }
        }
        System.out.println("HostileInputTest sent " + sent.size() + " requests");
        soft.assertAll();
    }

    @Test
    void odd_content_types_and_bodies_are_problems_or_pages_not_errors() {
        String[] types = {"application/json; charset=bogus", "application/x-www-form-urlencoded; charset=bogus", "multipart/form-data",
                "multipart/form-data; boundary=x", "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded"};
        String[] bodies = {"{\"a\": 1}", "a=%zz&b=%", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", ""};
        SoftAssertions soft = new SoftAssertions();
        for (String path : List.of("/api/v1/credentials", "/api/v1/verify", "/verify", "/login", "/claim", "/me/sign-in", "/api/v1/tenants",
                "/credentials/verify", "/credentials/issue", "/t/" + number, "/api/v1/branding/logo", "/app/password")) {
            for (String type : types) {
                for (String body : bodies) {
                    var r = call(path.equals("/api/v1/branding/logo") ? "PUT" : "POST", path, body, type);
                    String what = path + " " + type + " " + body.replace("\r\n", " ");
                    soft.assertThat(r.status()).as(what + ": " + r.body()).isNotEqualTo(500);
                    if (r.status() >= 400) {
                        soft.assertThat(r.body()).as(what + " has a body").isNotBlank();
                        soft.assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).matches("(application/problem\\+json|text/html).*");
                    }
                }
            }
        }
        soft.assertAll();
    }

    static ServerHarness.Response call(String method, String path, String body, String contentType) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        // the tenant's key and an owner's session: the request gets past authentication to the code that reads its input
        try {
            return send(method, path, bytes, contentType);
        } catch (java.io.UncheckedIOException first) {
            // the server may close a connection after refusing a body it did not read, as HTTP allows; the client learns it
            // only when it reuses the connection, so the request is sent once more, on a new one
            try {
                return send(method, path, bytes, contentType);
            } catch (java.io.UncheckedIOException e) {
                // no answer at all is as bad as a 500
                return new ServerHarness.Response(500, null, "no answer: " + e.getMessage(), java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true));
            }
        }
    }

    static ServerHarness.Response send(String method, String path, byte[] bytes, String contentType) {
        return server.sendBytes(method, path, path.equals("/api/v1/tenants") ? ServerHarness.ADMIN_KEY : key, bytes, "Content-Type", contentType, "Cookie", "credence_session=" + cookie,
                "X-CSRF-Token", csrf, "Origin", server.base());
    }
}
