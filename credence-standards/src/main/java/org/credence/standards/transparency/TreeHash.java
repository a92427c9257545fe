package org.credence.standards.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 9162 hashes: SHA-256 with a one-byte domain prefix, so a leaf can never be
 * passed off as an interior node (second-preimage protection).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1.1">RFC 9162 §2.1.1</a>
 */
final class TreeHash {
    static final int LENGTH = 32;
    /** Subtrees of up to 2^10 leaves are hashed from one bulk read of their leaves. */
    static final int BULK_HEIGHT = 10;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private TreeHash() {}

    /** MTH({}) = SHA-256() */
    static byte[] empty() {
        return sha256().digest();
    }

    /** MTH({d(0)}) = SHA-256(0x00 ‖ d(0)) */
    static byte[] leaf(byte[] leafData) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        return digest.digest(leafData);
    }

    /** SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])) */
    static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    /** The largest power of two strictly below {@code n}, for n ≥ 2: the k of the RFC's split. */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    static boolean isPowerOfTwo(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256 (MessageDigest Javadoc)
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
