package org.credence.standards.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
    // RFC 6962 reference leaves and tree heads, as published in the CT C++/Go test data
    static final List<byte[]> CT_LEAVES = unhex("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    static final List<String> CT_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    static final int MAX = 64;
    static final List<byte[]> DATA = leafData(MAX + 1); // one spare leaf for "claimed size n + 1"
    static final InMemoryMerkleLog LOG = logOf(DATA);
    static final MerkleTree TREE = new MerkleTree(LOG);

    @Test
    void empty_tree_hash_is_sha256_of_no_bytes() {
        assertThat(hex(MerkleTree.emptyRootHash())).isEqualTo(CT_ROOTS.get(0)).startsWith("e3b0c442").endsWith("b855");
        assertThat(hex(new MerkleTree(new InMemoryMerkleLog()).rootHash(0))).isEqualTo(CT_ROOTS.get(0));
        assertThat(hex(new InMemoryMerkleLog().rootHash())).isEqualTo(CT_ROOTS.get(0));
    }

    @Test
    void roots_of_the_ct_reference_leaves_match_the_published_tree_heads() {
        MerkleTree tree = new MerkleTree(logOf(CT_LEAVES));
        for (int size = 0; size <= 8; size++) {
            assertThat(hex(tree.rootHash(size))).as("size %d", size).isEqualTo(CT_ROOTS.get(size));
            assertThat(hex(RecursiveReference.mth(CT_LEAVES.subList(0, size)))).isEqualTo(CT_ROOTS.get(size));
        }
    }

    @Test
    void inclusion_proofs_match_the_published_ct_vectors() {
        MerkleTree tree = new MerkleTree(logOf(CT_LEAVES));
        assertThat(hexes(tree.inclusionProof(0, 1))).isEmpty();
        assertThat(hexes(tree.inclusionProof(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hexes(tree.inclusionProof(5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hexes(tree.inclusionProof(2, 3))).containsExactly(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hexes(tree.inclusionProof(1, 5))).containsExactly(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void consistency_proofs_match_the_published_ct_vectors() {
        MerkleTree tree = new MerkleTree(logOf(CT_LEAVES));
        assertThat(tree.consistencyProof(1, 1)).isEmpty();
        assertThat(hexes(tree.consistencyProof(1, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hexes(tree.consistencyProof(6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hexes(tree.consistencyProof(2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void roots_and_proofs_agree_with_the_literal_recursive_definitions_up_to_64_leaves() {
        for (int n = 1; n <= MAX; n++) {
            List<byte[]> d = DATA.subList(0, n);
            assertThat(hex(TREE.rootHash(n))).as("MTH size %d", n).isEqualTo(hex(RecursiveReference.mth(d)));
            for (int m = 0; m < n; m++) {
                assertThat(hexes(TREE.inclusionProof(m, n))).as("PATH(%d, D[%d])", m, n)
                        .isEqualTo(hexes(RecursiveReference.path(m, d)));
            }
            for (int m = 1; m <= n; m++) {
                assertThat(hexes(TREE.consistencyProof(m, n))).as("PROOF(%d, D[%d])", m, n)
                        .isEqualTo(hexes(RecursiveReference.proof(m, d)));
            }
        }
    }

    @Test
    void every_inclusion_proof_in_every_tree_up_to_64_leaves_verifies_and_tampering_fails() {
        for (int size = 1; size <= MAX; size++) {
            byte[] root = TREE.rootHash(size);
            for (int index = 0; index < size; index++) {
                byte[] leaf = LOG.leafHash(index);
                List<byte[]> proof = TREE.inclusionProof(index, size);
                String where = "leaf " + index + " of " + size;
                assertThat(MerkleTree.verifyInclusion(leaf, index, size, proof, root)).as(where).isTrue();

                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleTree.verifyInclusion(leaf, index, size, flipped(proof, i), root)).as(where).isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(flip(leaf), index, size, proof, root)).as(where).isFalse();
                assertThat(MerkleTree.verifyInclusion(leaf, index, size, proof, flip(root))).as(where).isFalse();
                for (long wrongIndex : new long[] {index - 1, index + 1, index ^ 1, size}) {
                    assertThat(MerkleTree.verifyInclusion(leaf, wrongIndex, size, proof, root))
                            .as("%s claimed as index %d", where, wrongIndex).isFalse();
                }
                // a root does not commit to its size (a signed checkpoint does), so a wrong size is
                // checked against that size's root: PATH(0, D[3]) also has the shape of PATH(0, D[4])
                for (int wrongSize : new int[] {size - 1, size + 1, index}) {
                    if (wrongSize > 0) {
                        assertThat(MerkleTree.verifyInclusion(leaf, index, wrongSize, proof, TREE.rootHash(wrongSize)))
                                .as("%s claimed in size %d", where, wrongSize).isFalse();
                    }
                }
                if (!proof.isEmpty()) {
                    assertThat(MerkleTree.verifyInclusion(leaf, index, size, proof.subList(0, proof.size() - 1), root)).isFalse();
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(MerkleTree.verifyInclusion(leaf, index, size, longer, root)).as(where).isFalse();
            }
        }
    }

    @Test
    void every_consistency_proof_between_sizes_up_to_64_verifies_and_tampering_fails() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root2 = TREE.rootHash(n);
            for (int m = 0; m <= n; m++) {
                byte[] root1 = TREE.rootHash(m);
                List<byte[]> proof = TREE.consistencyProof(m, n);
                String pair = m + " -> " + n;
                assertThat(MerkleTree.verifyConsistency(m, n, proof, root1, root2)).as(pair).isTrue();

                assertThat(MerkleTree.verifyConsistency(m, n, proof, flip(root1), root2)).as("wrong old root " + pair).isFalse();
                if (m > 0) {
                    assertThat(MerkleTree.verifyConsistency(m, n, proof, root1, flip(root2))).as("wrong new root " + pair).isFalse();
                }
                for (int i = 0; i < proof.size(); i++) {
                    assertThat(MerkleTree.verifyConsistency(m, n, flipped(proof, i), root1, root2)).as(pair).isFalse();
                }
                if (m > 0 && m < n) {
                    assertThat(MerkleTree.verifyConsistency(m, n, List.of(), root1, root2)).as("empty proof " + pair).isFalse();
                    assertThat(MerkleTree.verifyConsistency(m, n, proof.subList(1, proof.size()), root1, root2)).isFalse();
                    assertThat(MerkleTree.verifyConsistency(m, n + 1, proof, root1, TREE.rootHash(n + 1))).as(pair + "+1").isFalse();
                    assertThat(MerkleTree.verifyConsistency(m - 1, n, proof, TREE.rootHash(m - 1), root2)).as("-1 " + pair).isFalse();
                    assertThat(MerkleTree.verifyConsistency(m + 1, n, proof, TREE.rootHash(m + 1), root2)).as("+1 " + pair).isFalse();
                    assertThat(MerkleTree.verifyConsistency(n, m, proof, root2, root1)).as("reversed " + pair).isFalse();
                    List<byte[]> longer = new ArrayList<>(proof);
                    longer.add(root2);
                    assertThat(MerkleTree.verifyConsistency(m, n, longer, root1, root2)).as("padded " + pair).isFalse();
                }
            }
        }
    }

    @Test
    void adversarial_verification_input_is_refused_without_an_exception() {
        byte[] leaf = LOG.leafHash(3);
        byte[] root = TREE.rootHash(8);
        List<byte[]> proof = TREE.inclusionProof(3, 8);
        List<byte[]> withNull = new ArrayList<>(proof);
        withNull.set(1, null);
        List<byte[]> withShortHash = new ArrayList<>(proof);
        withShortHash.set(1, new byte[31]);

        assertThat(MerkleTree.verifyInclusion(leaf, 8, 8, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, -1, 8, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, 3, -8, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, 0, 0, List.of(), MerkleTree.emptyRootHash())).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, Long.MAX_VALUE - 1, Long.MAX_VALUE, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, 3, 8, null, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, 3, 8, withNull, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, 3, 8, withShortHash, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(null, 3, 8, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, 3, 8, proof, new byte[0])).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, 3, 8, List.of(), root)).isFalse();

        byte[] root5 = TREE.rootHash(5);
        List<byte[]> consistency = TREE.consistencyProof(5, 8);
        assertThat(MerkleTree.verifyConsistency(8, 5, consistency, root, root5)).isFalse();
        assertThat(MerkleTree.verifyConsistency(-1, 8, consistency, root5, root)).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 8, List.of(), root5, root)).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 8, null, root5, root)).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 8, consistency, null, root)).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 5, consistency, root5, root5)).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 5, List.of(), root5, root)).isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 8, consistency, MerkleTree.emptyRootHash(), root)).isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 8, List.of(), root5, root)).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, Long.MAX_VALUE, consistency, root5, root)).isFalse();
    }

    @Test
    void proof_requests_outside_the_log_name_the_broken_condition() {
        MerkleTree tree = new MerkleTree(logOf(DATA.subList(0, 8)));
        assertThatThrownBy(() -> tree.inclusionProof(9, 8)).hasMessage("leaf index 9 is outside a tree of size 8");
        assertThatThrownBy(() -> tree.inclusionProof(-1, 8)).hasMessage("leaf index -1 is outside a tree of size 8");
        assertThatThrownBy(() -> tree.inclusionProof(0, 0)).hasMessage("leaf index 0 is outside a tree of size 0");
        assertThatThrownBy(() -> tree.rootHash(9)).hasMessage("tree size 9 is outside 0..8, the leaves the log holds");
        assertThatThrownBy(() -> tree.consistencyProof(6, 5))
                .hasMessage("old tree size 6 must be between 0 and the new tree size 5");
        assertThatThrownBy(() -> tree.consistencyProof(1, 12)).hasMessage("new tree size 12 is outside 0..8, the leaves the log holds");
    }

    static List<byte[]> leafData(int count) {
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            data.add(("credential-" + i).getBytes(StandardCharsets.UTF_8));
        }
        return data;
    }

    static InMemoryMerkleLog logOf(List<byte[]> data) {
        InMemoryMerkleLog log = new InMemoryMerkleLog();
        data.forEach(log::append);
        return log;
    }

    static byte[] flip(byte[] hash) {
        byte[] copy = hash.clone();
        copy[copy.length / 2] ^= 0x01;
        return copy;
    }

    static List<byte[]> flipped(List<byte[]> proof, int at) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(at, flip(proof.get(at)));
        return copy;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(MerkleTreeTest::hex).toList();
    }

    static List<byte[]> unhex(String... values) {
        return java.util.Arrays.stream(values).map(HexFormat.of()::parseHex).toList();
    }
}
