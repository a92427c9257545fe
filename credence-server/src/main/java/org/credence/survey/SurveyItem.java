package org.credence.survey;

import java.util.List;
import java.util.Map;

/**
 * A custom survey item, worded in English and Norwegian bokmål.
 *
 * @param id      stable key of the item's answers ({@code c1}, {@code c2} … when not given)
 * @param type    {@code text}, {@code choice} (one of {@code options}) or {@code scale} (1–5)
 * @param label   the question by language ({@code en}, {@code nb})
 * @param options a choice item's options, each by language; empty for the other types
 */
public record SurveyItem(String id, String type, Map<String, String> label, List<Map<String, String>> options) {
    public static final List<String> TYPES = List.of("text", "choice", "scale");

    public SurveyItem {
        label = Map.copyOf(label);
        options = options.stream().map(Map::copyOf).toList();
    }

    /** The question in {@code lang}. */
    public String label(String lang) {
        return label.getOrDefault(lang, label.get("en"));
    }
}
