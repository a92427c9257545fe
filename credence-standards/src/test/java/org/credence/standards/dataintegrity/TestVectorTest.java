package org.credence.standards.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.credence.standards.jsonld.TitaniumCanonicalizer;
import org.credence.standards.keys.Ed25519KeyPair;
import org.junit.jupiter.api.Test;

/** 1EdTech's published eddsa-rdfc-2022 test vector for Open Badges 3.0, byte for byte. */
class TestVectorTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Ed25519KeyPair KEY = Ed25519KeyPair.fromSeed(
            HexFormat.of().parseHex("6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4"));
    static final String VM = "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
    static final Instant CREATED = Instant.parse("2010-01-01T19:23:24Z");

    final EddsaRdfc2022 suite = new EddsaRdfc2022(new TitaniumCanonicalizer());

    static String resource(String name) throws IOException {
        try (InputStream in = TestVectorTest.class.getResourceAsStream("/ob3-test-vector/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static ObjectNode credential() throws IOException {
        return (ObjectNode) JSON.readTree(resource("credential.json"));
    }

    static ObjectNode proofOptions() {
        ObjectNode proof = JSON.createObjectNode();
        proof.put("type", "DataIntegrityProof");
        proof.put("created", "2010-01-01T19:23:24Z");
        proof.put("verificationMethod", VM);
        proof.put("cryptosuite", "eddsa-rdfc-2022");
        proof.put("proofPurpose", "assertionMethod");
        return proof;
    }

    @Test
    void document_canonicalizes_to_the_published_n_quads() throws IOException {
        assertThat(suite.canonicalize(credential())).isEqualTo(resource("document-canon.txt"));
    }

    @Test
    void proof_options_canonicalize_to_the_published_n_quads() throws IOException {
        ObjectNode config = EddsaRdfc2022.proofConfig(credential(), proofOptions());
        assertThat(suite.canonicalize(config)).isEqualTo(resource("proof-canon.txt"));
    }

    @Test
    void hashes_match_the_published_values() throws IOException {
        byte[] data = suite.hashData(credential(), EddsaRdfc2022.proofConfig(credential(), proofOptions()));
        String hex = HexFormat.of().formatHex(data);
        assertThat(hex.substring(0, 64)).isEqualTo("d34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d19");
        assertThat(hex.substring(64)).isEqualTo("87f65a76d40146205e3b3e06cb0fbd153f97f9ce70372390f52566bb7f9e0773");
    }

    @Test
    void signing_reproduces_the_published_signature_and_proof_value() throws IOException {
        ObjectNode signed = suite.sign(credential(), KEY, VM, CREATED);
        assertThat(signed.get("proof").isArray()).isTrue();
        ObjectNode proof = (ObjectNode) signed.get("proof").get(0);
        assertThat(proof.get("proofValue").asText())
                .isEqualTo("z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr");
        byte[] signature = com.apicatalog.multibase.Multibase.BASE_58_BTC.decode(proof.get("proofValue").asText());
        assertThat(HexFormat.of().formatHex(signature)).isEqualTo(
                "f7a017acf7d27983267ec362657c0fb08e955549f49dac5bf36a03c4f2c3a4f1e3738a6c5ecd7ffba7135cb9cd754e6196f4b73082ea8df8e703c8ecd4333503");
    }

    @Test
    void the_published_proof_verifies() throws IOException {
        ObjectNode signed = suite.sign(credential(), KEY, VM, CREATED);
        suite.verify(signed, signed.get("proof").get(0), KEY.publicKey());
    }
}
