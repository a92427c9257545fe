package org.credence.standards.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * The append-only list of leaf hashes a {@link MerkleTree} works over, so the tree algorithms
 * need not hold the log in memory: the server implements this over its database table.
 *
 * <p>Implementations must be append-only: once {@link #size()} has reached {@code n}, the hashes
 * of leaves {@code 0..n-1} never change. Callers pass only indices below a size they have seen.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1.1">RFC 9162 §2.1.1</a>
 */
public interface LeafHashes {
    /** The number of leaves appended so far. */
    long size();

    /** The leaf hash SHA-256(0x00 ‖ data) of leaf {@code index}, {@code 0 <= index < size()}. */
    byte[] leafHash(long index);

    /**
     * The leaf hashes of leaves {@code start} (inclusive) to {@code end} (exclusive), in order.
     * Override to fetch them in one query instead of {@code end - start}.
     */
    default List<byte[]> leafHashes(long start, long end) {
        List<byte[]> hashes = new ArrayList<>(Math.toIntExact(end - start));
        for (long i = start; i < end; i++) {
            hashes.add(leafHash(i));
        }
        return hashes;
    }

    /**
     * MTH of the complete subtree of {@code 2^height} leaves starting at {@code start}, a multiple
     * of {@code 2^height}. Every subtree in an RFC 9162 tree whose size is a power of two is of
     * this kind, so a source that stores these hashes makes roots and proofs O(log n) reads.
     *
     * <p>The default recomputes it from the leaves, reading at most 1024 at once.
     */
    default byte[] subtreeHash(long start, int height) {
        // bounded bulk reads keep memory flat however large the subtree
        if (height > TreeHash.BULK_HEIGHT) {
            long half = 1L << (height - 1);
            return TreeHash.node(subtreeHash(start, height - 1), subtreeHash(start + half, height - 1));
        }
        List<byte[]> level = new ArrayList<>(leafHashes(start, start + (1L << height)));
        // fold pairwise in place: after each pass the first half holds the parents
        for (int width = level.size(); width > 1; width /= 2) {
            for (int i = 0; i < width / 2; i++) {
                level.set(i, TreeHash.node(level.get(2 * i), level.get(2 * i + 1)));
            }
        }
        return level.get(0);
    }
}
