package org.credence.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.jsonld.ShapeTemplateCanonicalizer;
import org.credence.standards.keys.Ed25519KeyPair;

/**
 * The Digital Bazaar JavaScript stack as a peer of {@link SigningBenchmark}: writes the same
 * credentials, key and proof times for {@code credence-bench/js/sign-verify.mjs}, runs it under
 * Node (npm packages installed with {@code npm ci} in that folder), and reads its ops/s.
 */
final class JsPeer {
    /** The JS stack's rates (per wall-clock second, and process CPU µs per op) from one Node run, and its sanity results. */
    record Rates(double signOpsPerSecond, double verifyOpsPerSecond, double signCpuMicrosPerOp, double verifyCpuMicrosPerOp,
                 String sameProofValueAsCredence, boolean refusesInvalidType) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fewer credentials than the JMH benchmark: the JS stack signs slowly, and distinctness is what matters. */
    private static final int CREDENTIALS = 64;

    private JsPeer() {}

    /** Prints the peer's input, for running {@code node sign-verify.mjs} by hand: {@code java -cp benchmarks.jar org.credence.bench.JsPeer > input.json}. */
    public static void main(String[] args) {
        System.out.println(input());
    }

    /** The folder holding {@code sign-verify.mjs}: {@code -Dcredence.bench.js=…}, else {@code credence-bench/js} under the working directory. */
    static Path folder() {
        return Path.of(System.getProperty("credence.bench.js", "credence-bench/js"));
    }

    /** Why the peer cannot run here, if it cannot. */
    static Optional<String> unavailable() {
        if (!Files.isRegularFile(folder().resolve("sign-verify.mjs"))) {
            return Optional.of("no " + folder().resolve("sign-verify.mjs") + " (run from the repository root or set -Dcredence.bench.js)");
        }
        if (!Files.isDirectory(folder().resolve("node_modules/@digitalbazaar/vc"))) {
            return Optional.of("the npm packages are not installed: run `npm ci` in " + folder());
        }
        return Optional.empty();
    }

    /** Runs the peer {@code runs} times, each measuring sign and verify for {@code seconds} seconds. */
    static List<Rates> run(int runs, int seconds) throws IOException, InterruptedException {
        Path input = Files.createTempFile("credence-js-peer", ".json");
        try {
            Files.writeString(input, input().toString());
            List<Rates> rates = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                rates.add(runOnce(input, seconds));
            }
            return rates;
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static Rates runOnce(Path input, int seconds) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "sign-verify.mjs", input.toAbsolutePath().toString(), Integer.toString(seconds))
                .directory(folder().toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (node.waitFor() != 0) {
            throw new IOException("the JS peer failed (exit " + node.exitValue() + "): " + out);
        }
        JsonNode result = JSON.readTree(out.substring(out.lastIndexOf('\n') + 1));
        return new Rates(result.get("signOpsPerSecond").asDouble(), result.get("verifyOpsPerSecond").asDouble(),
                result.get("signCpuMicrosPerOp").asDouble(), result.get("verifyCpuMicrosPerOp").asDouble(),
                result.get("sameProofValueAsCredence").asText(), result.get("refusesInvalidType").asBoolean());
    }

    /** The key, verification method and distinct credentials of the distinct-timestamps benchmark, with Credence's proofValues. */
    static ObjectNode input() {
        Ed25519KeyPair key = SigningBenchmark.key();
        Instant[] issued = SigningBenchmark.issued("distinct");
        ObjectNode[] credentials = SigningBenchmark.credentials(42L, issued);
        EddsaRdfc2022 suite = new EddsaRdfc2022(new ShapeTemplateCanonicalizer());
        ObjectNode input = JSON.createObjectNode();
        input.put("controller", SigningBenchmark.ISSUER);
        input.put("verificationMethod", SigningBenchmark.VERIFICATION_METHOD);
        input.put("publicKeyMultibase", key.publicKey().multibase());
        input.put("secretKeyMultibase", key.secretKeyMultibase());
        ArrayNode list = input.putArray("credentials");
        for (int i = 0; i < CREDENTIALS; i++) {
            ObjectNode signed = suite.sign(credentials[i], key, SigningBenchmark.VERIFICATION_METHOD, issued[i]);
            list.addObject().<ObjectNode>set("credential", credentials[i]).put("created", issued[i].toString())
                    .put("proofValue", signed.get("proof").get(0).get("proofValue").asText());
        }
        return input;
    }
}
