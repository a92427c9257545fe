package org.credence.insights.roi;

import java.util.List;
import org.credence.insights.Evidence;
import org.credence.insights.Formula;
import org.credence.insights.Metric;

/** The ROI metrics (ROI layer 5) as data; docs/metrics-roi.md explains each. */
public final class RoiDefinitions {

    private static final String ESTIMATE = "An estimate: the benefits rest on assumed amounts, attribution and confidence; "
            + "the costs are the ledger's.";

    public static final Metric BENEFIT_COST_RATIO = new Metric("roi.benefit_cost_ratio", "Benefit–cost ratio",
            "Monetised program benefits per unit of fully loaded program cost (Phillips ROI Methodology); 1.44 reads 1.44:1.",
            new Formula("benefit–cost ratio", PhillipsRoi.BCR_FORMULA), "fully loaded costs", Evidence.ESTIMATED, ESTIMATE);

    public static final Metric ROI_PERCENT = new Metric("roi.percent", "ROI",
            "Net program benefits as a percentage of fully loaded costs, shown only when every benefit names an isolation method.",
            new Formula("ROI %", PhillipsRoi.ROI_FORMULA), "fully loaded costs", Evidence.ESTIMATED, ESTIMATE);

    public static final Metric VALUE_INDICATOR = new Metric("roi.value_indicator", "Correlational value indicator",
            "Monetised benefits per unit of cost when at least one benefit is not isolated from other causes: an association, "
                    + "not a return.",
            new Formula("value indicator", PhillipsRoi.BCR_FORMULA), "fully loaded costs", Evidence.ESTIMATED,
            PhillipsRoi.CORRELATIONAL);

    private RoiDefinitions() {
    }

    /** Every ROI metric. */
    public static List<Metric> all() {
        return List.of(BENEFIT_COST_RATIO, ROI_PERCENT, VALUE_INDICATOR);
    }
}
