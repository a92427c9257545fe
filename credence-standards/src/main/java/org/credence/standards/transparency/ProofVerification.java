package org.credence.standards.transparency;

import java.security.MessageDigest;
import java.util.List;

/**
 * The RFC 9162 proof verification algorithms, transcribed step by step. Proofs come from
 * untrusted servers, so every malformed input yields false rather than an exception.
 */
final class ProofVerification {
    private ProofVerification() {}

    /** @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1.3.2">RFC 9162 §2.1.3.2</a> */
    static boolean inclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] rootHash) {
        if (!isHash(leafHash) || !isHash(rootHash) || !areHashes(proof)) {
            return false;
        }
        // step 1: the leaf must lie inside the tree (negative values are adversarial too)
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index; // step 2
        long sn = size - 1;
        byte[] r = leafHash; // step 3
        for (byte[] p : proof) { // step 4
            if (sn == 0) {
                return false; // more proof than tree
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = TreeHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, rootHash); // step 5
    }

    /** @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1.4.2">RFC 9162 §2.1.4.2</a> */
    static boolean consistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (!isHash(root1) || !isHash(root2) || !areHashes(proof) || size1 < 0 || size1 > size2) {
            return false;
        }
        // the RFC covers 0 < first < second; the edge cases need no hashes at all
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (size1 == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, TreeHash.empty());
        }
        if (proof.isEmpty()) {
            return false; // step 1
        }
        int next = 0;
        byte[] first; // step 2: a power-of-two old tree is itself a node of the new one
        if (TreeHash.isPowerOfTwo(size1)) {
            first = root1;
        } else {
            first = proof.get(next++);
        }
        long fn = size1 - 1; // step 3
        long sn = size2 - 1;
        while ((fn & 1) == 1) { // step 4
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = first; // step 5
        byte[] sr = first;
        for (; next < proof.size(); next++) { // step 6
            byte[] c = proof.get(next);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHash.node(c, fr);
                sr = TreeHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = TreeHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // step 7
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == TreeHash.LENGTH;
    }

    private static boolean areHashes(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] hash : proof) {
            if (!isHash(hash)) {
                return false;
            }
        }
        return true;
    }
}
