package org.credence.insights.roi;

import java.math.BigDecimal;

/**
 * The ROI figures of one case, with or without advertising-equivalent value.
 *
 * @param roiCase                 conservative, base or optimistic
 * @param withAdvertisingValue    whether the benefits include the advertising-equivalent value (which is
 *                                not revenue: what the same impressions would cost as advertising)
 * @param benefits                monetised benefits, to the cent
 * @param costs                   fully loaded costs, to the cent
 * @param netBenefits             benefits − costs, to the cent
 * @param benefitCostRatio        benefits ÷ costs to two decimals (1.44 reads "1.44:1"); null when costs are 0
 * @param roiPercent              (benefits − costs) ÷ costs × 100 to one decimal; null when costs are 0 or
 *                                when no isolation method was used (then this is not ROI)
 */
public record RoiResult(RoiCase roiCase, boolean withAdvertisingValue, BigDecimal benefits, BigDecimal costs,
        BigDecimal netBenefits, BigDecimal benefitCostRatio, BigDecimal roiPercent) {
}
