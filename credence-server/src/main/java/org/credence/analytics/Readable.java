package org.credence.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import org.credence.insights.Figure;

/**
 * Numbers as a person reads them, in English or Norwegian: a rate as a percentage with its
 * interval ("73.3 % (68.1–78.0 %)"), a count with grouping, money with its currency. The
 * dashboard's tables and the readable columns of the CSV exports both use it (docs/metrics.md,
 * "How figures are written").
 */
public final class Readable {
    /** The unit of a rate: a value between 0 and 1, written as a percentage. */
    static final String PROPORTION = "proportion";
    private final Locale locale;

    private Readable(Locale locale) {
        this.locale = locale;
    }

    /** Norwegian (bokmål) for {@code nb}, British English otherwise. */
    public static Readable of(String lang) {
        return new Readable("nb".equals(lang) ? Locale.forLanguageTag("nb-NO") : Locale.UK);
    }

    Locale locale() {
        return locale;
    }

    /** A proportion as a percentage with one decimal: 0.7333… → "73.3 %". */
    String percent(BigDecimal proportion) {
        return percentNumber(proportion) + " %";
    }

    private String percentNumber(BigDecimal proportion) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(1);
        number.setMaximumFractionDigits(1);
        return number.format(proportion.movePointRight(2));
    }

    /** A value in its unit, with its interval in brackets when it has one: "73.3 % (68.1–78.0 %)", "12 (8–16)". */
    String value(BigDecimal value, String unit, Double low, Double high) {
        if (value == null) {
            return "—";
        }
        String shown = plain(value, unit);
        if (low == null || high == null) {
            return shown;
        }
        return shown + " (" + range(low, high, unit) + ")";
    }

    /** An interval in its unit: "68.1–78.0 %", "8–16". */
    String range(double low, double high, String unit) {
        return unit.equals(PROPORTION)
                ? percentNumber(BigDecimal.valueOf(low)) + "–" + percent(BigDecimal.valueOf(high))
                : plain(BigDecimal.valueOf(low), unit) + "–" + plain(BigDecimal.valueOf(high), unit);
    }

    /** A figure's value with its interval. */
    String value(Figure figure) {
        return value(figure.value(), figure.unit(), figure.interval() == null ? null : figure.interval().low(),
                figure.interval() == null ? null : figure.interval().high());
    }

    /** A figure as the API writes it ({@link FigureJson}), with its interval. */
    public String value(JsonNode figure) {
        JsonNode interval = figure.get("interval");
        return value(figure.get("value").isNull() ? null : figure.get("value").decimalValue(), figure.get("unit").asText(),
                interval == null ? null : interval.get("low").asDouble(), interval == null ? null : interval.get("high").asDouble());
    }

    /** A value in its unit without interval: a percentage, money ("EUR 4.00"), or a number. */
    String plain(BigDecimal value, String unit) {
        if (unit.equals(PROPORTION)) {
            return percent(value);
        }
        if (unit.matches("[A-Z]{3}")) {
            return unit + " " + money(value);
        }
        return number(value);
    }

    /** An amount with two decimals and grouping. */
    String money(BigDecimal value) {
        NumberFormat money = NumberFormat.getNumberInstance(locale);
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        return money.format(value);
    }

    /** A number with grouping and at most three decimals. */
    String number(BigDecimal value) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(3);
        return number.format(value);
    }

    /** A country's name from its ISO 3166 code, in this language; the code itself when the JDK knows no name. */
    String country(String code) {
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isEmpty() ? code : name;
    }
}
