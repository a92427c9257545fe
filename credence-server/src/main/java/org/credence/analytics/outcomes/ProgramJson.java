package org.credence.analytics.outcomes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.credence.analytics.outcomes.ProgramStore.Program;
import org.credence.json.JsonFields;

/** An achievement's program metadata as the API answers it ({@code GET/PUT /api/v1/achievements/{id}/program}) and the audit trail keeps it. */
public final class ProgramJson {
    private ProgramJson() {}

    /** {@code achievementId}, {@code launchedOn} (a date or null), {@code studyDesign}, {@code updatedBy}, {@code updatedAt}. */
    public static ObjectNode of(Program program) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("achievementId", program.achievementId());
        node.put("launchedOn", program.launchedOn().map(LocalDate::toString).orElse(null));
        node.put("studyDesign", program.studyDesign());
        node.put("updatedBy", program.updatedBy());
        node.put("updatedAt", program.updatedAt() == null ? null : program.updatedAt().toString());
        return node;
    }
}
