package org.credence.standards.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * 1EdTech's JSON Schema for AchievementCredential (draft 2019-09), bundled. Every {@code $ref} in
 * it is local, so validation never touches the network. Thread-safe.
 */
public final class OpenBadgeSchema {
    private static final JsonSchema ACHIEVEMENT_CREDENTIAL = load();

    private OpenBadgeSchema() {}

    /** The problems of {@code credential} against the schema, as {@code path: message}, sorted; empty when it conforms. */
    public static List<String> problems(JsonNode credential) {
        return ACHIEVEMENT_CREDENTIAL.validate(credential).stream().map(m -> m.getMessage()).sorted().toList();
    }

    private static JsonSchema load() {
        try (InputStream in = OpenBadgeSchema.class.getResourceAsStream("/org/credence/standards/schema/achievementcredential.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("the bundled Open Badges schema is missing from the jar");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
