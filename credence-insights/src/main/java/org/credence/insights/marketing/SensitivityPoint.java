package org.credence.insights.marketing;

import java.math.BigDecimal;

/**
 * One point of a sensitivity chart.
 *
 * @param value                the value the varied assumption took on every channel
 * @param impressions          total impressions at that value
 * @param equivalentMediaValue total equivalent media value at that value
 */
public record SensitivityPoint(BigDecimal value, BigDecimal impressions, BigDecimal equivalentMediaValue) {
}
