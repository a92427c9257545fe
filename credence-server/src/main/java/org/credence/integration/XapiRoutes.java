package org.credence.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.config.JavalinConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.standards.model.CredentialFormatException;
import org.credence.standards.model.CredentialJson;
import org.credence.tenant.Caller;

/**
 * {@code POST /api/v1/integrations/xapi/statements}: xAPI 1.0.3 (IEEE 9274.1.1) statements, one or a batch,
 * as an LRS or an xAPI-speaking LMS forwards them. {@code completed} and {@code passed} on an activity
 * mapped like a course id are completions at 100 %; other statements are acknowledged and ignored. The
 * answer is an LRS's: 200 with the statement ids. A malformed statement refuses the whole batch (400,
 * naming the field), as an LRS does.
 */
public final class XapiRoutes {
    /** The xAPI version this endpoint speaks, sent back on every answer. */
    static final String VERSION = "1.0.3";
    static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    /** Statements one request may carry. */
    static final int MAX_BATCH = 1000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> IFIS = Set.of("mbox", "mbox_sha1sum", "openid", "account");

    private XapiRoutes() {}

    public static void register(JavalinConfig config, Completions completions, Auth auth) {
        config.routes.post("/api/v1/integrations/xapi/statements", ctx -> {
            ctx.header("X-Experience-API-Version", VERSION);
            Caller caller = auth.requireTenant(ctx, "issue");
            String version = ctx.header("X-Experience-API-Version");
            if (version != null && !version.strip().startsWith("1.0")) {
                throw Problem.badParameter("X-Experience-API-Version", "this endpoint speaks xAPI 1.0.x (1.0.3); the request says " + version);
            }
            String type = ctx.contentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw Problem.unsupportedMediaType("send statements as application/json");
            }
            JsonNode body;
            try {
                body = CredentialJson.readTree(ctx.bodyAsBytes());
            } catch (CredentialFormatException e) {
                throw Problem.badRequest(e.getMessage());
            }
            List<Statement> statements = statements(body);
            List<Completions.Report> reports = statements.stream().filter(s -> s.report() != null).map(Statement::report).toList();
            if (!reports.isEmpty()) {
                completions.receive(caller, reports);
            }
            ArrayNode ids = Json.MAPPER.createArrayNode();
            statements.forEach(s -> ids.add(s.id().toString()));
            ctx.json(ids);
        });
    }

    /** A statement read: its id (given or assigned), and the completion it reports (null: acknowledged and ignored). */
    record Statement(UUID id, Completions.Report report) {}

    /** The statements of a body that is one statement or an array of them; the first fault is a 400 naming its field. */
    static List<Statement> statements(JsonNode body) {
        if (body.isObject()) {
            return List.of(statement(body, ""));
        }
        if (!body.isArray() || body.isEmpty()) {
            throw Problem.badRequest("send one statement (a JSON object) or a non-empty array of them");
        }
        if (body.size() > MAX_BATCH) {
            throw Problem.tooLarge("at most " + MAX_BATCH + " statements per request; send the rest in another");
        }
        List<Statement> statements = new ArrayList<>(body.size());
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < body.size(); i++) {
            Statement statement = statement(body.get(i), "[" + i + "].");
            if (!ids.add(statement.id())) {
                throw Problem.badField("[" + i + "].id", "statement id " + statement.id() + " appears twice in this batch");
            }
            statements.add(statement);
        }
        return statements;
    }

    /** One statement; {@code at} prefixes field names in problems ("[3]." in a batch). */
    static Statement statement(JsonNode s, String at) {
        if (!s.isObject()) {
            throw Problem.badField(at.isEmpty() ? "statement" : at.substring(0, at.length() - 1), "a statement is a JSON object");
        }
        UUID id = UUID.randomUUID();
        if (s.has("id")) {
            try {
                id = UUID.fromString(text(s, "id", at));
            } catch (IllegalArgumentException e) {
                throw Problem.badField(at + "id", "id must be a UUID");
            }
        }
        JsonNode actor = object(s, "actor", at);
        JsonNode verb = object(s, "verb", at);
        String verbId = iri(verb, "verb.id", at);
        JsonNode object = object(s, "object", at);
        String objectType = object.has("objectType") ? text(object, "object.objectType", at) : "Activity";
        List<String> ifis = IFIS.stream().filter(actor::has).sorted().toList();
        if (ifis.size() != 1) {
            throw Problem.badField(at + "actor", "an actor names the learner by exactly one of mbox, mbox_sha1sum, openid, account"
                    + (ifis.isEmpty() ? "" : " (this one has " + String.join(", ", ifis) + ")"));
        }
        String courseId = null;
        if (objectType.equals("Activity")) {
            courseId = CompletionRoutes.courseId(object.get("id"), at + "object.id");
            iri(object, "object.id", at);
        } else if (!Set.of("Agent", "Group", "StatementRef", "SubStatement").contains(objectType)) {
            throw Problem.badField(at + "object.objectType", "object.objectType must be Activity, Agent, Group, StatementRef or SubStatement");
        }
        BigDecimal score = score(s.get("result"), at);
        // xAPI 1.0.3 §2.4.7: an LRS sets a missing timestamp to the stored time, so a statement forwarded by an LRS without
        // one still says when it happened, and a later completion can renew
        var timestamp = s.has("timestamp") ? CompletionRoutes.instant(text(s, "timestamp", at), at + "timestamp")
                : s.has("stored") ? CompletionRoutes.instant(text(s, "stored", at), at + "stored") : null;
        if (courseId == null || !(verbId.equals(COMPLETED) || verbId.equals(PASSED))) {
            return new Statement(id, null); // acknowledged, not a completion
        }
        String email = email(actor, at);
        String name = actor.hasNonNull("name") ? text(actor, "actor.name", at).strip() : email;
        if (name.isEmpty() || name.length() > 300) {
            throw Problem.badField(at + "actor.name", "actor.name is 1 to 300 characters");
        }
        return new Statement(id, new Completions.Report(courseId, email, name, HUNDRED.setScale(2), score, timestamp, "xapi", id));
    }

    /** The learner's address: the mbox, or an account whose name is an address (a credential needs one). */
    private static String email(JsonNode actor, String at) {
        if (actor.has("mbox")) {
            String mbox = text(actor, "actor.mbox", at);
            if (!mbox.regionMatches(true, 0, "mailto:", 0, 7)) {
                throw Problem.badField(at + "actor.mbox", "actor.mbox is a mailto: IRI, such as mailto:ada@example.org");
            }
            return CompletionRoutes.email(mbox.substring(7), at + "actor.mbox");
        }
        if (actor.has("account")) {
            JsonNode account = object(actor, "actor.account", at);
            iri(account, "actor.account.homePage", at);
            String name = text(account, "actor.account.name", at).strip();
            if (name.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                return name;
            }
            throw Problem.badField(at + "actor.account.name", "a credential is sent to an e-mail address: this account's name ("
                    + name + ") is none; send actor.mbox, or an account named by the learner's address");
        }
        String ifi = actor.has("mbox_sha1sum") ? "mbox_sha1sum" : "openid";
        throw Problem.badField(at + "actor." + ifi, "a credential is sent to an e-mail address, which actor." + ifi
                + " does not give; send actor.mbox");
    }

    /** result.score as a percentage: scaled × 100 (negative as 0), else raw within min and max; null when none. */
    private static BigDecimal score(JsonNode result, String at) {
        if (result == null || result.isNull()) {
            return null;
        }
        if (!result.isObject()) {
            throw Problem.badField(at + "result", "result is a JSON object");
        }
        for (String flag : List.of("success", "completion")) {
            if (result.has(flag) && !result.get(flag).isBoolean()) {
                throw Problem.badField(at + "result." + flag, "result." + flag + " is true or false");
            }
        }
        JsonNode score = result.get("score");
        if (score == null) {
            return null;
        }
        if (!score.isObject()) {
            throw Problem.badField(at + "result.score", "result.score is a JSON object");
        }
        for (String part : List.of("scaled", "raw", "min", "max")) {
            if (score.has(part) && !score.get(part).isNumber()) {
                throw Problem.badField(at + "result.score." + part, "result.score." + part + " is a number");
            }
        }
        if (score.has("scaled")) {
            BigDecimal scaled = score.get("scaled").decimalValue();
            if (scaled.compareTo(BigDecimal.ONE.negate()) < 0 || scaled.compareTo(BigDecimal.ONE) > 0) {
                throw Problem.badField(at + "result.score.scaled", "result.score.scaled is from -1 to 1");
            }
            return scaled.max(BigDecimal.ZERO).multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
        }
        if (score.has("raw") && score.has("min") && score.has("max")) {
            BigDecimal raw = score.get("raw").decimalValue();
            BigDecimal min = score.get("min").decimalValue();
            BigDecimal max = score.get("max").decimalValue();
            if (max.compareTo(min) <= 0 || raw.compareTo(min) < 0 || raw.compareTo(max) > 0) {
                throw Problem.badField(at + "result.score.raw", "result.score needs min < max and raw between them");
            }
            return raw.subtract(min).multiply(HUNDRED).divide(max.subtract(min), 2, RoundingMode.HALF_UP);
        }
        return null;
    }

    private static JsonNode object(JsonNode node, String field, String at) {
        JsonNode value = node.get(field.substring(field.lastIndexOf('.') + 1));
        if (value == null || !value.isObject()) {
            throw Problem.badField(at + field, field + " is required and is a JSON object");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode value = node.get(field.substring(field.lastIndexOf('.') + 1));
        if (value == null || !value.isTextual()) {
            throw Problem.badField(at + field, field + " is required and is a string");
        }
        return value.asText();
    }

    /** An IRI: an absolute reference with a scheme, as xAPI requires of verb and activity ids. */
    private static String iri(JsonNode node, String field, String at) {
        String value = text(node, field, at);
        if (!value.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+")) {
            throw Problem.badField(at + field, field + " must be an IRI, such as https://lms.example/courses/data-101");
        }
        return value;
    }
}
