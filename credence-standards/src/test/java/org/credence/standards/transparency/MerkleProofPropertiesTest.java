package org.credence.standards.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.standards.transparency.MerkleTreeTest.flipped;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class MerkleProofPropertiesTest {
    static final int MAX = 1000;
    static final List<byte[]> DATA = MerkleTreeTest.leafData(MAX);
    static final InMemoryMerkleLog LOG = MerkleTreeTest.logOf(DATA);
    static final MerkleTree TREE = new MerkleTree(LOG);

    @Property(tries = 300)
    void inclusion_proofs_verify_for_random_sizes_and_indices(
            @ForAll @IntRange(min = 1, max = MAX) int size, @ForAll @IntRange(min = 0, max = MAX - 1) int anyIndex) {
        int index = anyIndex % size;
        List<byte[]> proof = TREE.inclusionProof(index, size);
        byte[] root = TREE.rootHash(size);
        assertThat(MerkleTree.verifyInclusion(LOG.leafHash(index), index, size, proof, root)).isTrue();
        if (!proof.isEmpty()) {
            assertThat(MerkleTree.verifyInclusion(LOG.leafHash(index), index, size, flipped(proof, anyIndex % proof.size()), root))
                    .isFalse();
        }
    }

    @Property(tries = 300)
    void consistency_proofs_verify_for_random_size_pairs(
            @ForAll @IntRange(min = 0, max = MAX) int a, @ForAll @IntRange(min = 0, max = MAX) int b) {
        int size1 = Math.min(a, b);
        int size2 = Math.max(a, b);
        List<byte[]> proof = TREE.consistencyProof(size1, size2);
        byte[] root1 = TREE.rootHash(size1);
        byte[] root2 = TREE.rootHash(size2);
        assertThat(MerkleTree.verifyConsistency(size1, size2, proof, root1, root2)).isTrue();
        if (!proof.isEmpty()) {
            assertThat(MerkleTree.verifyConsistency(size1, size2, flipped(proof, a % proof.size()), root1, root2)).isFalse();
        }
    }

    @Property(tries = 50)
    void roots_agree_with_the_recursive_definition_for_random_sizes(@ForAll @IntRange(min = 0, max = MAX) int size) {
        assertThat(TREE.rootHash(size)).isEqualTo(RecursiveReference.mth(DATA.subList(0, size)));
    }
}
