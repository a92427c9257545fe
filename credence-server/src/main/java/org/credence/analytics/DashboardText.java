package org.credence.analytics;

import java.util.Map;
import org.credence.i18n.Messages;

/** The dashboard's words in English and Norwegian (bokmål): the {@code dashboard} bundle. */
final class DashboardText {
    private DashboardText() {}

    static Map<String, String> of(String lang) {
        return Messages.of("dashboard", lang.equals("nb") ? "nb" : "en").table();
    }
}
