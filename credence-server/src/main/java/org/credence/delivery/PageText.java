package org.credence.delivery;

import java.util.Map;
import org.credence.i18n.Messages;

/** The words of the claim, sign-in and dashboard pages in English and Norwegian bokmål: the {@code recipient} bundle. */
final class PageText {
    private PageText() {}

    static Map<String, String> of(String lang) {
        return Messages.of("recipient", "nb".equals(lang) ? "nb" : "en").table();
    }
}
