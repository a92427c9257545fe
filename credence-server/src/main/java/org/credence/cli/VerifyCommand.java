package org.credence.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.credence.standards.jsonld.ShapeTemplateCanonicalizer;
import org.credence.standards.jwt.PublicKeyMaterial;
import org.credence.standards.keys.Ed25519PublicKey;
import org.credence.standards.keys.KeyFormatException;
import org.credence.standards.verification.HttpFetcher;
import org.credence.standards.verification.KeyResolver;
import org.credence.standards.verification.StatusResolver;
import org.credence.standards.verification.Verdict;
import org.credence.standards.verification.VerificationReport;
import org.credence.standards.verification.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code credence verify}: check a credential file and print the report. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a credential: JSON-LD with a proof, a VC-JWT, or a baked PNG/SVG badge.",
                "Exit status: 0 valid, 1 not valid (revoked, suspended, expired, tampered …), 2 not a usable credential."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|NUMBER", description = "The credential file (- for standard input), or a certificate number looked up on --server.")
    Path file;

    @Option(names = "--server", paramLabel = "URL", description = "Look a certificate number up on this Credence server (default: http://localhost:8080).")
    String server;

    @Option(names = "--key", paramLabel = "PUBLIC_KEY",
            description = {"Trust this public key for the proof, whatever its verificationMethod or kid:",
                    "an Ed25519 key (z6Mk…), or a public JWK (its JSON, or a file holding it; e.g. the RSA key of an RS256 VC-JWT)."})
    String key;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--online", description = "Resolve did:web / https keys and status lists over https (5 s, 256 KiB limits).")
    boolean online;

    @Option(names = "--status-list", paramLabel = "FILE",
            description = "A status list credential to use offline (repeatable); matched by its id.")
    List<Path> statusLists = List.of();

    @Override
    public Integer call() {
        if (!java.nio.file.Files.exists(file) && org.credence.issuance.CredentialNumber.parse(file.toString()).isPresent()) {
            return verifyOnServer(org.credence.issuance.CredentialNumber.parse(file.toString()).get().value());
        }
        byte[] input = CliFiles.read(file);
        VerificationReport report = verifier().verify(input);
        if (json) {
            spec.commandLine().getOut().println(report.toJson().toPrettyString());
        } else {
            spec.commandLine().getOut().print(report.toText());
        }
        spec.commandLine().getOut().flush();
        if (report.verdict() == Verdict.VALID) {
            return 0;
        }
        return report.verdict() == Verdict.UNUSABLE ? CredenceCli.EXIT_UNUSABLE : CredenceCli.EXIT_INVALID;
    }

    private int verifyOnServer(String number) {
        ServerClient client = new ServerClient(server == null ? "http://localhost:8080" : server, null);
        JsonNode report = client.expect(client.send("GET", "/api/v1/verify/" + number, null));
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(report.toPrettyString());
        } else {
            out.println(report.path("status").asText().toUpperCase(java.util.Locale.ROOT) + " " + number
                    + (report.has("reason") ? ": " + report.get("reason").asText() : ""));
            for (JsonNode check : report.path("checks")) {
                out.println("  " + String.format("%-6s", check.path("outcome").asText().equals("passed") ? "ok" : check.path("outcome").asText().equals("failed") ? "FAIL" : "skip")
                        + check.path("title").asText() + " — " + check.path("reason").asText());
            }
        }
        out.flush();
        return report.path("status").asText().equals("valid") ? 0 : CredenceCli.EXIT_INVALID;
    }

    private Verifier verifier() {
        KeyResolver keys = KeyResolver.didKey();
        if (key != null) {
            try {
                boolean jwk = key.strip().startsWith("{") || java.nio.file.Files.isRegularFile(Path.of(key));
                keys = jwk ? KeyResolver.givenKey(jwk(key)) : KeyResolver.givenKey(Ed25519PublicKey.fromMultibase(key));
            } catch (KeyFormatException e) {
                throw new CredenceCli.UsageProblem("--key: " + e.getMessage());
            }
        }
        StatusResolver statuses = StatusResolver.of(readStatusLists());
        if (online) {
            HttpFetcher fetcher = HttpFetcher.anyHttpsHost();
            keys = keys.or(KeyResolver.web(fetcher));
            Map<String, JsonNode> given = readStatusLists();
            StatusResolver fetched = StatusResolver.online(fetcher);
            statuses = url -> given.containsKey(url) ? java.util.Optional.of(given.get(url)) : fetched.statusListCredential(url);
        }
        return new Verifier(new ShapeTemplateCanonicalizer(), keys, statuses, Clock.systemUTC());
    }

    /** A public JWK given as JSON text or as a file holding it. */
    private static PublicKeyMaterial jwk(String given) {
        String text = given.strip().startsWith("{") ? given : new String(CliFiles.read(Path.of(given)), java.nio.charset.StandardCharsets.UTF_8);
        try {
            return PublicKeyMaterial.fromJwk(new ObjectMapper().readTree(text));
        } catch (IOException e) {
            throw new KeyFormatException("the public JWK is not JSON");
        }
    }

    private Map<String, JsonNode> readStatusLists() {
        Map<String, JsonNode> lists = new HashMap<>();
        for (Path path : statusLists) {
            try {
                JsonNode list = new ObjectMapper().readTree(CliFiles.read(path));
                if (list == null || !list.path("id").isTextual()) {
                    throw new CredenceCli.UsageProblem(path + " is not a status list credential (it has no id)");
                }
                lists.put(list.get("id").asText(), list);
            } catch (IOException e) {
                throw new CredenceCli.UsageProblem(path + " is not valid JSON");
            }
        }
        return lists;
    }
}
