package org.credence.analytics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.credence.i18n.Messages;
import org.credence.insights.Metric;
import org.credence.insights.Warning;

/**
 * The words credence-insights writes in English — a metric's definition, formula, denominator and
 * caveat, a warning with the numbers that triggered it, units and input names — in the reader's
 * language, from the {@code insights} bundle. English is the library's own text, unchanged; the
 * {@code insights_en} bundle is a copy kept equal to it by InsightsTextParityTest, so translators
 * see every key beside its English. A metric or warning is looked up by its stable key (the
 * metric's id, {@link Warning.Text#key()}), never by its English.
 */
public final class InsightsText {
    /** Money per something: a CPM's "USD per 1000 impressions", an hourly rate's "EUR per hour". */
    private static final java.util.regex.Pattern MONEY_UNIT = java.util.regex.Pattern.compile("([A-Z]{3}) per (1000 impressions|hour)");

    private final boolean english;
    private final Messages texts;

    private InsightsText(String lang) {
        this.english = lang.equals("en");
        this.texts = Messages.of("insights", lang);
    }

    /** "nb" for Norwegian, English otherwise. */
    public static InsightsText of(String lang) {
        return new InsightsText("nb".equals(lang) ? "nb" : "en");
    }

    /** The metric's definition in this language. */
    public String definition(Metric metric) {
        return metricText(metric.id(), "definition", metric.definition());
    }

    /** The metric's formula in words, in this language. */
    public String formula(Metric metric) {
        return metricText(metric.id(), "formula", metric.formula().expression());
    }

    /** The metric's caveat in this language, or null when it has none. */
    public String caveat(Metric metric) {
        return metricText(metric.id(), "caveat", metric.caveat());
    }

    /**
     * A metric's text ({@code definition}, {@code formula}, {@code denominator}, {@code caveat}) by
     * the metric's id, given with its English ({@code null} or empty when the metric has none). A
     * group's metric ({@code engagement.share_rate_by_channel.x}) reads its parent's text.
     */
    public String metricText(String metricId, String field, String englishText) {
        if (english || englishText == null || englishText.isEmpty()) {
            return englishText;
        }
        for (String id = metricId; ; id = id.substring(0, id.lastIndexOf('.'))) {
            String text = texts.table().get("metric." + id + "." + field);
            if (text != null) {
                return text;
            }
            if (id.indexOf('.') < 0) {
                // a metric defined outside the enumerated definitions (InsightsTextParityTest lists them): its English
                return englishText;
            }
        }
    }

    /** The warning in this language, its numbers formatted for the reader. */
    public String warning(Warning warning) {
        return warning(warning.text() == null ? null : warning.text().key(), warning.arguments(), warning.about(), warning.message());
    }

    /**
     * A warning from its key and arguments (as {@link org.credence.analytics.FigureJson} writes them for pages); the English
     * message when it has no key (a warning written freely) or the page is English.
     */
    public String warning(String key, Map<String, ?> arguments, String about, String englishMessage) {
        if (english || key == null) {
            return englishMessage;
        }
        Map<String, Object> localised = new LinkedHashMap<>();
        arguments.forEach((name, value) -> localised.put(name, value instanceof String word
                ? (name.equals("name") ? input(word) : unit(word)) : value));
        String text = texts.format(key, localised);
        return about == null ? text : about + ": " + text;
    }

    /** A unit ("credentials", "people") in this language; the unit as given when the bundle has no word for it. */
    public String unit(String unit) {
        if (english) {
            return unit;
        }
        java.util.regex.Matcher money = MONEY_UNIT.matcher(unit);
        if (money.matches()) {
            return texts.format(money.group(2).equals("hour") ? "unit.per_hour" : "unit.per_1000_impressions", Map.of("currency", money.group(1)));
        }
        return texts.table().getOrDefault("unit." + unit.replace(' ', '_'), unit);
    }

    /** A chart's caption by key; English as the answer wrote it ({@code english}), else from the bundle with the unit in words. */
    public String caption(String key, String unit, String englishCaption) {
        return english ? englishCaption : texts.format(key, Map.of("unit", unit(unit)));
    }

    /**
     * An input's name ("credentials_issued") as words in this language. A name made of a known
     * input and a qualifier ("cpm_linkedin_post", "previous_period_2026-W14") reads "CPM (LinkedIn-innlegg)".
     */
    public String input(String name) {
        String key = name.replace(' ', '_');
        if (english) {
            return name.replace('_', ' ');
        }
        String whole = texts.table().get("input." + key);
        if (whole != null) {
            return whole;
        }
        for (int cut = key.lastIndexOf('_'); cut > 0; cut = key.lastIndexOf('_', cut - 1)) {
            String prefix = texts.table().get("input." + key.substring(0, cut));
            if (prefix != null) {
                String rest = key.substring(cut + 1);
                return prefix + " (" + texts.table().getOrDefault("channel." + rest, rest.replace('_', ' ')) + ")";
            }
        }
        return name.replace('_', ' ');
    }

    /**
     * Which of Credence's default assumptions an input is ("impressions_per_share", "cpm", "rate",
     * "minutes": the settings bundle words each), or null; a sensitivity's multiplier has a source of its own.
     */
    public static String defaultAssumption(String inputName) {
        return inputName.endsWith("_factor") ? null
                : inputName.startsWith("impressions_per_share") ? "impressions_per_share" : inputName.startsWith("cpm") ? "cpm"
                : inputName.contains("hourly_rate") ? "rate" : inputName.contains("minutes_per_certificate") ? "minutes" : null;
    }

    /** A note printed under an answer ({@code note.trends}); the influencers' note names how many credentials it ranks among. */
    public String note(String key) {
        return texts.format(key, Map.of("candidates", AnalyticsReports.INFLUENCER_CANDIDATES));
    }

    /** The language's locale for numbers: nb-NO or en-GB. */
    public Locale locale() {
        return english ? Locale.UK : Locale.forLanguageTag("nb-NO");
    }
}
