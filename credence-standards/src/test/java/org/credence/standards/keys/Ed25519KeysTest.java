package org.credence.standards.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {
    // 1EdTech's published OB 3.0 test-vector key pair
    static final byte[] VECTOR_SEED = HexFormat.of().parseHex("6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4");
    static final String VECTOR_PUBLIC = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";

    @Test
    void test_vector_seed_gives_the_published_public_key() {
        Ed25519KeyPair keys = Ed25519KeyPair.fromSeed(VECTOR_SEED);
        assertThat(HexFormat.of().formatHex(keys.publicKey().raw()))
                .isEqualTo("4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5");
        assertThat(keys.publicKey().multibase()).isEqualTo(VECTOR_PUBLIC);
        assertThat(keys.publicKey().didKey()).isEqualTo("did:key:" + VECTOR_PUBLIC);
    }

    @Test
    void secret_multibase_round_trips_and_uses_the_ed25519_priv_header() {
        Ed25519KeyPair keys = Ed25519KeyPair.fromSeed(VECTOR_SEED);
        assertThat(keys.secretKeyMultibase()).startsWith("z3u2");
        assertThat(Ed25519KeyPair.fromSecretMultibase(keys.secretKeyMultibase())).isEqualTo(keys);
    }

    @Test
    void key_pair_never_prints_its_secret() {
        Ed25519KeyPair keys = Ed25519KeyPair.fromSeed(VECTOR_SEED);
        assertThat(keys.toString()).contains("[REDACTED]").doesNotContain(keys.secretKeyMultibase());
    }

    @Property(tries = 50)
    void signatures_verify_only_for_the_signed_bytes(@ForAll @Size(max = 200) byte[] data) {
        Ed25519KeyPair keys = Ed25519KeyPair.generate(new SecureRandom());
        byte[] signature = keys.sign(data);
        assertThat(keys.publicKey().verify(data, signature)).isTrue();
        byte[] tampered = (new String(data, StandardCharsets.ISO_8859_1) + "x").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(keys.publicKey().verify(tampered, signature)).isFalse();
        assertThat(keys.publicKey().verify(data, new byte[10])).isFalse();
    }

    @Test
    void malformed_multibase_keys_are_refused_with_a_reason() {
        assertThatThrownBy(() -> Ed25519PublicKey.fromMultibase("abc")).hasMessageContaining("'z'");
        assertThatThrownBy(() -> Ed25519PublicKey.fromMultibase("z0OIl")).hasMessageContaining("base58btc");
        assertThatThrownBy(() -> Ed25519PublicKey.fromMultibase(VECTOR_PUBLIC.substring(0, 20))).hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> Ed25519KeyPair.fromSecretMultibase(VECTOR_PUBLIC)).hasMessageContaining("ed25519-priv");
    }

    @Test
    void key_file_round_trips_and_rejects_a_mismatched_public_key() {
        Ed25519KeyPair keys = Ed25519KeyPair.generate(new SecureRandom());
        byte[] file = KeyFile.toJson(keys).toString().getBytes(StandardCharsets.UTF_8);
        assertThat(KeyFile.read(file)).isEqualTo(keys);
        String other = KeyFile.toJson(keys).put("publicKeyMultibase", VECTOR_PUBLIC).toString();
        assertThatThrownBy(() -> KeyFile.read(other.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> KeyFile.read("{}".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("keygen");
        assertThatThrownBy(() -> KeyFile.read("nope".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not JSON");
    }

    @Test
    void did_web_document_lists_every_key_for_assertion_with_multikey_type() {
        Ed25519PublicKey old = Ed25519KeyPair.generate(new SecureRandom()).publicKey();
        Ed25519PublicKey current = Ed25519KeyPair.generate(new SecureRandom()).publicKey();
        var doc = DidDocuments.didWeb("did:web:example.org:tenants:acme", List.of(
                new DidDocuments.PublishedKey("key-1", old, false),
                new DidDocuments.PublishedKey("key-2", current, true)));
        assertThat(doc.get("@context").get(0).asText()).isEqualTo(DidDocuments.DID_V1);
        assertThat(doc.get("verificationMethod")).hasSize(2);
        assertThat(doc.get("verificationMethod").get(0).get("type").asText()).isEqualTo("Multikey");
        assertThat(doc.get("assertionMethod")).hasSize(2);
        assertThat(doc.get("assertionMethod").get(0).asText()).isEqualTo("did:web:example.org:tenants:acme#key-1");
    }

    @Test
    void did_web_identifiers_map_to_and_from_urls() {
        assertThat(DidDocuments.didWebFor(URI.create("https://example.org:8443/tenants/acme")))
                .isEqualTo("did:web:example.org%3A8443:tenants:acme");
        assertThat(DidDocuments.didWebUrl("did:web:example.org%3A8443:tenants:acme"))
                .hasToString("https://example.org:8443/tenants/acme/did.json");
        assertThat(DidDocuments.didWebUrl("did:web:example.org")).hasToString("https://example.org/.well-known/did.json");
        assertThatThrownBy(() -> DidDocuments.didWebUrl("did:web:")).isInstanceOf(KeyFormatException.class);
    }
}
