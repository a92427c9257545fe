package org.credence.standards.dataintegrity;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Multibase base58btc ({@code z…}) for proof values, ten digits at a time.
 *
 * <p>copper-multibase's codec divides digit by digit (about 10 µs per 64-byte signature each
 * way here, a tenth of verifying); this one does one {@link BigInteger} step per ten base-58
 * digits, since 58¹⁰ fits in a long. A property test holds it equal to copper-multibase.
 */
final class ProofValues {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final long CHUNK = 430804206899405824L; // 58^10
    private static final BigInteger BIG_CHUNK = BigInteger.valueOf(CHUNK);
    private static final int[] DIGITS = new int[128];

    static {
        Arrays.fill(DIGITS, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DIGITS[ALPHABET.charAt(i)] = i;
        }
    }

    private ProofValues() {}

    /** {@code z} followed by the base58btc digits of {@code bytes}. */
    static String encode(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        StringBuilder reversed = new StringBuilder(bytes.length * 138 / 100 + 2);
        BigInteger n = new BigInteger(1, bytes);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BIG_CHUNK);
            long chunk = qr[1].longValue();
            n = qr[0];
            for (int i = 0; i < 10 && (n.signum() > 0 || chunk > 0); i++) {
                reversed.append(ALPHABET.charAt((int) (chunk % 58)));
                chunk /= 58;
            }
        }
        reversed.append("1".repeat(zeros));
        return "z" + reversed.reverse();
    }

    /**
     * The bytes of a {@code z…} base58btc string.
     *
     * @throws IllegalArgumentException when it does not start with {@code z} or holds a character outside the alphabet
     */
    static byte[] decode(String multibase) {
        if (multibase.isEmpty() || multibase.charAt(0) != 'z') {
            throw new IllegalArgumentException("not base58btc multibase");
        }
        int zeros = 0;
        while (1 + zeros < multibase.length() && multibase.charAt(1 + zeros) == '1') {
            zeros++;
        }
        BigInteger n = BigInteger.ZERO;
        int i = 1 + zeros;
        while (i < multibase.length()) {
            int end = Math.min(i + 10, multibase.length());
            long chunk = 0;
            long scale = 1;
            for (; i < end; i++) {
                char c = multibase.charAt(i);
                int digit = c < 128 ? DIGITS[c] : -1;
                if (digit < 0) {
                    throw new IllegalArgumentException("'" + c + "' is not a base58btc digit");
                }
                chunk = chunk * 58 + digit;
                scale *= 58;
            }
            n = n.multiply(BigInteger.valueOf(scale)).add(BigInteger.valueOf(chunk));
        }
        byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
        int sign = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0; // BigInteger's sign byte
        byte[] out = new byte[zeros + magnitude.length - sign];
        System.arraycopy(magnitude, sign, out, zeros, magnitude.length - sign);
        return out;
    }
}
