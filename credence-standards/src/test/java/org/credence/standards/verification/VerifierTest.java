package org.credence.standards.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.standards.verification.VerifierFixtures.ISSUER_KEY;
import static org.credence.standards.verification.VerifierFixtures.bytes;
import static org.credence.standards.verification.VerifierFixtures.offlineVerifier;
import static org.credence.standards.verification.VerifierFixtures.signed;
import static org.credence.standards.verification.VerifierFixtures.unsignedCredential;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.credence.standards.baking.BakedBadge;
import org.credence.standards.jwt.JwtSigningKey;
import org.credence.standards.jwt.VcJwt;
import org.credence.standards.keys.Ed25519KeyPair;
import org.junit.jupiter.api.Test;

class VerifierTest {
    final Verifier verifier = offlineVerifier();

    @Test
    void a_freshly_signed_credential_is_valid_with_every_check_passed() {
        VerificationReport report = verifier.verify(bytes(signed(unsignedCredential())));
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.checks()).extracting(Check::outcome).doesNotContain(Outcome.FAILED);
        assertThat(report.checks()).extracting(Check::name)
                .containsExactlyElementsOf(CheckName.STANDALONE);
        assertThat(report.toJson().get("status").asText()).isEqualTo("valid");
    }

    @Test
    void the_published_test_vector_verifies_with_its_published_key() {
        ObjectNode credential = VerifierFixtures.resource("/ob3-test-vector/credential.json");
        Ed25519KeyPair vectorKey = Ed25519KeyPair.fromSeed(java.util.HexFormat.of().parseHex("6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4"));
        ObjectNode signed = VerifierFixtures.SUITE.sign(credential, vectorKey,
                "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", Instant.parse("2010-01-01T19:23:24Z"));
        Verifier withKey = new Verifier(VerifierFixtures.CANONICALIZER, KeyResolver.givenKey(vectorKey.publicKey()), StatusResolver.none(), VerifierFixtures.NOW);
        assertThat(withKey.verify(signed).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void a_changed_name_fails_the_signature_check() {
        ObjectNode credential = signed(unsignedCredential());
        credential.put("name", "Certified Data Steward (forged)");
        VerificationReport report = verifier.verify(credential);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.firstFailure()).get().extracting(Check::error).isEqualTo(VerificationError.INVALID_SIGNATURE);
    }

    @Test
    void an_expired_credential_is_reported_expired_not_invalid() {
        Verifier later = new Verifier(VerifierFixtures.CANONICALIZER, KeyResolver.didKey(), StatusResolver.none(),
                Clock.fixed(Instant.parse("2029-01-01T00:00:00Z"), ZoneOffset.UTC));
        VerificationReport report = later.verify(signed(unsignedCredential()));
        assertThat(report.verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(report.firstFailure()).get().extracting(Check::reason).asString().contains("2028-03-01");
    }

    @Test
    void a_credential_not_yet_valid_says_so() {
        ObjectNode unsigned = unsignedCredential();
        unsigned.put("validFrom", "2027-01-01T00:00:00Z");
        assertThat(verifier.verify(signed(unsigned)).verdict()).isEqualTo(Verdict.NOT_YET_VALID);
    }

    @Test
    void a_proof_by_another_key_than_the_issuers_fails_the_issuer_check() {
        Ed25519KeyPair stranger = Ed25519KeyPair.generate(new java.security.SecureRandom());
        ObjectNode signed = VerifierFixtures.SUITE.sign(unsignedCredential(), stranger, stranger.publicKey().didKeyVerificationMethod(), Instant.parse("2025-03-01T10:00:00Z"));
        VerificationReport report = verifier.verify(signed);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.firstFailure()).get().extracting(Check::error).isEqualTo(VerificationError.ISSUER_MISMATCH);
    }

    @Test
    void a_did_web_key_is_not_resolved_offline_and_the_report_says_how_to_fix_it() {
        ObjectNode signed = VerifierFixtures.SUITE.sign(unsignedCredential(), ISSUER_KEY, "did:web:acme.example#key-1", Instant.parse("2025-03-01T10:00:00Z"));
        VerificationReport report = verifier.verify(signed);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.firstFailure()).get().extracting(Check::error).isEqualTo(VerificationError.KEY_NOT_FOUND);
        assertThat(report.firstFailure().get().reason()).contains("--online");
    }

    @Test
    void a_vc_jwt_signed_with_the_issuers_did_key_verifies() {
        String jwt = VcJwt.sign(unsignedCredential(), JwtSigningKey.ed25519(ISSUER_KEY), ISSUER_KEY.publicKey().didKeyVerificationMethod());
        VerificationReport report = verifier.verify(jwt.getBytes(StandardCharsets.US_ASCII));
        assertThat(report.format()).isEqualTo(InputFormat.VC_JWT);
        assertThat(report.verdict()).as(report.toText()).isEqualTo(Verdict.VALID);
    }

    @Test
    void a_tampered_vc_jwt_is_invalid() {
        String jwt = VcJwt.sign(unsignedCredential(), JwtSigningKey.ed25519(ISSUER_KEY), ISSUER_KEY.publicKey().didKeyVerificationMethod());
        String[] parts = jwt.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA" + "." + parts[2];
        assertThat(verifier.verify(tampered.getBytes(StandardCharsets.US_ASCII)).verdict()).isIn(Verdict.INVALID, Verdict.UNUSABLE);
    }

    @Test
    void a_baked_png_and_svg_badge_verify_like_the_credential_inside() throws Exception {
        String credential = signed(unsignedCredential()).toString();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        VerificationReport fromPng = verifier.verify(BakedBadge.bakePng(png.toByteArray(), credential));
        assertThat(fromPng.format()).isEqualTo(InputFormat.BAKED_PNG);
        assertThat(fromPng.verdict()).isEqualTo(Verdict.VALID);
        String svg = BakedBadge.bakeSvg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>", credential);
        VerificationReport fromSvg = verifier.verify(svg.getBytes(StandardCharsets.UTF_8));
        assertThat(fromSvg.format()).isEqualTo(InputFormat.BAKED_SVG);
        assertThat(fromSvg.verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void an_image_without_a_credential_is_unusable() throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        VerificationReport report = verifier.verify(png.toByteArray());
        assertThat(report.verdict()).isEqualTo(Verdict.UNUSABLE);
        assertThat(report.firstFailure().get().reason()).contains("no credential");
    }

    @Test
    void a_second_proof_that_fails_makes_the_credential_invalid() {
        ObjectNode signed = signed(unsignedCredential());
        ObjectNode second = ((ObjectNode) signed.get("proof").get(0)).deepCopy();
        second.put("created", "2025-03-02T10:00:00Z");
        ((ArrayNode) signed.get("proof")).add(second);
        assertThat(verifier.verify(signed).verdict()).isEqualTo(Verdict.INVALID);
    }
}
