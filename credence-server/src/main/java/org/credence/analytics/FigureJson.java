package org.credence.analytics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.credence.insights.Figure;
import org.credence.insights.Input;
import org.credence.insights.Metric;
import org.credence.insights.Provenance;
import org.credence.insights.Warning;
import org.credence.insights.stats.Interval;
import org.credence.json.JsonFields;

/**
 * Writes insights figures as the API's JSON, field by field, so the wire format is ours to keep
 * stable whatever the records grow: the value, its unit, how it is computed, every input (measured
 * or assumed, with who set an assumption), the interval and the warnings.
 */
public final class FigureJson {
    private FigureJson() {}

    /** Set while a page builds its JSON: each warning then carries its text's key and arguments to be read in the page's language. */
    private static final ThreadLocal<Boolean> TEXT_KEYS = ThreadLocal.withInitial(() -> false);

    /**
     * Builds JSON for a page rather than the API: each warning written from a text also carries
     * {@code key}, {@code arguments} (and {@code about}), which {@link InsightsText} renders in the
     * page's language. The API's answers never carry them, so they stay as they were.
     */
    static <T> T forPage(java.util.function.Supplier<T> json) {
        boolean before = TEXT_KEYS.get();
        TEXT_KEYS.set(true);
        try {
            return json.get();
        } finally {
            TEXT_KEYS.set(before);
        }
    }

    private static void text(ObjectNode node, Warning warning) {
        node.put("key", warning.text().key());
        ObjectNode arguments = node.putObject("arguments");
        warning.arguments().forEach((name, value) -> {
            if (value instanceof Number number) {
                arguments.put(name, new java.math.BigDecimal(number.toString()));
            } else {
                arguments.put(name, String.valueOf(value));
            }
        });
        if (warning.about() != null) {
            node.put("about", warning.about());
        }
    }

    public static ObjectNode figure(Figure figure) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        Metric metric = figure.metric();
        node.put("id", metric.id());
        node.put("label", metric.label());
        if (figure.value() == null) {
            node.putNull("value");
        } else {
            node.put("value", figure.value());
        }
        node.put("unit", figure.unit());
        node.put("evidence", metric.evidence().name().toLowerCase(java.util.Locale.ROOT));
        node.put("definition", metric.definition());
        node.put("formula", metric.formula().expression());
        if (metric.denominator() != null) {
            node.put("denominator", metric.denominator());
        }
        if (metric.caveat() != null) {
            node.put("caveat", metric.caveat());
        }
        ObjectNode inputs = node.putObject("inputs");
        figure.inputs().forEach((name, input) -> inputs.set(name, input(input)));
        if (figure.interval() != null) {
            node.set("interval", interval(figure.interval()));
        }
        ArrayNode warnings = node.putArray("warnings");
        for (Warning warning : figure.warnings()) {
            ObjectNode w = warnings.addObject().put("code", warning.code().name().toLowerCase(java.util.Locale.ROOT))
                    .put("message", warning.message());
            if (TEXT_KEYS.get() && warning.text() != null) {
                text(w, warning);
            }
        }
        node.put("suppressed", figure.suppressed());
        return node;
    }

    static ObjectNode input(Input input) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("value", input.value());
        node.put("unit", input.unit());
        node.put("source", input.source().name().toLowerCase(java.util.Locale.ROOT));
        if (input.provenance() != null) {
            node.set("provenance", provenance(input.provenance()));
        }
        return node;
    }

    static ObjectNode provenance(Provenance provenance) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("setBy", provenance.setBy());
        if (provenance.setAt() != null) {
            node.put("setAt", provenance.setAt().toString());
        }
        node.put("reason", provenance.reason());
        node.put("scope", provenance.scope().level().name().toLowerCase(java.util.Locale.ROOT));
        if (provenance.scope().id() != null) {
            node.put("scopeId", provenance.scope().id());
        }
        return node;
    }

    static ObjectNode interval(Interval interval) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("low", interval.low());
        node.put("high", interval.high());
        node.put("level", interval.level());
        node.put("method", interval.method().name().toLowerCase(java.util.Locale.ROOT));
        return node;
    }
}
