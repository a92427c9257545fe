package org.credence.standards.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.credence.standards.keys.Ed25519KeyPair;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    static final String ORIGIN = "credence.example/log";
    static final byte[] ROOT_8 = HexFormat.of().parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    static final Instant NOON = Instant.parse("2025-01-31T12:00:00Z");
    static final Ed25519KeyPair LOG_KEY = Ed25519KeyPair.fromSeed(new byte[32]);
    static final Ed25519KeyPair OTHER_KEY = Ed25519KeyPair.fromSeed(filled(7));
    static final Checkpoint CHECKPOINT = new Checkpoint(ORIGIN, 8, ROOT_8, NOON);
    static final String BODY = """
            credence.example/log
            8
            XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
            2025-01-31T12:00:00Z
            """;

    @Test
    void body_is_the_checkpoint_format_plus_a_timestamp_line() {
        assertThat(CHECKPOINT.body()).isEqualTo(BODY);
        assertThat(CHECKPOINT.bodyBytes()).isEqualTo(BODY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void body_parses_back_to_the_same_checkpoint() {
        assertThat(Checkpoint.parse(BODY)).isEqualTo(CHECKPOINT);
        Checkpoint precise = new Checkpoint(ORIGIN, 0, MerkleTree.emptyRootHash(), NOON.plusNanos(1500));
        assertThat(Checkpoint.parse(precise.body())).isEqualTo(precise);
    }

    @Test
    void signing_and_verifying_round_trips_through_the_note_text() {
        SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, LOG_KEY);
        assertThat(signed.verify(LOG_KEY.publicKey())).isTrue();
        assertThat(signed.text()).startsWith(BODY + "\n\u2014 " + ORIGIN + " ").endsWith("\n");
        assertThat(signed.text()).isEqualTo(BODY + "\n\u2014 " + ORIGIN + " " + signed.noteSignature() + "\n");

        SignedCheckpoint parsed = SignedCheckpoint.parse(signed.text());
        assertThat(parsed).isEqualTo(signed);
        assertThat(parsed.verify(LOG_KEY.publicKey())).isTrue();
    }

    @Test
    void a_changed_size_root_timestamp_or_origin_fails_verification() {
        SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, LOG_KEY);
        byte[] otherRoot = ROOT_8.clone();
        otherRoot[0] ^= 1;
        for (Checkpoint changed : new Checkpoint[] {
                new Checkpoint(ORIGIN, 9, ROOT_8, NOON),
                new Checkpoint(ORIGIN, 8, otherRoot, NOON),
                new Checkpoint(ORIGIN, 8, ROOT_8, NOON.plusSeconds(1)),
                new Checkpoint("other.example/log", 8, ROOT_8, NOON)}) {
            SignedCheckpoint forged = new SignedCheckpoint(changed, signed.keyId(), signed.signature());
            assertThat(forged.verify(LOG_KEY.publicKey())).as(changed.toString()).isFalse();
        }
    }

    @Test
    void another_key_or_a_damaged_signature_fails_verification() {
        SignedCheckpoint signed = SignedCheckpoint.sign(CHECKPOINT, LOG_KEY);
        assertThat(signed.verify(OTHER_KEY.publicKey())).isFalse();
        byte[] damaged = signed.signature();
        damaged[10] ^= 1;
        assertThat(new SignedCheckpoint(CHECKPOINT, signed.keyId(), damaged).verify(LOG_KEY.publicKey())).isFalse();
        // right signature, wrong key id: the note format binds the key name and key together
        assertThat(new SignedCheckpoint(CHECKPOINT, new byte[4], signed.signature()).verify(LOG_KEY.publicKey())).isFalse();
    }

    @Test
    void key_id_and_signature_match_the_go_sumdb_note_reference_example() {
        // golang.org/x/mod/sumdb/note example: PRIVATE+KEY+PeterNeumann+c74f20a3+AYEK… (0x01 ‖ seed)
        byte[] algorithmAndSeed = Base64.getDecoder().decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
        Ed25519KeyPair peter = Ed25519KeyPair.fromSeed(Arrays.copyOfRange(algorithmAndSeed, 1, 33));
        assertThat(SignedCheckpoint.verifierKey("PeterNeumann", peter.publicKey()))
                .isEqualTo("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        String text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
        byte[] keyIdAndSignature = Base64.getDecoder().decode(
                "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=");
        assertThat(SignedCheckpoint.noteKeyId("PeterNeumann", peter.publicKey())).isEqualTo(Arrays.copyOf(keyIdAndSignature, 4));
        assertThat(peter.sign(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(Arrays.copyOfRange(keyIdAndSignature, 4, 68));
    }

    @Test
    void malformed_checkpoint_text_is_refused_with_the_reason() {
        String signature = SignedCheckpoint.sign(CHECKPOINT, LOG_KEY).noteSignature();
        String line = "\n\u2014 " + ORIGIN + " " + signature + "\n";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(BODY.replace("\n8\n", "\n-8\n") + line, "line 2 (tree size) '-8' is not a decimal number");
        cases.put(BODY.replace("\n8\n", "\n08\n") + line, "without sign or leading zeros");
        cases.put(BODY.replace("\n8\n", "\n99999999999999999999\n") + line, "line 2 (tree size) 99999999999999999999 is too large");
        cases.put(BODY.replace("XcnaeacG", "Xcna!acG") + line, "line 3 (root hash) 'Xcna!acG");
        cases.put(BODY.replace("Qyg=", "Qyg") + line, "not standard padded base64");
        cases.put(BODY.replace("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=", "AAAA") + line, "decodes to 3 bytes");
        cases.put(BODY.replace("2025-01-31T12:00:00Z", "31/01/2025") + line, "line 4 (timestamp) '31/01/2025' is not an ISO-8601");
        cases.put(BODY.replace("12:00:00Z", "12:00:00.000Z") + line, "not in canonical form, which is 2025-01-31T12:00:00Z");
        cases.put(BODY.replace(ORIGIN, "credence log") + line, "line 1: checkpoint origin 'credence log' must not contain whitespace");
        cases.put(BODY.replace("\n", "\r\n") + line, "\\r");
        cases.put(BODY.replace("2025-01-31T12:00:00Z\n", "") + line, "has 4 lines (origin, size, root hash, timestamp), got 3");
        cases.put(BODY + "extra\n" + line, "got 5");
        cases.put(BODY, "no blank line found");
        cases.put(BODY + "\n", "exactly one signature line");
        cases.put(BODY + line + line.substring(1), "exactly one signature line");
        cases.put(BODY + line.replace("\u2014", "-"), "starts with an em dash (U+2014)");
        cases.put(BODY + line.replace(ORIGIN + " ", "other.example/log "), "signature is by key 'other.example/log', but the checkpoint origin is '" + ORIGIN + "'");
        cases.put(BODY + line.replace(" " + signature, "  " + signature), "key name and a base64 signature");
        cases.put(BODY + line.replace(signature, "%%%%"), "the signature is not base64");
        cases.put(BODY + line.replace(signature, signature.substring(8)), "the signature decodes to 62 bytes");
        cases.forEach((text, reason) -> assertThatThrownBy(() -> SignedCheckpoint.parse(text))
                .as(text).isInstanceOf(CheckpointFormatException.class).hasMessageContaining(reason));
    }

    @Test
    void invalid_fields_are_refused_when_a_checkpoint_is_built() {
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, -1, ROOT_8, NOON)).hasMessage("a tree size is at least 0, got -1");
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, 8, new byte[31], NOON)).hasMessage("a root hash is 32 bytes of SHA-256, got 31 bytes");
        assertThatThrownBy(() -> new Checkpoint("", 8, ROOT_8, NOON)).hasMessage("a checkpoint origin must not be empty");
        assertThatThrownBy(() -> new Checkpoint("a+b", 8, ROOT_8, NOON)).hasMessageContaining("must not contain whitespace or '+'");
        assertThatThrownBy(() -> new SignedCheckpoint(CHECKPOINT, new byte[4], new byte[63])).hasMessageContaining("64-byte Ed25519 signature");
    }

    @Test
    void checkpoints_compare_by_value_and_cannot_be_changed_through_their_arrays() {
        byte[] root = ROOT_8.clone();
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 8, root, NOON);
        root[0] ^= 1;
        checkpoint.rootHash()[1] ^= 1;
        assertThat(checkpoint).isEqualTo(CHECKPOINT).hasSameHashCodeAs(CHECKPOINT);
        assertThat(checkpoint.toString()).contains(ORIGIN, "8", "2025-01-31T12:00:00Z");
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
