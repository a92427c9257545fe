package org.credence.vcapi;

import com.apicatalog.multibase.MultibaseDecoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Digests of related resources the issuer knows without fetching anything. The VC Data Model 2.0
 * Recommendation fixes its base context by digest ("implementations MUST treat the base context
 * value … as already retrieved; the following value is the … SHA2-256 digest value of the base
 * context file"), so a {@code relatedResource} naming it can be checked; other resources are not,
 * since the issuer never fetches a URL a caller names.
 */
final class KnownDigests {
    /**
     * Per resource, per algorithm, the digest. SHA-256 is the one the Recommendation publishes; the
     * SHA-384 and SHA-512 digests are of the same file (w3c/vc-data-model {@code contexts/credentials/v2}
     * at commit 8d0ee107, whose SHA-256 is the published one).
     */
    private static final Map<String, Map<String, byte[]>> KNOWN = Map.of(CredentialRules.VC_V2, Map.of(
            "sha256", HexFormat.of().parseHex("24a18c90e9856d526111f29376e302d970b2bd10182e33959995b0207d7043b9"),
            "sha384", Base64.getDecoder().decode("NSOcNpmdIVUxIJGvGUoe22FjTWrXiaXlsZ8q6912LdnR3KraQO2n75Ica4wK4Qeg"),
            "sha512", Base64.getDecoder().decode("yxM236hnDYDQM0SzsMwl+vTUUgGCPDXzm7Gv5an5EfYV/07IDsXy+J4z0U6Wvsi+eOON81uRjJzV87NEm9bIjw==")));

    /** Multihash codes of the digests above, for a digestMultibase given as a multihash. */
    private static final Map<Integer, String> MULTIHASH = Map.of(0x12, "sha256", 0x20, "sha384", 0x13, "sha512");

    private KnownDigests() {}

    /**
     * Whether {@code resource}'s digests match the resource its id names: empty when Credence does
     * not know that resource, else true only when every digest given is one it can confirm.
     */
    static Optional<Boolean> matches(JsonNode resource) {
        Map<String, byte[]> known = KNOWN.get(resource.path("id").asText());
        if (known == null) {
            return Optional.empty();
        }
        boolean ok = true;
        if (resource.has("digestSRI")) {
            ok = sri(resource.get("digestSRI").asText(), known);
        }
        if (ok && resource.has("digestMultibase")) {
            ok = multibase(resource.get("digestMultibase").asText(), known);
        }
        return Optional.of(ok);
    }

    /** Subresource Integrity: space-separated {@code alg-base64} tokens; each must match. */
    private static boolean sri(String value, Map<String, byte[]> known) {
        String[] tokens = value.trim().split("\\s+");
        for (String token : tokens) {
            int dash = token.indexOf('-');
            byte[] expected = dash < 0 ? null : known.get(token.substring(0, dash));
            if (expected == null || !decodes(token.substring(dash + 1), expected)) {
                return false;
            }
        }
        return tokens.length > 0;
    }

    private static boolean decodes(String base64, byte[] expected) {
        try {
            return Arrays.equals(Base64.getDecoder().decode(base64), expected);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** A multibase digest: the bare digest (its length tells the algorithm) or a multihash of it. */
    private static boolean multibase(String value, Map<String, byte[]> known) {
        byte[] bytes;
        try {
            bytes = MultibaseDecoder.getInstance().decode(value);
        } catch (RuntimeException notMultibase) {
            return false;
        }
        if (bytes == null) {
            return false;
        }
        for (byte[] digest : known.values()) {
            if (Arrays.equals(bytes, digest)) {
                return true;
            }
        }
        if (bytes.length > 2 && (bytes[1] & 0xff) == bytes.length - 2) {
            String algorithm = MULTIHASH.get(bytes[0] & 0xff);
            return algorithm != null && Arrays.equals(Arrays.copyOfRange(bytes, 2, bytes.length), known.get(algorithm));
        }
        return false;
    }
}
