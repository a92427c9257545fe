package org.credence.standards.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 §2.1 definitions of MTH, PATH and PROOF written as literally as possible, with
 * their own hashing, as an obviously-correct oracle for the production code.
 */
final class RecursiveReference {
    private RecursiveReference() {}

    static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            return sha256(new byte[0]);
        }
        if (d.size() == 1) {
            return sha256(concat(new byte[] {0x00}, d.get(0)));
        }
        int k = largestPowerOfTwoBelow(d.size());
        return sha256(concat(new byte[] {0x01}, mth(d.subList(0, k)), mth(d.subList(k, d.size()))));
    }

    static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> result = new ArrayList<>();
        if (d.size() == 1) {
            return result;
        }
        int k = largestPowerOfTwoBelow(d.size());
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, d.size())));
        } else {
            result.addAll(path(m - k, d.subList(k, d.size())));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> result = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
