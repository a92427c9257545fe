package org.credence.standards.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.standards.transparency.MerkleTreeTest.hex;
import static org.credence.standards.transparency.MerkleTreeTest.hexes;
import static org.credence.standards.transparency.MerkleTreeTest.leafData;
import static org.credence.standards.transparency.MerkleTreeTest.logOf;

import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleLogTest {
    /** A source that stores only leaf hashes, as a plain database table would. */
    record LeafTable(List<byte[]> hashes) implements LeafHashes {
        @Override
        public long size() {
            return hashes.size();
        }

        @Override
        public byte[] leafHash(long index) {
            return hashes.get(Math.toIntExact(index));
        }
    }

    /** Counts subtree reads, to show roots and proofs touch O(log n) stored nodes. */
    static final class CountingSource implements LeafHashes {
        final LeafHashes inner;
        int subtreeReads;

        CountingSource(LeafHashes inner) {
            this.inner = inner;
        }

        @Override
        public long size() {
            return inner.size();
        }

        @Override
        public byte[] leafHash(long index) {
            return inner.leafHash(index);
        }

        @Override
        public byte[] subtreeHash(long start, int height) {
            subtreeReads++;
            return inner.subtreeHash(start, height);
        }
    }

    @Test
    void append_returns_consecutive_indices_from_zero() {
        InMemoryMerkleLog log = new InMemoryMerkleLog();
        assertThat(log.size()).isZero();
        assertThat(log.append(new byte[] {1})).isZero();
        assertThat(log.append(new byte[] {2})).isEqualTo(1);
        assertThat(log.append(new byte[0])).isEqualTo(2);
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.leafHash(2)).isEqualTo(MerkleTree.leafHash(new byte[0]));
    }

    @Test
    void the_running_root_matches_the_recursive_definition_after_every_append_and_old_roots_stay_available() {
        List<byte[]> data = leafData(300);
        InMemoryMerkleLog log = new InMemoryMerkleLog();
        for (int n = 0; n <= data.size(); n++) {
            assertThat(hex(log.rootHash())).as("size %d", n).isEqualTo(hex(RecursiveReference.mth(data.subList(0, n))));
            if (n < data.size()) {
                log.append(data.get(n));
            }
        }
        MerkleTree tree = new MerkleTree(log);
        for (int n = 0; n <= data.size(); n += 37) {
            assertThat(hex(tree.rootHash(n))).isEqualTo(hex(RecursiveReference.mth(data.subList(0, n))));
        }
    }

    @Test
    void a_source_holding_only_leaf_hashes_gives_the_same_roots_and_proofs() {
        // over 2 × 1024 leaves, so the default subtree hash both bulk-reads and splits
        InMemoryMerkleLog log = logOf(leafData(2100));
        LeafTable table = new LeafTable(log.leafHashes(0, log.size()));
        MerkleTree fromLog = new MerkleTree(log);
        MerkleTree fromTable = new MerkleTree(table);
        for (long size : new long[] {1, 1023, 1024, 1025, 2048, 2100}) {
            assertThat(fromTable.rootHash(size)).isEqualTo(fromLog.rootHash(size));
            assertThat(hexes(fromTable.inclusionProof(size / 2, size))).isEqualTo(hexes(fromLog.inclusionProof(size / 2, size)));
            assertThat(hexes(fromTable.consistencyProof(size / 3, size))).isEqualTo(hexes(fromLog.consistencyProof(size / 3, size)));
        }
        assertThat(fromTable.rootHash(2100)).isEqualTo(log.rootHash());
    }

    @Test
    void a_log_rebuilt_from_stored_leaf_hashes_equals_the_original() {
        InMemoryMerkleLog original = logOf(leafData(1500));
        InMemoryMerkleLog rebuilt = new InMemoryMerkleLog();
        original.leafHashes(0, original.size()).forEach(rebuilt::appendLeafHash);
        assertThat(rebuilt.rootHash()).isEqualTo(original.rootHash());
        assertThat(hexes(new MerkleTree(rebuilt).consistencyProof(700, 1500)))
                .isEqualTo(hexes(new MerkleTree(original).consistencyProof(700, 1500)));
        assertThatThrownBy(() -> rebuilt.appendLeafHash(new byte[31]))
                .hasMessage("a leaf hash is 32 bytes (SHA-256), not 31");
    }

    @Test
    void roots_and_proofs_of_a_large_log_read_logarithmically_many_subtrees() {
        CountingSource source = new CountingSource(logOf(leafData(100_000)));
        MerkleTree tree = new MerkleTree(source);
        tree.rootHash(99_999);
        assertThat(source.subtreeReads).isEqualTo(Long.bitCount(99_999));
        source.subtreeReads = 0;
        tree.inclusionProof(12_345, 99_999);
        assertThat(source.subtreeReads).isLessThanOrEqualTo(2 * 17);
        source.subtreeReads = 0;
        tree.consistencyProof(54_321, 99_999);
        assertThat(source.subtreeReads).isLessThanOrEqualTo(2 * 17);
    }

    @Test
    void reads_outside_the_complete_part_of_the_log_say_why_they_are_refused() {
        InMemoryMerkleLog log = logOf(leafData(6));
        assertThatThrownBy(() -> log.subtreeHash(2, 2))
                .hasMessage("a subtree of height 2 cannot start at leaf 2; it needs a multiple of 2^height");
        assertThatThrownBy(() -> log.subtreeHash(4, 2)).hasMessage("subtree [4, 8) is not complete in a log of size 6");
        assertThatThrownBy(() -> log.leafHash(6)).hasMessage("subtree [6, 7) is not complete in a log of size 6");
        assertThatThrownBy(() -> log.leafHashes(4, 7)).hasMessage("leaf range [4, 7) is outside a log of size 6");
    }

    @Test
    void returned_hashes_are_copies_so_callers_cannot_rewrite_history() {
        InMemoryMerkleLog log = logOf(leafData(4));
        byte[] root = log.rootHash();
        log.leafHash(0)[0] ^= 1;
        log.subtreeHash(0, 2)[0] ^= 1;
        log.rootHash()[0] ^= 1;
        assertThat(log.rootHash()).isEqualTo(root);
    }
}
