package org.credence.standards.transparency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only Merkle log held in memory, for tests, tools and servers that mirror a stored log.
 * Besides the leaf hashes it keeps every complete subtree hash, so append is amortised O(1) and any
 * root or proof is O(log n); the right edge of those subtrees is the compact range of the current
 * tree. Hashes are packed into flat arrays (about 64 bytes per leaf in all); leaf data itself is
 * not kept. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9162#section-2.1.1">RFC 9162 §2.1.1</a>
 */
public final class InMemoryMerkleLog implements LeafHashes {
    /** The most leaves one log holds: each level is packed into one array. */
    public static final int MAX_LEAVES = Integer.MAX_VALUE / TreeHash.LENGTH;

    /** levels.get(h).get(i) is MTH of leaves [i·2^h, (i+1)·2^h); level 0 holds the leaf hashes. */
    private final List<HashArray> levels = new ArrayList<>();

    public InMemoryMerkleLog() {
        levels.add(new HashArray());
    }

    /** Appends {@code leafData} (hashed as an RFC 9162 leaf) and returns its leaf index. */
    public synchronized long append(byte[] leafData) {
        return appendLeafHash(TreeHash.leaf(leafData));
    }

    /**
     * Appends a leaf whose RFC 9162 leaf hash was computed elsewhere (for example read back from
     * storage) and returns its leaf index.
     */
    public synchronized long appendLeafHash(byte[] leafHash) {
        if (leafHash.length != TreeHash.LENGTH) {
            throw new IllegalArgumentException("a leaf hash is 32 bytes (SHA-256), not " + leafHash.length);
        }
        HashArray leaves = levels.get(0);
        if (leaves.size() == MAX_LEAVES) {
            throw new IllegalStateException("an in-memory log holds at most " + MAX_LEAVES + " leaves");
        }
        leaves.add(leafHash);
        // each time a level gains an even count, its last two nodes complete a parent
        for (int h = 0; levels.get(h).size() % 2 == 0; h++) {
            HashArray level = levels.get(h);
            if (h + 1 == levels.size()) {
                levels.add(new HashArray());
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
        return root == null ? TreeHash.empty() : root;
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
        List<byte[]> copies = new ArrayList<>((int) (end - start));
        for (int i = (int) start; i < end; i++) {
            copies.add(levels.get(0).get(i));
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
        return levels.get(height).get((int) (start >> height));
    }

    /** A growable run of 32-byte hashes in one array: no per-hash object, no per-hash header. */
    private static final class HashArray {
        private byte[] bytes = new byte[16 * TreeHash.LENGTH];
        private int size;

        int size() {
            return size;
        }

        void add(byte[] hash) {
            if ((size + 1) * TreeHash.LENGTH > bytes.length) {
                long grown = Math.min((long) bytes.length * 2, (long) MAX_LEAVES * TreeHash.LENGTH);
                bytes = Arrays.copyOf(bytes, (int) grown);
            }
            System.arraycopy(hash, 0, bytes, size * TreeHash.LENGTH, TreeHash.LENGTH);
            size++;
        }

        /** A copy, so callers cannot rewrite history. */
        byte[] get(int index) {
            return Arrays.copyOfRange(bytes, index * TreeHash.LENGTH, (index + 1) * TreeHash.LENGTH);
        }
    }
}
