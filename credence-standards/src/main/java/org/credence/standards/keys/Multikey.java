package org.credence.standards.keys;

import com.apicatalog.multibase.Multibase;

/**
 * Multikey encodings of Ed25519 keys.
 *
 * @see <a href="https://www.w3.org/TR/controller-document/#multikey">Controller Documents §2.2.2 Multikey</a>
 */
final class Multikey {
    // multicodec varints: ed25519-pub 0xed, ed25519-priv 0x1300
    private static final byte[] ED25519_PUB = {(byte) 0xed, 0x01};
    private static final byte[] ED25519_PRIV = {(byte) 0x80, 0x26};

    private Multikey() {}

    static String encodePublic(byte[] raw) {
        return Multibase.BASE_58_BTC.encode(prefixed(ED25519_PUB, raw));
    }

    static String encodeSecret(byte[] seed) {
        return Multibase.BASE_58_BTC.encode(prefixed(ED25519_PRIV, seed));
    }

    static byte[] decodePublic(String multibase) {
        return unprefixed(multibase, ED25519_PUB, "publicKeyMultibase", "ed25519-pub (z6Mk…)");
    }

    static byte[] decodeSecret(String multibase) {
        return unprefixed(multibase, ED25519_PRIV, "secretKeyMultibase", "ed25519-priv (z3u2…)");
    }

    private static byte[] prefixed(byte[] header, byte[] key) {
        byte[] out = new byte[header.length + key.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(key, 0, out, header.length, key.length);
        return out;
    }

    private static byte[] unprefixed(String multibase, byte[] header, String field, String expected) {
        if (multibase == null || multibase.isEmpty()) {
            throw new KeyFormatException(field + " is missing");
        }
        if (!Multibase.BASE_58_BTC.isEncoded(multibase)) {
            throw new KeyFormatException(field + " must be base58btc multibase starting with 'z'");
        }
        byte[] decoded;
        try {
            decoded = Multibase.BASE_58_BTC.decode(multibase);
        } catch (RuntimeException e) {
            throw new KeyFormatException(field + " is not valid base58btc");
        }
        if (decoded.length != header.length + 32 || decoded[0] != header[0] || decoded[1] != header[1]) {
            throw new KeyFormatException(field + " is not an Ed25519 key: expected the " + expected + " multicodec and 32 key bytes");
        }
        byte[] key = new byte[32];
        System.arraycopy(decoded, header.length, key, 0, 32);
        return key;
    }
}
