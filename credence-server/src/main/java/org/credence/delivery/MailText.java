package org.credence.delivery;

import java.util.Map;
import org.credence.i18n.Messages;

/** The words of every mail, in English and Norwegian bokmål (the {@code mail} bundle), with {placeholders} filled in one pass. */
final class MailText {
    private MailText() {}

    /** The text for {@code key} with its placeholders replaced; values are inserted as they are, never re-read as placeholders. */
    static String of(String lang, String key, Map<String, String> values) {
        return Messages.of("mail", "nb".equals(lang) ? "nb" : "en").format(key, values);
    }
}
