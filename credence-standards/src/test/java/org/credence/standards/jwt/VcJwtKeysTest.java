package org.credence.standards.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.standards.jwt.JwtTestData.ED_KEYS;
import static org.credence.standards.jwt.JwtTestData.RSA_KEYS;
import static org.credence.standards.jwt.JwtTestData.json;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.credence.standards.keys.KeyFormatException;
import org.junit.jupiter.api.Test;

class VcJwtKeysTest {

    @Test
    void public_jwks_round_trip_for_both_key_types() {
        PublicKeyMaterial ed = JwtSigningKey.ed25519(ED_KEYS).publicKey();
        PublicKeyMaterial rsa = JwtSigningKey.rsa(RSA_KEYS).publicKey();

        assertThat(ed.jwk().get("crv").asText()).isEqualTo("Ed25519");
        assertThat(PublicKeyMaterial.fromJwk(ed.jwk())).isEqualTo(ed);
        assertThat(rsa.jwk().get("kty").asText()).isEqualTo("RSA");
        assertThat(PublicKeyMaterial.fromJwk(rsa.jwk())).isEqualTo(rsa);
    }

    @Test
    void private_or_foreign_jwks_are_refused_with_a_reason() throws Exception {
        var withSecret = (com.fasterxml.jackson.databind.node.ObjectNode) JwtSigningKey.ed25519(ED_KEYS).publicKey().jwk();
        withSecret.put("d", "AAAA");
        assertThatThrownBy(() -> PublicKeyMaterial.fromJwk(withSecret))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("private");
        assertThatThrownBy(() -> PublicKeyMaterial.fromJwk(json("{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"AAAA\"}")))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> PublicKeyMaterial.fromJwk(json("{\"kty\":\"oct\",\"k\":\"AAAA\"}")))
                .isInstanceOf(KeyFormatException.class);
        assertThatThrownBy(() -> PublicKeyMaterial.fromJwk(json("[]")))
                .isInstanceOf(KeyFormatException.class);

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        assertThatThrownBy(() -> JwtSigningKey.rsa(ec.generateKeyPair()))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("RSA");
    }

    @Test
    void rsa_keys_under_2048_bits_are_refused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        assertThatThrownBy(() -> JwtSigningKey.rsa(generator.generateKeyPair()))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("2048");
    }

    @Test
    void signing_keys_never_print_their_secret() {
        assertThat(JwtSigningKey.rsa(RSA_KEYS).toString()).contains("REDACTED").doesNotContain(
                RSA_KEYS.getPrivate().toString());
        assertThat(JwtSigningKey.ed25519(ED_KEYS).toString()).contains("REDACTED");
    }

    @Test
    void an_oversized_token_is_still_recognised_as_a_jwt() {
        String token = VcJwt.sign(JwtTestData.credential(), JwtSigningKey.ed25519(ED_KEYS), JwtTestData.KID);
        String[] parts = token.split("\\.");
        String huge = parts[0] + "." + "A".repeat(VcJwt.MAX_LENGTH) + "." + parts[2];
        assertThat(VcJwt.looksLikeJwt(huge)).isTrue();
        assertThat(VcJwt.verify(huge, JwtTestData.edLookup()).failedWith(VcJwtProblem.TOO_LARGE)).isTrue();
    }
}
