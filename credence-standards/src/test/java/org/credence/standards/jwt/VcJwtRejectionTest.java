package org.credence.standards.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.standards.jwt.JwtTestData.ED_KEYS;
import static org.credence.standards.jwt.JwtTestData.KID;
import static org.credence.standards.jwt.JwtTestData.RSA_KEYS;
import static org.credence.standards.jwt.JwtTestData.b64;
import static org.credence.standards.jwt.JwtTestData.credential;
import static org.credence.standards.jwt.JwtTestData.decode;
import static org.credence.standards.jwt.JwtTestData.edLookup;
import static org.credence.standards.jwt.JwtTestData.json;
import static org.credence.standards.jwt.JwtTestData.signRaw;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import java.security.SecureRandom;
import java.util.Optional;
import org.credence.standards.keys.Ed25519KeyPair;
import org.junit.jupiter.api.Test;

class VcJwtRejectionTest {
    private static final String TOKEN = VcJwt.sign(credential(), JwtSigningKey.ed25519(ED_KEYS), KID);
    private static final JWSHeader ED_HEADER = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(JOSEObjectType.JWT).keyID(KID).build();

    private static VcJwtResult verify(String token) {
        return VcJwt.verify(token, edLookup());
    }

    private static void assertFailsWith(VcJwtResult result, VcJwtProblem problem) {
        assertThat(result.valid()).isFalse();
        assertThat(result.failures()).extracting(check -> check.problem().orElseThrow()).contains(problem);
        assertThat(result.failures()).allSatisfy(check -> assertThat(check.reason()).isNotBlank());
    }

    @Test
    void tampered_payload_fails_the_signature() {
        String[] parts = TOKEN.split("\\.");
        String payload = decode(parts[1]).replace("Teamwork Badge", "Leadership Badge");
        VcJwtResult result = verify(parts[0] + "." + b64(payload) + "." + parts[2]);
        assertFailsWith(result, VcJwtProblem.INVALID_SIGNATURE);
        assertThat(result.credential()).isEmpty();
    }

    @Test
    void tampered_signature_fails() {
        String[] parts = TOKEN.split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        assertFailsWith(verify(parts[0] + "." + parts[1] + "." + new String(signature)), VcJwtProblem.INVALID_SIGNATURE);
    }

    @Test
    void non_canonical_base64_in_the_signature_is_malformed() {
        String[] parts = TOKEN.split("\\.");
        // 64 signature bytes leave 4 unused bits in the last character; setting them must not pass
        char last = parts[2].charAt(parts[2].length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        String token = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 1) + sibling;
        assertFailsWith(verify(token), VcJwtProblem.MALFORMED_JWT);
    }

    @Test
    void alg_none_is_refused() {
        String payload = TOKEN.split("\\.")[1];
        String unsigned = b64("{\"alg\":\"none\",\"kid\":\"" + KID + "\"}") + "." + payload + ".";
        VcJwtResult result = verify(unsigned);
        assertFailsWith(result, VcJwtProblem.UNSUPPORTED_ALGORITHM);
        assertThat(result.failures().get(0).reason()).contains("alg none");
    }

    @Test
    void hs256_token_is_refused_even_when_its_mac_is_valid() throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KID).build();
        String token = signRaw(header, json(decode(TOKEN.split("\\.")[1])), new MACSigner(secret));
        VcJwtResult result = verify(token);
        assertFailsWith(result, VcJwtProblem.UNSUPPORTED_ALGORITHM);
        assertThat(result.algorithm()).contains("HS256");
    }

    @Test
    void wrong_key_fails_the_signature() {
        Ed25519KeyPair other = Ed25519KeyPair.generate(new SecureRandom());
        VcJwtResult result = VcJwt.verify(TOKEN, KeyLookup.fixed(PublicKeyMaterial.ed25519(other.publicKey())));
        assertFailsWith(result, VcJwtProblem.INVALID_SIGNATURE);
    }

    @Test
    void key_of_the_wrong_type_is_a_key_mismatch() {
        VcJwtResult result = VcJwt.verify(TOKEN, KeyLookup.fixed(JwtSigningKey.rsa(RSA_KEYS).publicKey()));
        assertFailsWith(result, VcJwtProblem.KEY_MISMATCH);
    }

    @Test
    void unknown_kid_is_key_not_found() {
        VcJwtResult result = VcJwt.verify(TOKEN, KeyLookup.byKid(kid -> Optional.empty()));
        assertFailsWith(result, VcJwtProblem.KEY_NOT_FOUND);
        assertThat(result.failures().get(0).reason()).contains(KID);
    }

    @Test
    void a_resolver_that_throws_is_reported_not_propagated() {
        VcJwtResult result = VcJwt.verify(TOKEN, KeyLookup.byKid(kid -> {
            throw new IllegalStateException("network down");
        }));
        assertFailsWith(result, VcJwtProblem.KEY_NOT_FOUND);
        assertThat(result.failures().get(0).reason()).contains("network down");
    }

    @Test
    void truncated_tokens_fail_without_throwing() {
        assertFailsWith(verify(TOKEN.substring(0, TOKEN.lastIndexOf('.'))), VcJwtProblem.MALFORMED_JWT);
        assertFailsWith(verify(TOKEN.substring(0, TOKEN.lastIndexOf('.') + 1)), VcJwtProblem.INVALID_SIGNATURE);
        assertThat(verify(TOKEN.substring(0, TOKEN.length() - 5)).valid()).isFalse();
        assertFailsWith(verify(TOKEN.substring(0, 30)), VcJwtProblem.MALFORMED_JWT);
    }

    @Test
    void garbage_fails_as_malformed() {
        assertFailsWith(verify("not a jwt at all"), VcJwtProblem.MALFORMED_JWT);
        assertFailsWith(verify("%%%.***.$$$"), VcJwtProblem.MALFORMED_JWT);
        assertFailsWith(verify(b64("[1,2]") + "." + b64("{}") + ".AAAA"), VcJwtProblem.MALFORMED_JWT);
        assertFailsWith(verify(b64("{\"alg\":") + "." + b64("{}") + ".AAAA"), VcJwtProblem.MALFORMED_JWT);
        assertFailsWith(verify(""), VcJwtProblem.MALFORMED_JWT);
        assertFailsWith(verify(null), VcJwtProblem.MALFORMED_JWT);
        assertFailsWith(verify(credential().toString()), VcJwtProblem.MALFORMED_JWT);
    }

    @Test
    void input_over_one_megabyte_is_refused_unread() {
        VcJwtResult result = verify("a".repeat(VcJwt.MAX_LENGTH + 1));
        assertFailsWith(result, VcJwtProblem.TOO_LARGE);
        assertThat(result.failures().get(0).reason()).contains("1 MB");
    }

    @Test
    void duplicate_header_members_are_malformed() {
        String header = b64("{\"alg\":\"EdDSA\",\"alg\":\"none\",\"kid\":\"" + KID + "\"}");
        assertFailsWith(verify(header + "." + TOKEN.split("\\.")[1] + ".AAAA"), VcJwtProblem.MALFORMED_JWT);
    }

    @Test
    void header_rules_of_open_badges_are_enforced() {
        JWSHeader wrongTyp = new JWSHeader.Builder(ED_HEADER).type(new JOSEObjectType("vc+jwt")).build();
        assertFailsWith(verify(signRaw(wrongTyp, claims(), new EdDsaJwsSigner(ED_KEYS))), VcJwtProblem.INVALID_HEADER);

        JWSHeader noKey = new JWSHeader.Builder(JWSAlgorithm.EdDSA).build();
        assertFailsWith(VcJwt.verify(signRaw(noKey, claims(), new EdDsaJwsSigner(ED_KEYS)),
                KeyLookup.fixed(PublicKeyMaterial.ed25519(ED_KEYS.publicKey()))), VcJwtProblem.INVALID_HEADER);

        String privateJwk = b64("{\"alg\":\"EdDSA\",\"jwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AAAA\",\"d\":\"AAAA\"}}");
        assertFailsWith(verify(privateJwk + "." + TOKEN.split("\\.")[1] + ".AAAA"), VcJwtProblem.INVALID_HEADER);

        String critical = b64("{\"alg\":\"EdDSA\",\"kid\":\"" + KID + "\",\"crit\":[\"exp\"],\"exp\":1}");
        assertFailsWith(verify(critical + "." + TOKEN.split("\\.")[1] + ".AAAA"), VcJwtProblem.INVALID_HEADER);
    }

    @Test
    void issuer_mismatch_is_detected_under_a_valid_signature() {
        ObjectNode claims = claims();
        claims.put("iss", "https://evil.example/issuer");
        VcJwtResult result = verify(signRaw(ED_HEADER, claims, new EdDsaJwsSigner(ED_KEYS)));
        assertFailsWith(result, VcJwtProblem.CLAIM_MISMATCH);
        assertThat(result.failures()).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("iss");
            assertThat(check.reason()).contains("https://evil.example/issuer", "https://example.edu/issuers/565049");
        });
        assertThat(result.credential()).isPresent();
    }

    @Test
    void every_claim_disagreement_is_reported_at_once() {
        ObjectNode claims = claims();
        claims.put("jti", "urn:uuid:other");
        claims.put("sub", "did:example:someone-else");
        claims.put("nbf", claims.get("nbf").asLong() + 60);
        claims.put("exp", "tomorrow");
        VcJwtResult result = verify(signRaw(ED_HEADER, claims, new EdDsaJwsSigner(ED_KEYS)));
        assertThat(result.failures()).extracting(VcJwtCheck::name).containsExactly("jti", "sub", "nbf", "exp");
        assertThat(result.failures()).allSatisfy(check -> assertThat(check.problem()).contains(VcJwtProblem.CLAIM_MISMATCH));
    }

    @Test
    void missing_claims_and_a_missing_vc_are_reported() {
        ObjectNode claims = claims();
        claims.remove("iss");
        claims.remove("nbf");
        VcJwtResult result = verify(signRaw(ED_HEADER, claims, new EdDsaJwsSigner(ED_KEYS)));
        assertThat(result.failures()).extracting(VcJwtCheck::name).containsExactly("iss", "nbf");
        assertThat(result.failures()).allSatisfy(check -> assertThat(check.problem()).contains(VcJwtProblem.MISSING_CLAIM));

        ObjectNode noVc = claims();
        noVc.put("vc", "a string");
        assertFailsWith(verify(signRaw(ED_HEADER, noVc, new EdDsaJwsSigner(ED_KEYS))), VcJwtProblem.INVALID_CREDENTIAL);
    }

    @Test
    void fractional_nbf_is_compared_in_whole_seconds() {
        ObjectNode claims = claims();
        claims.put("nbf", new java.math.BigDecimal(claims.get("nbf").asText() + ".75"));
        assertThat(verify(signRaw(ED_HEADER, claims, new EdDsaJwsSigner(ED_KEYS))).valid()).isTrue();
        claims.put("nbf", new java.math.BigDecimal("1E+999999999"));
        assertFailsWith(verify(signRaw(ED_HEADER, claims, new EdDsaJwsSigner(ED_KEYS))), VcJwtProblem.CLAIM_MISMATCH);
    }

    private static ObjectNode claims() {
        return (ObjectNode) json(decode(TOKEN.split("\\.")[1]));
    }
}
