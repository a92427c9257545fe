package org.credence.standards.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.standards.jwt.JwtTestData.ED_KEYS;
import static org.credence.standards.jwt.JwtTestData.KID;
import static org.credence.standards.jwt.JwtTestData.RSA_KEYS;
import static org.credence.standards.jwt.JwtTestData.credential;
import static org.credence.standards.jwt.JwtTestData.decode;
import static org.credence.standards.jwt.JwtTestData.edLookup;
import static org.credence.standards.jwt.JwtTestData.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VcJwtRoundTripTest {

    @Test
    void eddsa_token_verifies_and_returns_the_credential_without_its_proof() {
        String token = VcJwt.sign(credential(), JwtSigningKey.ed25519(ED_KEYS), KID);

        VcJwtResult result = VcJwt.verify(token, edLookup());

        assertThat(result.failures()).isEmpty();
        assertThat(result.valid()).isTrue();
        ObjectNode expected = credential();
        expected.remove("proof");
        assertThat(result.credential()).contains(expected);
        assertThat(result.algorithm()).contains("EdDSA");
        assertThat(result.keyId()).contains(KID);
        assertThat(result.checks()).extracting(VcJwtCheck::name)
                .containsExactly("format", "algorithm", "header", "key", "signature", "vc", "iss", "jti", "sub", "nbf", "exp");
    }

    @Test
    void rs256_token_verifies_with_the_rsa_public_key() {
        String token = VcJwt.sign(credential(), JwtSigningKey.rsa(RSA_KEYS), KID);

        VcJwtResult result = VcJwt.verify(token, KeyLookup.byKid(kid ->
                Optional.of(PublicKeyMaterial.rsa((RSAPublicKey) RSA_KEYS.getPublic()))));

        assertThat(result.failures()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.algorithm()).contains("RS256");
    }

    @Test
    void header_and_claims_follow_the_open_badges_mapping() {
        String token = VcJwt.sign(credential(), JwtSigningKey.ed25519(ED_KEYS), KID);
        String[] parts = token.split("\\.");

        JsonNode header = json(decode(parts[0]));
        assertThat(header.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        assertThat(header.get("kid").asText()).isEqualTo(KID);
        assertThat(header.has("jwk")).isFalse();

        JsonNode claims = json(decode(parts[1]));
        assertThat(claims.get("iss").asText()).isEqualTo("https://example.edu/issuers/565049");
        assertThat(claims.get("jti").asText()).isEqualTo("urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002");
        assertThat(claims.get("sub").asText()).isEqualTo("did:example:ebfeb1f712ebc6f1c276e12ec21");
        assertThat(claims.get("nbf").asLong()).isEqualTo(Instant.parse("2024-03-01T12:30:00Z").getEpochSecond());
        assertThat(claims.get("exp").asLong()).isEqualTo(Instant.parse("2029-03-01T10:30:00Z").getEpochSecond());
        assertThat(claims.get("vc").has("proof")).isFalse();
        assertThat(claims.get("vc").get("name").asText()).isEqualTo("Teamwork Badge");
    }

    @Test
    void dates_are_reported_but_not_judged_against_the_clock() {
        ObjectNode expired = credential();
        expired.put("validFrom", "2001-01-01T00:00:00Z");
        expired.put("validUntil", "2002-01-01T00:00:00Z");

        VcJwtResult result = VcJwt.verify(VcJwt.sign(expired, JwtSigningKey.ed25519(ED_KEYS), KID), edLookup());

        assertThat(result.valid()).isTrue();
        assertThat(result.notBefore()).contains(Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(result.expires()).contains(Instant.parse("2002-01-01T00:00:00Z"));
    }

    @Test
    void subject_without_id_gives_no_sub_claim_and_still_verifies() {
        ObjectNode anonymous = credential();
        ((ObjectNode) anonymous.get("credentialSubject")).remove("id");
        anonymous.remove("validUntil");

        String token = VcJwt.sign(anonymous, JwtSigningKey.ed25519(ED_KEYS), KID);

        JsonNode claims = json(decode(token.split("\\.")[1]));
        assertThat(claims.has("sub")).isFalse();
        assertThat(claims.has("exp")).isFalse();
        VcJwtResult result = VcJwt.verify(token, edLookup());
        assertThat(result.valid()).isTrue();
        assertThat(result.expires()).isEmpty();
    }

    @Test
    void large_and_precise_numbers_and_deep_nesting_survive_exactly() {
        ObjectNode withNumbers = credential();
        withNumbers.set("extra", json("""
                {"big": 123456789012345678901234567890, "precise": 0.1000000000000000000001,
                 "trailing": 1.50, "nested": [[{"a": [1, -2, 3e2]}]]}
                """));

        VcJwtResult result = VcJwt.verify(VcJwt.sign(withNumbers, JwtSigningKey.ed25519(ED_KEYS), KID), edLookup());

        JsonNode extra = result.credential().orElseThrow().get("extra");
        assertThat(extra.get("big").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(extra.get("precise").decimalValue()).isEqualTo(new BigDecimal("0.1000000000000000000001"));
        assertThat(extra.at("/nested/0/0/a/1").asInt()).isEqualTo(-2);
        assertThat(extra.at("/nested/0/0/a/2").asDouble()).isEqualTo(300.0);
    }

    @Test
    void the_1edtech_sample_credential_round_trips() throws Exception {
        JsonNode sample;
        try (InputStream in = getClass().getResourceAsStream("/ob3-test-vector/credential.json")) {
            sample = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        VcJwtResult result = VcJwt.verify(VcJwt.sign(sample, JwtSigningKey.rsa(RSA_KEYS), KID),
                KeyLookup.fixed(JwtSigningKey.rsa(RSA_KEYS).publicKey()));
        assertThat(result.failures()).isEmpty();
        assertThat(result.credential()).contains(sample);
    }

    @Test
    void embedded_jwk_is_used_only_when_the_caller_allows_it() {
        String token = VcJwt.signWithEmbeddedKey(credential(), JwtSigningKey.ed25519(ED_KEYS));
        JsonNode header = json(decode(token.split("\\.")[0]));
        assertThat(header.get("jwk").get("kty").asText()).isEqualTo("OKP");
        assertThat(header.get("jwk").has("d")).isFalse();

        KeyLookup noKids = KeyLookup.byKid(kid -> Optional.empty());
        assertThat(VcJwt.verify(token, noKids).failedWith(VcJwtProblem.EMBEDDED_KEY_REFUSED)).isTrue();
        assertThat(VcJwt.verify(token, noKids.allowingEmbeddedJwk()).valid()).isTrue();
    }

    @Test
    void embedded_rsa_jwk_round_trips() {
        String token = VcJwt.signWithEmbeddedKey(credential(), JwtSigningKey.rsa(RSA_KEYS));
        VcJwtResult result = VcJwt.verify(token, KeyLookup.byKid(kid -> Optional.empty()).allowingEmbeddedJwk());
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void credentials_missing_what_the_claims_mirror_are_refused_with_reasons() {
        ObjectNode bare = credential();
        bare.remove("id");
        bare.remove("validFrom");
        bare.put("issuer", json("{}"));

        assertThatThrownBy(() -> VcJwt.sign(bare, JwtSigningKey.ed25519(ED_KEYS), KID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issuer id").hasMessageContaining("no id").hasMessageContaining("validFrom");
        ObjectNode localTime = credential();
        localTime.put("validFrom", "2024-03-01T12:30:00");
        assertThatThrownBy(() -> VcJwt.sign(localTime, JwtSigningKey.ed25519(ED_KEYS), KID))
                .hasMessageContaining("time zone");
        assertThatThrownBy(() -> VcJwt.sign(credential(), JwtSigningKey.ed25519(ED_KEYS), " "))
                .hasMessageContaining("kid");
    }

    @Test
    void looks_like_jwt_tells_tokens_from_json_and_hostnames() {
        String token = VcJwt.sign(credential(), JwtSigningKey.ed25519(ED_KEYS), KID);
        assertThat(VcJwt.looksLikeJwt(token)).isTrue();
        assertThat(VcJwt.looksLikeJwt(token + "\n")).isTrue();
        assertThat(VcJwt.looksLikeJwt(credential().toString())).isFalse();
        assertThat(VcJwt.looksLikeJwt("www.example.com")).isFalse();
        assertThat(VcJwt.looksLikeJwt("a.b")).isFalse();
        assertThat(VcJwt.looksLikeJwt(null)).isFalse();
    }
}
