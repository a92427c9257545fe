package org.credence.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.json.JsonFields;

/** A survey as JSON, shaped and read in one place: the API's answer, the audit trail's record, custom items as JSON text. */
public final class SurveyJson {
    private SurveyJson() {}

    /** The survey as the API and the audit trail show it. */
    public static ObjectNode of(Survey s) {
        ObjectNode body = JsonFields.MAPPER.createObjectNode();
        body.put("achievementId", s.achievementId()).put("configured", s.configured()).put("enabled", s.enabled());
        s.waveMonths().forEach(body.putArray("waveMonths")::add);
        body.put("reminderDays", s.reminderDays()).put("openDays", s.openDays()).put("currency", s.currency());
        ArrayNode standard = body.putArray("standardItems");
        for (String id : List.of("satisfaction", "skill_applied", "career_outcome", "monetary_impact", "attribution_pct", "confidence_pct")) {
            standard.add(id);
        }
        body.set("items", JsonFields.MAPPER.valueToTree(s.items()));
        if (s.updatedAt() != null) {
            body.put("updatedBy", s.updatedBy()).put("updatedAt", s.updatedAt().toString());
        }
        return body;
    }

    /** A drawn non-completer sample as the audit trail records it (counts and the seed, never addresses). */
    static ObjectNode sample(long sampleId, int listed, int invited, long seed, int wave) {
        return JsonFields.MAPPER.createObjectNode().put("sample", sampleId).put("listed", listed).put("invited", invited).put("seed", seed)
                .put("wave", wave);
    }

    /** Custom items as the API and the page's text box write them: a list of {id, type, label, options}. */
    static List<SurveyItem> items(JsonNode list) {
        List<SurveyItem> items = new ArrayList<>();
        if (list == null || list.isNull()) {
            return items;
        }
        if (!list.isArray()) {
            throw new DomainException.InvalidInput("items", ErrorText.of("survey.items_not_list"));
        }
        for (JsonNode item : list) {
            List<Map<String, String>> options = new ArrayList<>();
            if (item.has("options")) {
                item.get("options").forEach(o -> options.add(texts(o)));
            }
            items.add(new SurveyItem(item.path("id").asText(null), item.path("type").asText(""), texts(item.path("label")), options));
        }
        return items;
    }

    /** The items as the page's text box shows them. */
    static String itemsText(List<SurveyItem> items) {
        return items.isEmpty() ? "" : JsonFields.MAPPER.valueToTree(items).toPrettyString();
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
        }
        return texts;
    }
}
