package org.credence.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.dataintegrity.ProofException;
import org.credence.standards.jsonld.ShapeTemplateCanonicalizer;
import org.credence.standards.keys.Ed25519KeyPair;
import org.credence.standards.keys.KeyFile;
import org.credence.standards.keys.KeyFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code credence sign}: add an eddsa-rdfc-2022 Data Integrity proof to a credential. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Print FILE signed with an eddsa-rdfc-2022 Data Integrity proof.")
final class SignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "JSON key file made by 'credence keygen'.")
    Path keyFile;

    @Option(names = "--verification-method", paramLabel = "URL",
            description = "The proof's verificationMethod (default: the key's did:key method).")
    String verificationMethod;

    @Option(names = "--created", paramLabel = "ISO-8601", description = "The proof's created time (default: now).")
    String created;

    @Parameters(paramLabel = "FILE", description = "The unsigned credential (JSON), or - for standard input.")
    Path file;

    @Override
    public Integer call() {
        Ed25519KeyPair key;
        try {
            key = KeyFile.read(CliFiles.read(keyFile));
        } catch (KeyFormatException e) {
            throw new CredenceCli.UsageProblem(keyFile + ": " + e.getMessage());
        }
        ObjectNode credential = readCredential();
        Instant when = created == null ? Instant.now() : parseCreated(created);
        String method = verificationMethod != null ? verificationMethod : key.publicKey().didKeyVerificationMethod();
        try {
            ObjectNode signed = new EddsaRdfc2022(new ShapeTemplateCanonicalizer()).sign(credential, key, method, when);
            spec.commandLine().getOut().println(signed.toPrettyString());
            return 0;
        } catch (ProofException e) {
            throw new CredenceCli.UsageProblem("cannot sign " + file + ": " + e.getMessage());
        }
    }

    private ObjectNode readCredential() {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(CliFiles.read(file));
        } catch (IOException e) {
            throw new CredenceCli.UsageProblem(file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject() || !node.has("@context")) {
            throw new CredenceCli.UsageProblem(file + " is not a credential: expected a JSON object with an @context");
        }
        return (ObjectNode) node;
    }

    private static Instant parseCreated(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new CredenceCli.UsageProblem("--created '" + text + "' is not an ISO-8601 date-time such as 2025-01-31T12:00:00Z");
        }
    }
}
