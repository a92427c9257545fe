package org.credence.issuance;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A human-friendly certificate number such as {@code CRD-7K3M-Q9XP-2F}: nine random Crockford
 * base-32 characters (no I, L, O, U) and a Luhn mod 32 check character, which catches every
 * single mistyped character and every swap of two neighbours.
 */
public record CredentialNumber(String value) {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int PAYLOAD = 9;

    public CredentialNumber {
        if (value == null || !value.equals(normalise(value).orElse(null))) {
            throw new IllegalArgumentException("not a credential number: " + value);
        }
    }

    /** A new random number. */
    public static CredentialNumber next(SecureRandom random) {
        StringBuilder payload = new StringBuilder(PAYLOAD);
        for (int i = 0; i < PAYLOAD; i++) {
            payload.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return new CredentialNumber(format(payload + String.valueOf(ALPHABET.charAt(checkValue(payload)))));
    }

    /**
     * The number a person typed, normalised (case, spaces, hyphens, O→0, I/L→1); empty when it
     * is not a number or its check character does not match.
     */
    public static Optional<CredentialNumber> parse(String typed) {
        return normalise(typed).map(CredentialNumber::new);
    }

    private static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (compact.startsWith("CRD")) {
            compact = compact.substring(3);
        }
        compact = compact.replace('O', '0').replace('I', '1').replace('L', '1');
        if (compact.length() != PAYLOAD + 1 || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        String payload = compact.substring(0, PAYLOAD);
        if (ALPHABET.charAt(checkValue(payload)) != compact.charAt(PAYLOAD)) {
            return Optional.empty();
        }
        return Optional.of(format(compact));
    }

    private static String format(String compact) {
        return "CRD-" + compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8);
    }

    // Luhn mod N over the base-32 digits
    private static int checkValue(CharSequence payload) {
        int factor = 2;
        int sum = 0;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(payload.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / 32 + addend % 32;
        }
        return (32 - sum % 32) % 32;
    }

    @Override
    public String toString() {
        return value;
    }
}
