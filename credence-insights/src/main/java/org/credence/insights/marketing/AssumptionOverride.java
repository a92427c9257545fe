package org.credence.insights.marketing;

import java.math.BigDecimal;
import org.credence.insights.Channel;
import org.credence.insights.Provenance;

/**
 * One stored edit of an assumption, as a tenant or achievement owner made it.
 *
 * @param parameter  which assumption
 * @param channel    the channel it applies to, or null for every channel
 * @param value      the new value, at least 0
 * @param provenance who, when, why and the scope (tenant or achievement)
 */
public record AssumptionOverride(Parameter parameter, Channel channel, BigDecimal value, Provenance provenance) {

    public AssumptionOverride {
        if (parameter == null || value == null || provenance == null) {
            throw new IllegalArgumentException("an override needs a parameter, a value and its provenance");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(parameter + " override (" + value + ") must be 0 or more");
        }
    }
}
