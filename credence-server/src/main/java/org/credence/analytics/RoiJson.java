package org.credence.analytics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import org.credence.insights.roi.Payback;
import org.credence.insights.roi.PhillipsRoi;
import org.credence.insights.roi.RevenueModel;
import org.credence.insights.roi.RevenueStream;
import org.credence.insights.roi.RoiCase;
import org.credence.insights.roi.RoiResult;
import org.credence.json.JsonFields;

/** The ROI, payback, revenue and maturity answers as the API's JSON. */
public final class RoiJson {
    static final String PAYBACK_FORMULA = "simple: smallest m with m × monthly ≥ upfront; discounted: smallest m with "
            + "Σₖ₌₁..ₘ monthly ÷ (1 + i)ᵏ ≥ upfront, i = (1 + r)^(1/12) − 1";
    static final String NPV_FORMULA = "NPV = −upfront + Σ over years y of (12 × monthly) ÷ (1 + r)^y (year-end convention)";

    private RoiJson() {}

    static ObjectNode calculator(RoiCalculator.Answer a) {
        ObjectNode body = JsonFields.MAPPER.createObjectNode();
        body.put("kind", "what-if");
        body.put("note", "every input is typed in, none is measured or stored");
        body.put("currency", a.currency());
        body.put("label", a.roi().label());
        body.put("isolation", a.isolation().code());
        ObjectNode inputs = body.putObject("inputs");
        inputs.set("benefit", input(a.benefit(), a.currency() + " per year"));
        inputs.set("attribution", input(a.attribution(), "proportion"));
        inputs.set("confidence", input(a.confidence(), "proportion"));
        inputs.set("cost", input(a.cost(), a.currency()));
        body.put("adjustedBenefit", a.adjustedBenefit());
        RoiResult base = a.roi().result(RoiCase.BASE, false);
        putNullable(body, "benefitCostRatio", base.benefitCostRatio());
        putNullable(body, "roiPercent", base.roiPercent());
        body.set("formulas", formulas());
        body.set("cases", cases(a.roi()));
        a.payback().ifPresent(p -> body.set("payback", payback(p)));
        a.npv().ifPresent(npv -> body.set("npv", npv(npv, a.rate(), a.years())));
        return body;
    }

    static ObjectNode formulas() {
        ObjectNode formulas = JsonFields.MAPPER.createObjectNode();
        formulas.put("benefit", PhillipsRoi.BENEFIT_FORMULA);
        formulas.put("benefitCostRatio", PhillipsRoi.BCR_FORMULA);
        formulas.put("roiPercent", PhillipsRoi.ROI_FORMULA);
        return formulas;
    }

    static ArrayNode cases(PhillipsRoi roi) {
        ArrayNode cases = JsonFields.MAPPER.createArrayNode();
        for (RoiResult r : roi.results()) {
            ObjectNode row = cases.addObject();
            row.put("case", r.roiCase().code());
            row.put("withAdvertisingValue", r.withAdvertisingValue());
            row.put("benefits", r.benefits());
            row.put("costs", r.costs());
            row.put("netBenefits", r.netBenefits());
            putNullable(row, "benefitCostRatio", r.benefitCostRatio());
            putNullable(row, "roiPercent", r.roiPercent());
        }
        return cases;
    }

    static ObjectNode payback(Payback p) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("upfront", p.upfront());
        node.put("monthlyNet", p.monthlyNet());
        node.put("annualRate", p.annualRate());
        if (p.simpleMonths().isPresent()) {
            node.put("simpleMonths", p.simpleMonths().getAsInt());
        } else {
            node.putNull("simpleMonths");
        }
        if (p.discountedMonths().isPresent()) {
            node.put("discountedMonths", p.discountedMonths().getAsInt());
        } else {
            node.putNull("discountedMonths");
        }
        node.put("formula", PAYBACK_FORMULA);
        return node;
    }

    static ObjectNode npv(BigDecimal value, BigDecimal rate, int years) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("value", value);
        node.put("years", years);
        node.put("annualRate", rate);
        node.put("convention", "year_end");
        node.put("formula", NPV_FORMULA);
        return node;
    }

    static ObjectNode benefit(BenefitStore.Benefit b) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("name", b.name());
        node.put("fromSurvey", b.fromSurvey());
        putNullable(node, "annualAmount", b.annualAmount());
        node.put("currency", b.currency());
        node.put("isolation", b.isolation().code());
        node.put("attribution", b.attribution());
        node.put("confidence", b.confidence());
        node.putObject("factors").put("conservative", b.factors().conservative()).put("base", b.factors().base())
                .put("optimistic", b.factors().optimistic());
        node.put("active", b.active());
        node.set("provenance", FigureJson.provenance(b.provenance()));
        return node;
    }

    static ObjectNode revenue(RevenueModel model) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("formula", "revenue per kind and currency = Σ line amounts = average price × units; currencies are not converted");
        ArrayNode streams = node.putArray("streams");
        for (RevenueStream s : model.streams()) {
            ObjectNode row = streams.addObject();
            row.put("kind", s.kind().code()).put("currency", s.currency()).put("quantity", s.quantity()).put("amount", s.amount());
            putNullable(row, "averagePrice", s.averagePrice());
        }
        ObjectNode totals = node.putObject("totals");
        for (Map.Entry<String, BigDecimal> total : model.totals().entrySet()) {
            totals.put(total.getKey(), total.getValue());
        }
        return node;
    }

    static ObjectNode program(ProgramRoi.Answer a) {
        ObjectNode body = JsonFields.MAPPER.createObjectNode();
        body.put("kind", "measured");
        body.put("from", a.from().toString()).put("to", a.to().toString()).put("currency", a.currency());
        body.put("label", a.roi().label());
        body.put("isRoi", a.roi().isRoi());
        body.put("note", "benefits are annual; costs and advertising-equivalent value are for the period; payback and NPV take the "
                + "period's costs as the upfront cost and one twelfth of the base-case benefits as the net monthly flow");
        body.putObject("costs").put("value", a.roi().costs()).put("source", "cost ledger: fully loaded costs of the period");
        if (a.advertisingValue() == null) {
            body.putNull("advertisingValue");
        } else {
            body.putObject("advertisingValue").put("value", a.advertisingValue())
                    .put("caveat", "advertising-equivalent value (not revenue)");
        }
        ArrayNode benefits = body.putArray("benefits");
        a.benefits().forEach(b -> benefits.add(benefit(b)));
        ArrayNode other = body.putArray("otherCurrency");
        a.otherCurrency().forEach(b -> other.add(benefit(b)));
        a.survey().ifPresent(s -> {
            ObjectNode survey = body.putObject("survey");
            survey.put("adjustedBenefit", s.adjustedBenefit()).put("respondents", s.respondents()).put("surveyed", s.surveyed());
            putNullable(survey, "responseRate", s.responseRate());
        });
        body.set("formulas", formulas());
        body.set("cases", cases(a.roi()));
        body.set("payback", payback(a.payback()));
        body.set("npv", npv(a.npv(), a.rate(), a.years()));
        body.set("revenue", revenue(a.revenue()));
        return body;
    }

    /** The maturity answer as {@code GET /api/v1/analytics/maturity} gives it (the board report embeds the same). */
    public static ObjectNode maturity(Maturity.Answer a, String lang) {
        ObjectNode body = JsonFields.MAPPER.createObjectNode();
        body.put("tier", a.result().tier().code());
        body.put("language", lang);
        body.put("tierName", a.tierName());
        body.put("tierMeans", a.tierMeans());
        ArrayNode reasons = body.putArray("reasons");
        a.reasons().forEach(r -> reasons.add(line(r)));
        body.set("nextStep", line(a.nextStep()));
        return body;
    }

    private static ObjectNode line(Maturity.Line line) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("key", line.key());
        node.set("arguments", JsonFields.MAPPER.valueToTree(line.arguments()));
        node.put("met", line.met());
        node.put("text", line.text());
        return node;
    }

    private static ObjectNode input(BigDecimal value, String unit) {
        return JsonFields.MAPPER.createObjectNode().put("value", value).put("unit", unit).put("source", "assumed");
    }

    private static void putNullable(ObjectNode node, String field, BigDecimal value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
