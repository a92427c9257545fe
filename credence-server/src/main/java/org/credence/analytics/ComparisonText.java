package org.credence.analytics;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credence.i18n.Messages;
import org.credence.insights.compare.Comparison;
import org.credence.insights.compare.Group;
import org.credence.insights.compare.Wording;
import org.credence.insights.compare.Wording.Argument;
import org.credence.insights.stats.Interval;

/**
 * Renders {@link Comparison}s in English or Norwegian from the {@code comparison} message area:
 * the sentence its study design allows, its notes, and the {@link ComparisonView} the
 * {@code analytics/comparison.jte} partial shows. Every page and API answer that shows a
 * comparison goes through here, so the numbers read the same everywhere: rates as percentages
 * with one decimal and their interval (as {@link Readable} writes them for every analytics
 * table), differences in signed percentage points.
 */
public final class ComparisonText {
    private static final String MINUS = "\u2212";

    private final Messages messages;
    private final Readable readable;

    private ComparisonText(String lang) {
        this.messages = Messages.of("comparison", lang);
        this.readable = Readable.of(lang);
    }

    /** The texts in {@code lang}: "nb" for Norwegian bokmål, anything else English. */
    public static ComparisonText of(String lang) {
        return new ComparisonText("nb".equals(lang) ? "nb" : "en");
    }

    /** A text of the {@code comparison} area as written (labels such as {@code label.first}). */
    public String text(String key) {
        return messages.text(key);
    }

    /** The main sentence. */
    public String sentence(Comparison comparison) {
        return render(comparison.wording());
    }

    /** The notes, in order. */
    public List<String> notes(Comparison comparison) {
        return comparison.notes().stream().map(this::render).toList();
    }

    /** One wording with its arguments formatted in this language. */
    public String render(Wording wording) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        wording.arguments().forEach((name, argument) -> arguments.put(name, format(argument)));
        return messages.format(wording.key(), arguments);
    }

    /** The comparison laid out for the {@code analytics/comparison.jte} partial. */
    public ComparisonView view(Comparison c) {
        String measure = switch (c.kind()) {
            case RATE -> "view.rate";
            case MEAN -> "view.mean";
            case MONEY -> "view.median";
        };
        List<List<String>> groups = List.of(groupRow(c, c.first()), groupRow(c, c.second()));
        List<ComparisonView.Fact> facts = new ArrayList<>();
        facts.add(new ComparisonView.Fact(text("view.difference"), difference(c)));
        if (c.ratio() != null) {
            String label = c.kind() == Comparison.Kind.RATE ? "view.relative_risk" : "view.ratio_of_medians";
            facts.add(new ComparisonView.Fact(text(label), ratioWithInterval(c.ratio().point(), c.ratio().interval())));
        }
        if (c.eValue() != null) {
            facts.add(new ComparisonView.Fact(text("view.evalue"), messages.format("view.evalue_value",
                    Map.of("evalue", ratio(c.eValue().point()), "evalue_limit", ratio(c.eValue().limit())))));
        }
        if (c.minimumDetectableEffect() != null && c.minimumDetectableEffect().absolute() != null) {
            facts.add(new ComparisonView.Fact(text("view.mde"), messages.format("view.mde_value",
                    Map.of("mde", magnitude(c, c.minimumDetectableEffect().absolute())))));
        }
        if (c.pValue() != null) {
            facts.add(new ComparisonView.Fact(text("view.p_value"), c.adjustedPValue() == null ? pValue(c.pValue())
                    : messages.format("view.p_value_family", Map.of("adjusted", pValue(c.adjustedPValue()), "count",
                            number(c.familySize(), 0), "p", pValue(c.pValue())))));
        }
        facts.add(new ComparisonView.Fact(text("view.method"), method(c.differenceInterval())));
        facts.add(new ComparisonView.Fact(text("view.design"), text("design." + c.design().id())));
        return new ComparisonView(List.of(text("view.group"), text("view.n"), text(measure)), groups, List.copyOf(facts),
                sentence(c), notes(c));
    }

    /** "35.0 %". */
    public String percent(double proportion) {
        return readable.percent(BigDecimal.valueOf(proportion));
    }

    /** "35.0 % (31.3–38.9 %)". */
    public String percentWithInterval(double proportion, Interval interval) {
        if (interval == null) {
            return percent(proportion);
        }
        return readable.value(BigDecimal.valueOf(proportion), Readable.PROPORTION, interval.low(), interval.high());
    }

    /** A difference of proportions in signed percentage points: "+15.0 points". */
    public String points(double difference) {
        return messages.format("format.points", Map.of("value", signed(difference * 100, 1)));
    }

    /** A ratio with two decimals: "1.43". */
    public String ratio(double value) {
        return number(value, 2);
    }

    /** A p-value: three decimals, or "< 0.001". */
    public String pValue(double p) {
        return p < 0.001 ? "< " + number(0.001, 3) : number(p, 3);
    }

    /** The interval method's name in this language. */
    public String method(Interval interval) {
        String key = "method." + interval.method().name().toLowerCase(Locale.ROOT);
        return messages.table().containsKey(key) ? text(key) : interval.method().description();
    }

    private List<String> groupRow(Comparison c, Group group) {
        String value = switch (c.kind()) {
            case RATE -> group.rate() == null ? "—" : percentWithInterval(group.rate(), group.interval());
            case MEAN -> quantityWithInterval(group.mean(), group.interval(), c.unit());
            case MONEY -> quantityWithInterval(group.median(), group.interval(), c.unit());
        };
        return List.of(group.label(), number(group.n(), 0), value);
    }

    private String difference(Comparison c) {
        Interval interval = c.differenceInterval();
        boolean rate = c.kind() == Comparison.Kind.RATE;
        String point = rate ? points(c.difference()) : quantity(c.difference(), c.unit(), true);
        String low = rate ? signed(interval.low() * 100, 1) : quantity(interval.low(), c.unit(), true);
        String high = rate ? points(interval.high()) : quantity(interval.high(), c.unit(), true);
        return point + " (" + messages.format("view.interval_range", Map.of("low", low, "high", high)) + ")";
    }

    private String magnitude(Comparison c, double value) {
        return c.kind() == Comparison.Kind.RATE ? pointsSize(value) : quantity(value, c.unit(), false);
    }

    /** The size of a difference of proportions in percentage points, no sign: "27.5 points". */
    private String pointsSize(double difference) {
        return messages.format("format.points", Map.of("value", number(Math.abs(difference) * 100, 1)));
    }

    private String ratioWithInterval(double point, Interval interval) {
        return interval == null ? ratio(point) : ratio(point) + " (" + ratio(interval.low()) + "–" + ratio(interval.high()) + ")";
    }

    private String quantityWithInterval(double value, Interval interval, String unit) {
        if (interval == null) {
            return quantity(value, unit, false);
        }
        return quantity(value, unit, false) + " (" + messages.format("view.interval_range",
                Map.of("low", quantity(interval.low(), unit, false), "high", quantity(interval.high(), unit, false))) + ")";
    }

    private String format(Argument argument) {
        return switch (argument.type()) {
            case TEXT -> argument.text();
            case COUNT -> number(argument.number(), 0);
            case PERCENT -> percent(argument.number());
            case POINTS -> points(argument.number());
            case POINTS_SIZE -> pointsSize(argument.number());
            case SIGNED -> quantity(argument.number(), argument.text(), true);
            case NUMBER -> quantity(argument.number(), argument.text(), false);
            case RATIO -> ratio(argument.number());
            case P_VALUE -> pValue(argument.number());
        };
    }

    /** A number in its unit: money as "EUR 1,750.00", anything else as "38.0 days". */
    private String quantity(double value, String unit, boolean signed) {
        boolean money = unit != null && unit.matches("[A-Z]{3}");
        int decimals = money ? 2 : 1;
        String number = signed ? signed(value, decimals) : number(value, decimals);
        if (unit == null || unit.isBlank()) {
            return number;
        }
        return money ? unit + " " + number : number + " " + unit;
    }

    private String signed(double value, int decimals) {
        String magnitude = number(Math.abs(value), decimals);
        boolean zero = magnitude.equals(number(0, decimals));
        return (zero ? "" : value < 0 ? MINUS : "+") + magnitude;
    }

    private String number(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(readable.locale());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        String text = format.format(value);
        return text.startsWith("-") ? MINUS + text.substring(1) : text;
    }
}
