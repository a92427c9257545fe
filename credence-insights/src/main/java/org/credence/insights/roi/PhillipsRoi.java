package org.credence.insights.roi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.insights.Figure;
import org.credence.insights.Input;
import org.credence.insights.InputSource;
import org.credence.insights.Warning;

/**
 * Benefit–cost ratio and ROI % by the Phillips ROI Methodology (Phillips 1997; Phillips &amp; Phillips,
 * "Show Me the Money", 2007):
 * <ul>
 *   <li>BCR = monetised program benefits ÷ fully loaded program costs;</li>
 *   <li>ROI % = (monetised benefits − fully loaded costs) ÷ fully loaded costs × 100.</li>
 * </ul>
 * A benefit counts as its annual amount × attribution × confidence (first-year benefits only, as
 * the methodology prescribes for short programs), then × the case factor.
 *
 * <p>Honesty rule: unless every benefit line names an isolation method, the result is a
 * {@value #CORRELATIONAL} and carries no ROI % — only the ratio, under that label. The cases with
 * advertising-equivalent value add that value to the benefits and say so; it is not revenue.
 */
public final class PhillipsRoi {

    /** The label of a result whose benefits were not isolated. */
    public static final String CORRELATIONAL = "correlational value indicator — not ROI";
    /** The label of a result whose every benefit was isolated. */
    public static final String ROI = "ROI (Phillips)";
    /** The formulas, as a footnote reads them. */
    public static final String BCR_FORMULA = "benefit–cost ratio = monetised benefits ÷ fully loaded costs";
    public static final String ROI_FORMULA = "ROI % = (monetised benefits − fully loaded costs) ÷ fully loaded costs × 100";
    public static final String BENEFIT_FORMULA = "monetised benefit = Σ annual amount × attribution × confidence × case factor";

    private final List<BenefitLine> benefits;
    private final BigDecimal costs;
    private final BigDecimal advertisingValue;
    private final boolean isolated;
    private final List<RoiResult> results;

    private PhillipsRoi(List<BenefitLine> benefits, BigDecimal costs, BigDecimal advertisingValue) {
        this.benefits = List.copyOf(benefits);
        this.costs = costs;
        this.advertisingValue = advertisingValue;
        this.isolated = !benefits.isEmpty() && benefits.stream().allMatch(line -> line.isolation().isolates());
        List<RoiResult> all = new ArrayList<>();
        for (boolean withAdvertising : advertisingValue == null ? new boolean[] {false} : new boolean[] {false, true}) {
            for (RoiCase roiCase : RoiCase.values()) {
                all.add(result(roiCase, withAdvertising));
            }
        }
        this.results = List.copyOf(all);
    }

    /**
     * The ROI of a program.
     *
     * @param benefits         the monetised benefit lines (may be empty: then every benefit is 0)
     * @param fullyLoadedCosts every cost of the program in the same period and currency, not negative
     * @param advertisingValue the advertising-equivalent value of the same period, or null to leave the
     *                         "with advertising value" cases out
     */
    public static PhillipsRoi of(List<BenefitLine> benefits, BigDecimal fullyLoadedCosts, BigDecimal advertisingValue) {
        Money.requireNonNegative("fully loaded costs", fullyLoadedCosts);
        if (advertisingValue != null) {
            Money.requireNonNegative("advertising-equivalent value", advertisingValue);
        }
        return new PhillipsRoi(benefits, fullyLoadedCosts, advertisingValue);
    }

    /** The calculator's case: one benefit with a participant estimate's attribution and confidence. */
    public static PhillipsRoi participantEstimate(BigDecimal benefit, BigDecimal attribution, BigDecimal confidence,
            BigDecimal costs) {
        BenefitLine line = new BenefitLine("benefit", benefit, IsolationMethod.PARTICIPANT_ESTIMATE, attribution,
                confidence, CaseFactors.DEFAULT);
        return of(List.of(line), costs, null);
    }

    /** Whether every benefit is isolated, so this is ROI; false means {@value #CORRELATIONAL}. */
    public boolean isRoi() {
        return isolated;
    }

    /** {@value #ROI} or {@value #CORRELATIONAL}. */
    public String label() {
        return isolated ? ROI : CORRELATIONAL;
    }

    /** The benefit lines, as given. */
    public List<BenefitLine> benefits() {
        return benefits;
    }

    /** Fully loaded costs, as given. */
    public BigDecimal costs() {
        return costs;
    }

    /** The advertising-equivalent value, or null when none was given. */
    public BigDecimal advertisingValue() {
        return advertisingValue;
    }

    /** Conservative, base, optimistic without advertising value; then the same three with it, when given. */
    public List<RoiResult> results() {
        return results;
    }

    /** One case. */
    public RoiResult result(RoiCase roiCase, boolean withAdvertisingValue) {
        if (withAdvertisingValue && advertisingValue == null) {
            throw new IllegalArgumentException("no advertising-equivalent value was given");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (BenefitLine line : benefits) {
            total = total.add(line.in(roiCase));
        }
        if (withAdvertisingValue) {
            total = total.add(advertisingValue);
        }
        BigDecimal net = total.subtract(costs);
        BigDecimal ratio = null;
        BigDecimal roi = null;
        if (costs.signum() > 0) {
            ratio = total.divide(costs, 2, RoundingMode.HALF_UP);
            if (isolated) {
                roi = net.multiply(BigDecimal.valueOf(100)).divide(costs, 1, RoundingMode.HALF_UP);
            }
        }
        return new RoiResult(roiCase, withAdvertisingValue, Money.cents(total), Money.cents(costs), Money.cents(net),
                ratio, roi);
    }

    /**
     * The case as dashboard figures: benefit–cost ratio and ROI % when this is ROI; otherwise the one
     * correlational value indicator. Benefits are an assumed input, costs a measured one (the ledger).
     *
     * @param currency ISO 4217 code of the benefits and costs
     */
    public List<Figure> figures(RoiCase roiCase, boolean withAdvertisingValue, String currency) {
        RoiResult result = result(roiCase, withAdvertisingValue);
        Map<String, Input> inputs = new LinkedHashMap<>();
        inputs.put("fully_loaded_costs", new Input(result.costs(), currency, InputSource.MEASURED, null));
        inputs.put("monetised_benefits", Input.assumed(result.benefits(), currency, null));
        List<Warning> warnings = result.benefitCostRatio() == null
                ? List.of(Warning.of(Warning.Text.NO_COSTS_FOR_RATIO))
                : List.of();
        Map<String, Input> shown = result.benefitCostRatio() == null ? Map.of() : inputs;
        if (!isolated) {
            return List.of(new Figure(RoiDefinitions.VALUE_INDICATOR, result.benefitCostRatio(), "ratio", shown, null, warnings, false));
        }
        return List.of(new Figure(RoiDefinitions.BENEFIT_COST_RATIO, result.benefitCostRatio(), "ratio", shown, null, warnings, false),
                new Figure(RoiDefinitions.ROI_PERCENT, result.roiPercent(), "percent", shown, null, warnings, false));
    }
}
