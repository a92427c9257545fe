package org.credence.standards.verification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.credence.standards.model.OpenBadgeSchema;

/** The SCHEMA check: Open Badges credentials against 1EdTech's bundled schema. */
final class Schemas {
    private static final int MAX_LISTED = 5;

    private Schemas() {}

    static Check check(JsonNode credential) {
        if (!isOpenBadge(credential)) {
            return Check.skipped(CheckName.SCHEMA, "not an Open Badges credential; only the W3C data model applies");
        }
        List<String> problems = OpenBadgeSchema.problems(credential);
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
}
