package org.credence.analytics;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.credence.domain.DomainException;
import org.credence.http.FormMessage;
import org.credence.i18n.Messages;
import org.credence.insights.roi.Payback;
import org.credence.insights.roi.PhillipsRoi;
import org.credence.insights.roi.RevenueStream;
import org.credence.insights.roi.RoiResult;
import org.credence.http.Pages;
import org.credence.user.SignedIn;

/**
 * {@code /app/analytics/roi}: the maturity tier with its reasons and next step, the program ROI by
 * case with its formulas as footnotes, payback and NPV, the revenue model, and the calculator as a
 * plain GET form (it works without JavaScript; the page has none).
 */
final class RoiPage {
    private static final List<String> CALCULATOR = List.of("benefit", "attribution", "confidence", "cost", "currency", "upfront",
            "monthly", "rate", "years");

    private final Messages m;
    private final Map<String, String> t;
    private final Locale locale;
    private final String lang;

    private RoiPage(String lang) {
        this.lang = lang;
        this.m = Messages.of("roi", lang);
        this.t = m.table();
        this.locale = lang.equals("nb") ? Locale.forLanguageTag("nb-NO") : Locale.UK;
    }

    static String render(String lang, SignedIn signedIn, boolean simulated, Maturity.Answer maturity, ProgramRoi.Answer program,
                         Function<String, String> query) {
        RoiPage page = new RoiPage(lang);
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("t", page.t);
        model.put("signedIn", signedIn);
        model.put("nav", AnalyticsNav.of(lang, signedIn, "/app/analytics/roi"));
        model.put("simulated", simulated);
        model.put("tierName", maturity.tierName());
        model.put("tierMeans", maturity.tierMeans());
        model.put("reasons", maturity.reasons().stream().map(r -> new RoiView.Line(r.text(), r.met())).toList());
        model.put("nextStep", maturity.nextStep().text());
        model.put("period", page.m.format("roi.period", Map.of("from", program.from().toString(), "to", program.to().toString())));
        model.put("label", page.label(program.roi()));
        model.put("noBenefits", program.benefits().isEmpty());
        model.put("noCosts", program.roi().costs().signum() == 0);
        model.put("cases", page.cases("roi-cases", program.roi(), program.currency()));
        model.put("benefits", page.benefits(program));
        model.put("payback", page.payback(program.payback(), program.npv(), program.rate(), program.years(), program.currency()));
        model.put("revenue", page.revenue(program));
        model.put("fields", page.fields(query));
        model.put("calculation", RoiCalculator.asked(query) ? page.calculate(query, program.currency()) : null);
        return Pages.render("roi/page.jte", model);
    }

    private String label(PhillipsRoi roi) {
        return t.get(roi.isRoi() ? "roi.label.roi" : "roi.label.correlational");
    }

    private RoiView.Table cases(String id, PhillipsRoi roi, String currency) {
        List<List<String>> rows = new ArrayList<>();
        for (RoiResult r : roi.results()) {
            rows.add(List.of(t.get("roi.case." + r.roiCase().code()),
                    t.get(r.withAdvertisingValue() ? "roi.with_advertising" : "roi.without_advertising"),
                    money(r.benefits(), currency), money(r.costs(), currency), money(r.netBenefits(), currency),
                    r.benefitCostRatio() == null ? "—" : ratio(r.benefitCostRatio()) + ":1",
                    r.roiPercent() == null ? "—" : number(r.roiPercent()) + " %"));
        }
        return new RoiView.Table(id, t.get("roi.title"), List.of(t.get("roi.case"), "", t.get("roi.benefits"), t.get("roi.costs"),
                t.get("roi.net"), t.get("roi.bcr"), t.get("roi.percent")), rows,
                List.of(t.get("roi.footnote.benefit"), t.get("roi.footnote.bcr"), t.get("roi.footnote.roi")));
    }

    private RoiView.Table benefits(ProgramRoi.Answer program) {
        List<List<String>> rows = new ArrayList<>();
        for (BenefitStore.Benefit b : program.benefits()) {
            rows.add(List.of(b.name(), b.fromSurvey() ? t.get("benefit.from_survey") : money(b.annualAmount(), b.currency()),
                    t.get("isolation." + b.isolation().code()), percent(b.attribution()), percent(b.confidence()),
                    b.provenance().setBy() + ", " + b.provenance().setAt().toString().substring(0, 10) + ": " + b.provenance().reason()));
        }
        return new RoiView.Table("benefits", t.get("benefit.lines"), List.of(t.get("benefit.name"), t.get("benefit.amount"),
                t.get("benefit.isolation"), t.get("benefit.attribution"), t.get("benefit.confidence"), t.get("benefit.set_by")), rows, List.of());
    }

    private List<RoiView.Pair> payback(Payback payback, BigDecimal npv, BigDecimal rate, int years, String currency) {
        return List.of(new RoiView.Pair(t.get("payback.simple"), months(payback.simpleMonths())),
                new RoiView.Pair(t.get("payback.discounted"), months(payback.discountedMonths())),
                new RoiView.Pair(m.format("npv.value", Map.of("years", years, "rate", rate.doubleValue())), money(npv, currency)));
    }

    private RoiView.Table revenue(ProgramRoi.Answer program) {
        List<List<String>> rows = new ArrayList<>();
        for (RevenueStream s : program.revenue().streams()) {
            rows.add(List.of(t.get("revenue.kind." + s.kind().code()), s.currency(), NumberFormat.getIntegerInstance(locale).format(s.quantity()),
                    money(s.amount(), s.currency()), s.averagePrice() == null ? "—" : money(s.averagePrice(), s.currency())));
        }
        program.revenue().totals().forEach((currency, total) -> rows.add(List.of(t.get("revenue.total"), currency, "", money(total, currency), "")));
        return new RoiView.Table("revenue", t.get("revenue.title"), List.of(t.get("revenue.kind"), t.get("revenue.currency"),
                t.get("revenue.quantity"), t.get("revenue.amount"), t.get("revenue.average")), rows,
                List.of("Σ " + t.get("revenue.amount") + " = " + t.get("revenue.average") + " × " + t.get("revenue.quantity")));
    }

    private List<RoiView.Field> fields(Function<String, String> query) {
        List<RoiView.Field> fields = new ArrayList<>();
        for (String name : CALCULATOR) {
            String value = query.apply(name);
            fields.add(new RoiView.Field(name, t.get("calc." + name), value == null ? "" : value));
        }
        return fields;
    }

    private RoiView.Calculation calculate(Function<String, String> query, String defaultCurrency) {
        RoiCalculator.Answer a;
        try {
            a = RoiCalculator.answer(query, defaultCurrency);
        } catch (DomainException.InvalidInput e) {
            return new RoiView.Calculation(t.get("calc.error") + " " + t.getOrDefault("calc." + e.field(), e.field()) + ": " + FormMessage.of(e, lang).text(), null, List.of(), null);
        }
        List<RoiView.Pair> values = new ArrayList<>();
        values.add(new RoiView.Pair(t.get("calc.adjusted"), money(a.adjustedBenefit(), a.currency())
                + " = " + money(a.benefit(), a.currency()) + " × " + percent(a.attribution()) + " × " + percent(a.confidence())));
        a.payback().ifPresent(p -> values.addAll(payback(p, a.npv().orElseThrow(), a.rate(), a.years(), a.currency())));
        return new RoiView.Calculation(null, label(a.roi()), values, cases("calc-cases", a.roi(), a.currency()));
    }

    private String months(OptionalInt months) {
        return months.isPresent() ? m.format("payback.months", Map.of("months", months.getAsInt())) : t.get("payback.never");
    }

    private String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(2);
        return currency + " " + format.format(amount);
    }

    private String number(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** A benefit–cost ratio as finance writes it: always two decimals (1.80:1). */
    private String ratio(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    private String percent(BigDecimal fraction) {
        return number(fraction.multiply(BigDecimal.valueOf(100))) + " %";
    }
}
