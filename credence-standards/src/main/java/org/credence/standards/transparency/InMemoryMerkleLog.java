package org.credence.standards.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle log held in memory, for tests, tools and small deployments. Besides the
 * leaf hashes it keeps every complete subtree hash, so append is amortised O(1) and any root or
 * proof is O(log n); the right edge of those subtrees is the compact range of the current tree.
 * Leaf data itself is not kept. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1.1">RFC 9162 §2.1.1</a>
 */
public final class InMemoryMerkleLog implements LeafHashes {
    /** levels.get(h).get(i) is MTH of leaves [i·2^h, (i+1)·2^h); level 0 holds the leaf hashes. */
    private final List<List<byte[]>> levels = new ArrayList<>();

    public InMemoryMerkleLog() {
        levels.add(new ArrayList<>());
    }

    /** Appends {@code leafData} (hashed as an RFC 9162 leaf) and returns its leaf index. */
    public synchronized long append(byte[] leafData) {
        List<byte[]> leaves = levels.get(0);
        if (leaves.size() == Integer.MAX_VALUE) {
            throw new IllegalStateException("an in-memory log holds at most " + Integer.MAX_VALUE + " leaves");
        }
        leaves.add(TreeHash.leaf(leafData));
        // each time a level gains an even count, its last two nodes complete a parent
        for (int h = 0; levels.get(h).size() % 2 == 0; h++) {
            List<byte[]> level = levels.get(h);
            if (h + 1 == levels.size()) {
                levels.add(new ArrayList<>());
            }
            levels.get(h + 1).add(TreeHash.node(level.get(level.size() - 2), level.get(level.size() - 1)));
        }
        return leaves.size() - 1L;
    }

    /** MTH of the whole log, folded from the right-edge subtrees: O(log n). */
    public synchronized byte[] rootHash() {
        long size = size();
        byte[] root = null;
        // bit h of the size set means a complete subtree of 2^h leaves on the right edge
        for (int h = 0; h < levels.size(); h++) {
            if ((size >> h & 1) == 1) {
                byte[] subtree = levels.get(h).get((int) (size >> h) - 1);
                root = root == null ? subtree : TreeHash.node(subtree, root);
            }
        }
        return root == null ? TreeHash.empty() : root.clone();
    }

    @Override
    public synchronized long size() {
        return levels.get(0).size();
    }

    @Override
    public synchronized byte[] leafHash(long index) {
        return subtreeHash(index, 0);
    }

    @Override
    public synchronized List<byte[]> leafHashes(long start, long end) {
        if (start < 0 || start > end || end > size()) {
            throw new IllegalArgumentException(
                    "leaf range [" + start + ", " + end + ") is outside a log of size " + size());
        }
        List<byte[]> copies = new ArrayList<>();
        for (byte[] hash : levels.get(0).subList((int) start, (int) end)) {
            copies.add(hash.clone());
        }
        return copies;
    }

    @Override
    public synchronized byte[] subtreeHash(long start, int height) {
        if (height < 0 || height >= 63 || start < 0 || start % (1L << height) != 0) {
            throw new IllegalArgumentException(
                    "a subtree of height " + height + " cannot start at leaf " + start + "; it needs a multiple of 2^height");
        }
        long end = start + (1L << height);
        if (height >= levels.size() || end > size()) {
            throw new IllegalArgumentException(
                    "subtree [" + start + ", " + end + ") is not complete in a log of size " + size());
        }
        return levels.get(height).get((int) (start >> height)).clone();
    }
}
