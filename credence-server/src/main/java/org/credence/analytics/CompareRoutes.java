package org.credence.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.http.Auth;
import org.credence.http.Pages;
import org.credence.insights.compare.Comparison;
import org.credence.insights.compare.Comparisons;
import org.credence.insights.compare.StudyDesign;
import org.credence.json.JsonFields;

/**
 * {@code GET /api/v1/analytics/compare}: the comparison calculator. Like the marketing-value
 * what-if it answers from typed-in numbers, no stored data: two rates ({@code x1, n1, x2, n2}, or
 * {@code p1}/{@code p2} as proportions with their n), two means ({@code mean1, sd1, n1, mean2,
 * sd2, n2}) or two lists of money amounts compared by their medians ({@code amounts1, amounts2,
 * currency}), with the study design, and gets back the difference with its interval, the relative
 * risk, the E-values, the minimum detectable effect, the p-value and the sentence the design
 * allows, in {@code ?lang=} or Accept-Language. API key with the {@code analytics} scope.
 */
public final class CompareRoutes {
    private static final List<String> MEAN_PARAMETERS = List.of("mean1", "sd1", "mean2", "sd2");
    private static final int LABEL_LENGTH = 80;
    private static final int MAX_AMOUNTS = 1000;

    private CompareRoutes() {}

    public static void register(JavalinConfig config, Auth auth) {
        config.routes.get("/api/v1/analytics/compare", ctx -> {
            auth.requireTenant(ctx, "analytics");
            ctx.json(answer(ctx));
        });
    }

    private static ObjectNode answer(Context ctx) {
        ComparisonText text = ComparisonText.of(Pages.language(ctx));
        Function<String, String> query = ctx::queryParam;
        StudyDesign design = design(query.apply("design"));
        String label1 = label(query, "label1", text.text("label.first"));
        String label2 = label(query, "label2", text.text("label.second"));
        ObjectNode body = JsonFields.MAPPER.createObjectNode();
        body.put("kind", "comparison");
        body.put("note", "a calculator: every input is typed in, none is measured");
        ObjectNode inputs = body.putObject("inputs");
        boolean money = query.apply("amounts1") != null || query.apply("amounts2") != null;
        boolean means = MEAN_PARAMETERS.stream().anyMatch(name -> query.apply(name) != null);
        Comparison comparison = money ? money(query, label1, label2, design, inputs)
                : means ? means(query, label1, label2, design, inputs) : rates(query, label1, label2, design, inputs);
        inputs.put("design", design.id());
        body.set("comparison", ComparisonJson.comparison(comparison, text));
        return body;
    }

    private static Comparison rates(Function<String, String> query, String label1, String label2, StudyDesign design,
                                    ObjectNode inputs) {
        long n1 = groupSize(query, "n1", 1);
        long n2 = groupSize(query, "n2", 1);
        inputs.put("n1", n1).put("n2", n2);
        boolean byRate = query.apply("x1") == null && query.apply("p1") != null;
        if (byRate) {
            BigDecimal p1 = QueryParams.proportion(query, "p1");
            BigDecimal p2 = QueryParams.proportion(query, "p2");
            inputs.put("p1", p1).put("p2", p2);
            return Comparisons.ofRates(label1, p1.doubleValue(), n1, label2, p2.doubleValue(), n2, design);
        }
        long x1 = events(query, "x1", n1, "n1");
        long x2 = events(query, "x2", n2, "n2");
        inputs.put("x1", x1).put("x2", x2);
        return Comparisons.ofRates(label1, x1, n1, label2, x2, n2, design);
    }

    private static Comparison means(Function<String, String> query, String label1, String label2, StudyDesign design,
                                    ObjectNode inputs) {
        BigDecimal mean1 = QueryParams.decimal(query, "mean1");
        BigDecimal sd1 = QueryParams.nonNegative(query, "sd1");
        long n1 = groupSize(query, "n1", 2);
        BigDecimal mean2 = QueryParams.decimal(query, "mean2");
        BigDecimal sd2 = QueryParams.nonNegative(query, "sd2");
        long n2 = groupSize(query, "n2", 2);
        if (sd1.signum() == 0 && sd2.signum() == 0) {
            throw new DomainException.InvalidInput("sd1", ErrorText.of("compare.no_standard_error"));
        }
        String unit = query.apply("unit") == null ? null : label(query, "unit", null);
        inputs.put("mean1", mean1).put("sd1", sd1).put("n1", n1).put("mean2", mean2).put("sd2", sd2).put("n2", n2);
        inputs.put("unit", unit);
        return Comparisons.ofMeans(label1, mean1.doubleValue(), sd1.doubleValue(), n1, label2, mean2.doubleValue(), sd2.doubleValue(),
                n2, unit, design);
    }

    private static Comparison money(Function<String, String> query, String label1, String label2, StudyDesign design,
                                   ObjectNode inputs) {
        double[] amounts1 = amounts(query, "amounts1");
        double[] amounts2 = amounts(query, "amounts2");
        String currency = QueryParams.required(query, "currency").toUpperCase(java.util.Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw new DomainException.InvalidInput("currency", ErrorText.of("compare.currency_invalid", "value", currency));
        }
        inputs.put("n1", amounts1.length).put("n2", amounts2.length).put("currency", currency);
        return Comparisons.ofMoney(label1, amounts1, label2, amounts2, currency, design);
    }

    /** Comma-separated amounts, at least one and at most {@link #MAX_AMOUNTS}, none negative. */
    private static double[] amounts(Function<String, String> query, String name) {
        String[] parts = QueryParams.required(query, name).split(",", -1);
        if (parts.length > MAX_AMOUNTS) {
            throw new DomainException.InvalidInput(name, ErrorText.of("compare.too_many_amounts", "name", name, "count", parts.length, "max", MAX_AMOUNTS));
        }
        double[] amounts = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            try {
                amounts[i] = new BigDecimal(part).doubleValue();
            } catch (NumberFormatException e) {
                throw new DomainException.InvalidInput(name, ErrorText.of("compare.amount_not_number", "name", name, "value", part));
            }
            if (amounts[i] < 0 || !Double.isFinite(amounts[i])) {
                throw new DomainException.InvalidInput(name, ErrorText.of("compare.amount_negative", "name", name, "value", part));
            }
        }
        return amounts;
    }

    private static long groupSize(Function<String, String> query, String name, long minimum) {
        long n = QueryParams.count(query, name);
        if (n < minimum) {
            throw new DomainException.InvalidInput(name, minimum > 1 ? ErrorText.of("compare.group_too_small_sd", "name", name, "minimum", minimum, "value", n)
                    : ErrorText.of("compare.group_empty", "name", name, "minimum", minimum, "value", n));
        }
        return n;
    }

    private static long events(Function<String, String> query, String name, long n, String sizeName) {
        long x = QueryParams.count(query, name);
        if (x > n) {
            throw new DomainException.InvalidInput(name, ErrorText.of("compare.events_too_many", "name", name, "events", x, "sizeName", sizeName, "size", n));
        }
        return x;
    }

    private static StudyDesign design(String value) {
        try {
            return StudyDesign.parse(value);
        } catch (IllegalArgumentException e) {
            throw new DomainException.InvalidInput("design",
                    ErrorText.of("compare.design_invalid", "value", value));
        }
    }

    private static String label(Function<String, String> query, String name, String fallback) {
        String value = query.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String label = value.strip();
        if (label.length() > LABEL_LENGTH || label.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException.InvalidInput(name, ErrorText.of("compare.label_invalid", "name", name, "max", LABEL_LENGTH));
        }
        return label;
    }
}
