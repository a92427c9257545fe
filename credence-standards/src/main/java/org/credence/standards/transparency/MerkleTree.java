package org.credence.standards.transparency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * RFC 9162 Merkle tree hashes and proofs over a {@link LeafHashes} source. Stateless: every
 * method reads the source afresh, so one instance can serve any tree size the source has reached.
 *
 * <p>Work is O(log n) calls to {@link LeafHashes#subtreeHash}; how cheap those are is up to the
 * source ({@link InMemoryMerkleLog} answers each from memory).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1">RFC 9162 §2.1</a>
 */
public final class MerkleTree {
    private final LeafHashes leaves;

    public MerkleTree(LeafHashes leaves) {
        this.leaves = Objects.requireNonNull(leaves, "leaves");
    }

    /** The leaf hash SHA-256(0x00 ‖ leafData) to store for a new entry. */
    public static byte[] leafHash(byte[] leafData) {
        return TreeHash.leaf(leafData);
    }

    /** MTH of the empty tree, SHA-256 of no bytes. */
    public static byte[] emptyRootHash() {
        return TreeHash.empty();
    }

    /** MTH(D[0:size]), the root hash of the tree of the first {@code size} leaves. */
    public byte[] rootHash(long size) {
        checkSize("tree size", size);
        return size == 0 ? TreeHash.empty() : hash(0, size);
    }

    /**
     * PATH(index, D[0:size]): the sibling hashes from the leaf up to the root, leaf end first.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1.3.1">RFC 9162 §2.1.3.1</a>
     */
    public List<byte[]> inclusionProof(long index, long size) {
        checkSize("tree size", size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        long lo = 0;
        long hi = size;
        // walk down from the root; the RFC lists the siblings bottom-up, hence the reverse below
        while (hi - lo > 1) {
            long k = TreeHash.splitPoint(hi - lo);
            if (index < lo + k) {
                path.add(hash(lo + k, hi));
                hi = lo + k;
            } else {
                path.add(hash(lo, lo + k));
                lo += k;
            }
        }
        Collections.reverse(path);
        return path;
    }

    /**
     * PROOF(size1, D[0:size2]): the hashes proving the tree of {@code size1} leaves is a prefix of
     * the tree of {@code size2}. Empty when {@code size1} is 0 or equals {@code size2}.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1.4.1">RFC 9162 §2.1.4.1</a>
     */
    public List<byte[]> consistencyProof(long size1, long size2) {
        checkSize("new tree size", size2);
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException(
                    "old tree size " + size1 + " must be between 0 and the new tree size " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 == 0 || size1 == size2) {
            return proof;
        }
        long lo = 0;
        long hi = size2;
        boolean wholeOldTree = true; // the RFC's flag b: is D[lo:size1] the entire old tree?
        while (size1 < hi) {
            long k = TreeHash.splitPoint(hi - lo);
            if (size1 - lo <= k) {
                proof.add(hash(lo + k, hi));
                hi = lo + k;
            } else {
                proof.add(hash(lo, lo + k));
                lo += k;
                wholeOldTree = false;
            }
        }
        // SUBPROOF(m, D[m], b): the verifier already knows the old root, any other subtree it needs
        if (!wholeOldTree) {
            proof.add(hash(lo, hi));
        }
        Collections.reverse(proof);
        return proof;
    }

    /**
     * True when {@code proof} shows the leaf with {@code leafHash} at {@code index} is in the
     * tree of {@code size} leaves with root {@code rootHash}. Never throws: malformed input is false.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1.3.2">RFC 9162 §2.1.3.2</a>
     */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] rootHash) {
        return ProofVerification.inclusion(leafHash, index, size, proof, rootHash);
    }

    /**
     * True when {@code proof} shows the tree of {@code size1} leaves with root {@code root1} is a
     * prefix of the tree of {@code size2} with root {@code root2}. Never throws.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1.4.2">RFC 9162 §2.1.4.2</a>
     */
    public static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        return ProofVerification.consistency(size1, size2, proof, root1, root2);
    }

    /** MTH(D[lo:hi]) for hi > lo; every power-of-two piece of the split is one subtree lookup. */
    private byte[] hash(long lo, long hi) {
        long n = hi - lo;
        if (TreeHash.isPowerOfTwo(n)) {
            return leaves.subtreeHash(lo, Long.numberOfTrailingZeros(n));
        }
        long k = TreeHash.splitPoint(n);
        return TreeHash.node(hash(lo, lo + k), hash(lo + k, hi));
    }

    private void checkSize(String what, long size) {
        long available = leaves.size();
        if (size < 0 || size > available) {
            throw new IllegalArgumentException(
                    what + " " + size + " is outside 0.." + available + ", the leaves the log holds");
        }
    }
}
