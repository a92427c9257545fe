package org.credence.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.credence.standards.verification.Verifier;

/** Reading the files the CLI is given, with messages a person can act on. */
final class CliFiles {
    private CliFiles() {}

    /** The bytes of {@code file} ({@code -} for standard input), refusing anything over 1 MB. */
    static byte[] read(Path file) {
        try {
            if (file.toString().equals("-")) {
                byte[] bytes = System.in.readNBytes(Verifier.MAX_INPUT_BYTES + 1);
                return bytes;
            }
            if (Files.isDirectory(file)) {
                throw new CredenceCli.UsageProblem(file + " is a directory, not a file");
            }
            long size = Files.size(file);
            if (size > Verifier.MAX_INPUT_BYTES) {
                throw new CredenceCli.UsageProblem(file + " is " + size + " bytes; credentials over 1 MB are refused");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CredenceCli.UsageProblem("no such file: " + file);
        } catch (IOException e) {
            throw new CredenceCli.UsageProblem("cannot read " + file + ": " + e.getMessage());
        }
    }
}
