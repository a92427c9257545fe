package org.credence.standards.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * 1EdTech's JSON Schema for AchievementCredential (draft 2019-09), bundled: every {@code $ref}
 * in it is local, so validation never touches the network.
 */
final class Schemas {
    private static final JsonSchema ACHIEVEMENT_CREDENTIAL = load();
    private static final int MAX_LISTED = 5;

    private Schemas() {}

    /** The problems of {@code credential} against the schema, as {@code path: message}; empty when it conforms. */
    static List<String> problems(JsonNode credential) {
        Set<ValidationMessage> messages = ACHIEVEMENT_CREDENTIAL.validate(credential);
        return messages.stream().map(m -> m.getMessage()).sorted().toList();
    }

    static Check check(JsonNode credential) {
        if (!isOpenBadge(credential)) {
            return Check.skipped(CheckName.SCHEMA, "not an Open Badges credential; only the W3C data model applies");
        }
        List<String> problems = problems(credential);
        if (problems.isEmpty()) {
            return Check.passed(CheckName.SCHEMA, "conforms to the Open Badges 3.0 AchievementCredential schema");
        }
        String listed = String.join("; ", problems.subList(0, Math.min(MAX_LISTED, problems.size())));
        String more = problems.size() > MAX_LISTED ? " (and " + (problems.size() - MAX_LISTED) + " more)" : "";
        return Check.failed(CheckName.SCHEMA, VerificationError.SCHEMA_VIOLATION,
                "does not conform to the Open Badges 3.0 schema: " + listed + more);
    }

    private static boolean isOpenBadge(JsonNode credential) {
        for (JsonNode type : credential.path("type")) {
            String name = type.asText();
            if (name.equals("OpenBadgeCredential") || name.equals("AchievementCredential")) {
                return true;
            }
        }
        return false;
    }

    private static JsonSchema load() {
        try (InputStream in = Schemas.class.getResourceAsStream("/org/credence/standards/schema/achievementcredential.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("the bundled Open Badges schema is missing from the jar");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
