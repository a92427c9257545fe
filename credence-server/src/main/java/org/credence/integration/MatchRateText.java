package org.credence.integration;

import java.util.Locale;
import java.util.Map;
import org.credence.i18n.Messages;
import org.credence.insights.stats.ConfidenceLevel;
import org.credence.insights.stats.Interval;
import org.credence.insights.stats.WilsonScore;

/** The match rate in words: "62.5 % (95 % CI 54.1–70.2 %, n = 128)", in English or Norwegian. */
final class MatchRateText {
    private MatchRateText() {}

    static String format(int matched, int n, String lang) {
        Messages text = Messages.of("imports", lang);
        if (n == 0) {
            return text.text("match.none");
        }
        Interval interval = WilsonScore.interval(matched, n, ConfidenceLevel.NINETY_FIVE);
        Locale locale = Locale.forLanguageTag(lang);
        return text.format("match.rate", Map.of("rate", percent(100.0 * matched / n, locale), "low", percent(100 * interval.low(), locale),
                "high", percent(100 * interval.high(), locale), "n", n, "matched", matched));
    }

    private static String percent(double value, Locale locale) {
        return String.format(locale, "%.1f", value);
    }
}
