package org.credence.analytics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.credence.insights.Warning;
import org.credence.insights.compare.Comparison;
import org.credence.insights.compare.Group;
import org.credence.insights.compare.Wording;
import org.credence.insights.stats.Interval;
import org.credence.insights.stats.SampleSize;
import org.credence.json.JsonFields;

/**
 * Writes a {@link Comparison} as the API's JSON, field by field, the same for every endpoint
 * that answers with one: both groups with their n and own interval, the difference with its
 * interval and method, the ratio, the E-value, the minimum detectable effect, the p-values, the
 * warnings, the rendered sentence and notes (in the reader's language) and the formulas used.
 */
public final class ComparisonJson {
    private ComparisonJson() {}

    /** The comparison with its sentences in {@code lang} ("en" or "nb"). */
    public static ObjectNode comparison(Comparison c, String lang) {
        return comparison(c, ComparisonText.of(lang));
    }

    /** Comparisons made together (see {@code Comparisons.family}), each as {@link #comparison}. */
    public static ArrayNode family(List<Comparison> comparisons, ComparisonText text) {
        ArrayNode array = JsonFields.MAPPER.createArrayNode();
        comparisons.forEach(c -> array.add(comparison(c, text)));
        return array;
    }

    /** The comparison, its sentences rendered by {@code text}. */
    public static ObjectNode comparison(Comparison c, ComparisonText text) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("measure", id(c.kind()));
        node.put("design", c.design().id());
        node.put("unit", c.unit());
        ArrayNode groups = node.putArray("groups");
        for (Group group : List.of(c.first(), c.second())) {
            groups.add(group(group));
        }
        ObjectNode difference = node.putObject("difference");
        difference.put("value", c.difference());
        difference.put("unit", c.unit());
        difference.set("interval", FigureJson.interval(c.differenceInterval()));
        difference.put("method", c.differenceInterval().method().description());
        difference.put("reference", c.differenceInterval().method().reference());
        difference.put("includesNoDifference", c.includesNoDifference());
        if (c.ratio() == null) {
            node.putNull("ratio");
        } else {
            ObjectNode ratio = node.putObject("ratio");
            ratio.put("name", c.kind() == Comparison.Kind.RATE ? "relative_risk" : "ratio_of_medians");
            ratio.put("value", c.ratio().point());
            if (c.ratio().interval() == null) {
                ratio.putNull("interval");
            } else {
                ratio.set("interval", FigureJson.interval(c.ratio().interval()));
            }
        }
        if (c.eValue() == null) {
            node.putNull("eValue");
        } else {
            node.putObject("eValue").put("point", c.eValue().point()).put("limit", c.eValue().limit()).put("basis", c.eValueBasis());
        }
        ObjectNode mde = node.putObject("minimumDetectableEffect");
        if (c.minimumDetectableEffect() == null || c.minimumDetectableEffect().absolute() == null) {
            mde.putNull("absolute");
        } else {
            mde.put("absolute", c.minimumDetectableEffect().absolute());
        }
        if (c.minimumDetectableEffect() != null && c.minimumDetectableEffect().standardized() != null) {
            mde.put("standardized", c.minimumDetectableEffect().standardized());
        }
        mde.put("power", SampleSize.POWER).put("alpha", SampleSize.ALPHA);
        mde.put("belowDetectableSize", c.belowDetectableSize());
        putNullable(node, "sizeNeededPerGroup", c.sizeNeededPerGroup());
        putNullable(node, "pValue", c.pValue());
        putNullable(node, "adjustedPValue", c.adjustedPValue());
        node.put("familySize", c.familySize());
        ArrayNode warnings = node.putArray("warnings");
        for (Warning warning : c.warnings()) {
            warnings.addObject().put("code", warning.code().name().toLowerCase(Locale.ROOT)).put("message", warning.message());
        }
        node.set("sentence", wording(c.wording(), text));
        ArrayNode notes = node.putArray("notes");
        c.notes().forEach(note -> notes.add(wording(note, text)));
        node.set("formulas", formulas(c));
        return node;
    }

    private static ObjectNode group(Group group) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("label", group.label());
        node.put("n", group.n());
        putNullable(node, "successes", group.successes());
        putNullable(node, "rate", group.rate());
        putNullable(node, "mean", group.mean());
        putNullable(node, "sd", group.sd());
        putNullable(node, "median", group.median());
        if (group.interval() != null) {
            node.set("interval", FigureJson.interval(group.interval()));
        }
        return node;
    }

    private static ObjectNode wording(Wording wording, ComparisonText text) {
        return JsonFields.MAPPER.createObjectNode().put("key", wording.key()).put("text", text.render(wording));
    }

    /** Each formula in words, with where it is defined. */
    private static ObjectNode formulas(Comparison c) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        Interval interval = c.differenceInterval();
        node.put("difference", switch (c.kind()) {
            case RATE -> "p1 − p2 with p = x / n; interval: " + interval.method().description() + " (" + interval.method().reference() + ")";
            case MEAN -> "mean1 − mean2; SE = √(sd1²/n1 + sd2²/n2); interval: " + interval.method().description() + " ("
                    + interval.method().reference() + ")";
            case MONEY -> "median1 − median2; interval: " + interval.method().description() + " (" + interval.method().reference() + ")";
        });
        if (c.kind() == Comparison.Kind.RATE) {
            node.put("relativeRisk", "p1 / p2; interval exp(ln RR ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2)) (Katz et al. 1978, Biometrics 34:469)");
            node.put("pValue", "pooled two-proportion z test, equal to Pearson's χ² without continuity correction");
            node.put("minimumDetectableEffect", "d solving d = z(0.975)·√(p̄q̄(1/n1 + 1/n2)) + z(0.80)·√(p1q1/n1 + p2q2/n2), "
                    + "p2 the reference group's rate");
        } else if (c.kind() == Comparison.Kind.MEAN) {
            node.put("pValue", "Welch's t with Welch–Satterthwaite degrees of freedom (Welch 1947, Biometrika 34:28)");
            node.put("minimumDetectableEffect", "(z(0.975) + z(0.80)) × √(1/n1 + 1/n2) × pooled sd");
        } else {
            node.put("ratioOfMedians", "median1 / median2; percentile bootstrap interval (Efron 1979), seeded, resampled per group");
            node.put("minimumDetectableEffect", "(z(0.975) + z(0.80)) × bootstrap standard error of the difference of medians");
        }
        if (c.eValue() != null) {
            node.put("eValue", "RR + √(RR × (RR − 1)), RR < 1 inverted first; at the interval limit nearest 1, 1 if the interval "
                    + "includes 1 (VanderWeele & Ding 2017, Ann Intern Med 167:268)"
                    + ("standardized_difference".equals(c.eValueBasis()) ? "; RR ≈ exp(0.91 × d), d = difference ÷ pooled sd" : ""));
        }
        if (c.familySize() > 1) {
            node.put("adjustedPValue", "Holm 1979: sorted p(i) × (m − i + 1), made non-decreasing, at most 1");
        }
        return node;
    }

    private static String id(Comparison.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static void putNullable(ObjectNode node, String field, Number value) {
        if (value == null) {
            node.putNull(field);
        } else if (value instanceof Long l) {
            node.put(field, l);
        } else if (value instanceof Integer i) {
            node.put(field, i);
        } else {
            node.put(field, value.doubleValue());
        }
    }
}
