package org.credence.insights.marketing;

import java.util.List;

/**
 * How the equivalent media value moves as one assumption varies (set to the same value on every
 * channel) while the measured shares and the other assumption stay as they are.
 *
 * @param varied   the assumption on the x axis
 * @param unit     the x axis's unit
 * @param currency the ISO 4217 code of the money values
 * @param caption  what the chart shows, including {@link MarketingDefinitions#NOT_REVENUE}
 * @param points   ordered by value
 */
public record SensitivitySeries(Parameter varied, String unit, String currency, String caption,
        List<SensitivityPoint> points) {

    public SensitivitySeries {
        points = List.copyOf(points);
    }
}
