package org.credence.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The guard's quick scan never lets through what it must refuse: whenever a JSON text holds a NUL
 * in a string or a number no double can hold, the scan flags it, so the tree is read and checked.
 */
class InputGuardPropertiesTest {
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('\u0000', '\\', '"', 'u', '0', 'a', 'é', '\n').ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<String> mantissa = Combinators.combine(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(400),
                Arbitraries.strings().numeric().ofMaxLength(3)).as((whole, fraction) -> whole.replaceFirst("^0+(?=.)", "")
                + (fraction.isEmpty() ? "" : "." + fraction));
        Arbitrary<String> exponent = Combinators.combine(Arbitraries.of("", "e", "E"), Arbitraries.of("", "+", "-"),
                Arbitraries.integers().between(0, 1000)).as((e, sign, value) -> e.isEmpty() ? "" : e + sign + value);
        return Combinators.combine(Arbitraries.of("", "-"), mantissa, exponent).as((sign, m, e) -> sign + m + e);
    }

    @Property
    void a_nul_anywhere_in_a_string_or_key_is_seen(@ForAll("texts") String value, @ForAll("texts") String key) throws Exception {
        String json = Json.MAPPER.writeValueAsString(java.util.Map.of(key, java.util.List.of(value)));
        if (value.indexOf('\0') >= 0 || key.indexOf('\0') >= 0) {
            assertThat(InputGuard.suspicious(json.getBytes(StandardCharsets.UTF_8))).as(json).isTrue();
        }
    }

    @Property
    void a_number_too_large_for_a_double_is_seen(@ForAll("numbers") String number) throws Exception {
        String json = "{\"n\": " + number + "}";
        JsonNode n = Json.MAPPER.readTree(json).get("n");
        if (!Double.isFinite(n.doubleValue())) {
            assertThat(InputGuard.suspicious(json.getBytes(StandardCharsets.UTF_8))).as(json).isTrue();
        }
    }
}
