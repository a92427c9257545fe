package org.credence.cli;

import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.credence.standards.keys.Ed25519KeyPair;
import org.credence.standards.keys.KeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code credence keygen}: a new Ed25519 key as a JSON key file on standard output. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Print a new Ed25519 signing key as JSON: id (its did:key), publicKeyMultibase, secretKeyMultibase. Keep the output secret.")
final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Ed25519KeyPair keys = Ed25519KeyPair.generate(new SecureRandom());
        spec.commandLine().getOut().println(KeyFile.toJson(keys).toPrettyString());
        return 0;
    }
}
