package org.credence.insights.marketing;

import java.util.Currency;

/** The assumed inputs of the marketing-value model. */
public enum Parameter {
    /** How many people see one shared credential in a feed or inbox. */
    IMPRESSIONS_PER_SHARE,
    /** Cost per thousand impressions of comparable display advertising, in the assumptions' currency. */
    CPM;

    /** The unit an assumption of this parameter is shown in. */
    public String unit(Currency currency) {
        return this == CPM ? currency.getCurrencyCode() + " per 1000 impressions" : "impressions per share";
    }
}
