package org.credence.analytics;

import java.util.Locale;
import org.credence.insights.Warning;
import org.credence.insights.WarningText;

/**
 * The warnings the server words itself (beside the insights library's {@link Warning.Text}), each
 * with a stable key so pages write it in the reader's language from the {@code insights} bundle.
 */
public enum AnalyticsWarning implements WarningText {
    NET_NEW_VISITORS_NOT_MEASURED(Warning.Code.NOT_MEASURED, "Not measured: Credence counts clicks from credential pages to the "
            + "program page, but does not see who arrives there; connect the program site's analytics (UTM source 'credence') for visitors."),
    NET_NEW_SHARE_NOT_MEASURED(Warning.Code.NOT_MEASURED,
            "Not measured: needs the program site's own visitor data (see net-new visitors)."),
    NO_COST_LINES(Warning.Code.NO_DATA, "no cost lines in the period: enter the program's costs in the ledger"),
    COSTS_IN_SEVERAL_CURRENCIES(Warning.Code.NOT_MEASURED,
            "the ledger has lines in {currencies} currencies in the period; the totals per currency are listed beside the figures"),
    NO_DATA_FOR_BOTH_GROUPS(Warning.Code.NO_DATA, "no data for both groups in the period"),
    NO_SATISFACTION_ANSWER(Warning.Code.NO_DATA, "no satisfaction answer in the period");

    private final Warning.Code code;
    private final String english;

    AnalyticsWarning(Warning.Code code, String english) {
        this.code = code;
        this.english = english;
    }

    @Override
    public Warning.Code code() {
        return code;
    }

    @Override
    public String key() {
        return "warning.server." + name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String english() {
        return english;
    }
}
