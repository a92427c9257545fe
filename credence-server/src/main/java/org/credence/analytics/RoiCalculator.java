package org.credence.analytics;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.insights.roi.BenefitLine;
import org.credence.insights.roi.CaseFactors;
import org.credence.insights.roi.IsolationMethod;
import org.credence.insights.roi.NetPresentValue;
import org.credence.insights.roi.ParticipantEstimate;
import org.credence.insights.roi.Payback;
import org.credence.insights.roi.PhillipsRoi;

/**
 * The ROI calculator: every input typed in as a query parameter, nothing stored. The API route and
 * the page's plain GET form both read their parameters through here, so they answer alike.
 *
 * <p>{@code benefit, attribution, confidence, cost} are required; {@code isolation} defaults to a
 * participant estimate (the form of the inputs); {@code upfront} and {@code monthly} together add
 * payback and NPV at {@code rate} (default 0.10) over {@code years} (default 3).
 */
final class RoiCalculator {
    static final BigDecimal DEFAULT_RATE = new BigDecimal("0.10");
    static final int DEFAULT_YEARS = 3;
    private static final int MAX_YEARS = 30;

    private RoiCalculator() {}

    /** What the calculator answers. Payback and NPV are present when upfront and monthly were given. */
    record Answer(String currency, BigDecimal benefit, BigDecimal attribution, BigDecimal confidence, BigDecimal cost,
                  IsolationMethod isolation, BigDecimal adjustedBenefit, PhillipsRoi roi, Optional<Payback> payback,
                  Optional<BigDecimal> npv, BigDecimal rate, int years) {}

    /** The answer for the parameters {@code query} gives by name; invalid ones are {@link DomainException.InvalidInput}s naming them. */
    static Answer answer(Function<String, String> query, String defaultCurrency) {
        String currency = currency(query, defaultCurrency);
        BigDecimal benefit = QueryParams.nonNegative(query, "benefit");
        BigDecimal attribution = QueryParams.proportion(query, "attribution");
        BigDecimal confidence = QueryParams.proportion(query, "confidence");
        BigDecimal cost = QueryParams.nonNegative(query, "cost");
        IsolationMethod isolation = isolation(query);
        BenefitLine line = new BenefitLine("benefit", benefit, isolation, attribution, confidence, CaseFactors.DEFAULT);
        PhillipsRoi roi = PhillipsRoi.of(java.util.List.of(line), cost, null);
        BigDecimal rate = blank(query, "rate") ? DEFAULT_RATE : QueryParams.proportion(query, "rate");
        int years = blank(query, "years") ? DEFAULT_YEARS : (int) QueryParams.count(query, "years");
        if (years < 1 || years > MAX_YEARS) {
            throw new DomainException.InvalidInput("years", ErrorText.of("roi.years_range", "max", MAX_YEARS));
        }
        Optional<Payback> payback = Optional.empty();
        Optional<BigDecimal> npv = Optional.empty();
        if (!blank(query, "upfront") || !blank(query, "monthly")) {
            BigDecimal upfront = QueryParams.nonNegative(query, "upfront");
            BigDecimal monthly = QueryParams.nonNegative(query, "monthly");
            payback = Optional.of(Payback.of(upfront, monthly, rate));
            npv = Optional.of(NetPresentValue.of(upfront, monthly, rate, years));
        }
        return new Answer(currency, benefit, attribution, confidence, cost, isolation,
                ParticipantEstimate.adjust(benefit, attribution, confidence), roi, payback, npv, rate, years);
    }

    /** Whether any calculator parameter was given (a page shows the empty form otherwise). */
    static boolean asked(Function<String, String> query) {
        return !blank(query, "benefit") || !blank(query, "cost") || !blank(query, "attribution") || !blank(query, "confidence");
    }

    static String currency(Function<String, String> query, String otherwise) {
        String text = query.apply("currency");
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        String code = text.strip();
        if (!code.matches("[A-Z]{3}")) {
            throw new DomainException.InvalidInput("currency", ErrorText.of("roi.currency_invalid", "value", text));
        }
        return code;
    }

    private static IsolationMethod isolation(Function<String, String> query) {
        if (blank(query, "isolation")) {
            return IsolationMethod.PARTICIPANT_ESTIMATE;
        }
        try {
            return IsolationMethod.fromCode(query.apply("isolation").strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException.InvalidInput("isolation", ErrorText.of("roi.isolation_invalid", "reason", e.getMessage()));
        }
    }

    private static boolean blank(Function<String, String> query, String name) {
        String value = query.apply(name);
        return value == null || value.isBlank();
    }
}
