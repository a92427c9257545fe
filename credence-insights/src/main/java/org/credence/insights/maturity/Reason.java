package org.credence.insights.maturity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sentence a page renders from a message bundle: the key in area {@code roi} and its named
 * arguments (ICU MessageFormat: counts as numbers, rates as fractions for {@code number, percent}).
 *
 * @param key       e.g. {@code maturity.reason.issued}
 * @param arguments named arguments, in order
 * @param met       whether this criterion is met (a tick or a gap on the page)
 */
public record Reason(String key, Map<String, Object> arguments, boolean met) {

    public Reason {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a reason needs a message key");
        }
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments == null ? Map.of() : arguments));
    }
}
