package org.credence.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.credence.i18n.Messages;

/**
 * A refusal's sentence as a key in the {@code errors} bundle and its named arguments, so a page can
 * show it in the reader's language while logs and API problems keep the English one. The English
 * sentence is rendered from {@code errors_en.properties} with the same arguments, so no sentence is
 * written twice.
 *
 * @param key the key in {@code errors_<language>.properties}
 * @param arguments the named ICU arguments, each already text
 */
public record ErrorText(String key, Map<String, String> arguments) {
    /** The bundle area the keys live in. */
    public static final String AREA = "errors";

    public ErrorText {
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /**
     * The text of {@code key} with arguments given as name, value, name, value … Values are inserted
     * as {@link String#valueOf} writes them (no grouping of digits), so the English sentence is the one
     * string concatenation gave before keys existed.
     */
    public static ErrorText of(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments of " + key + " must come in name, value pairs");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
        }
        return new ErrorText(key, arguments);
    }

    /** The sentence in {@code language} ("en" or "nb"). */
    public String in(String language) {
        return Messages.of(AREA, language).format(key, arguments);
    }
}
