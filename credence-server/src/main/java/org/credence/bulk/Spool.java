package org.credence.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/**
 * Where uploaded issuance files wait on disk: {@code <data directory>/uploads}. The bulk job API spools its body here for
 * the length of a request, the issuance page keeps its staged uploads here between the steps (a restart keeps them);
 * both copy with {@link #copy}, which refuses a file over the limit without reading the rest.
 */
public final class Spool {
    private final Path directory;

    /** The spool under {@code dataDirectory}, made when missing. */
    public Spool(Path dataDirectory) {
        this.directory = dataDirectory.resolve("uploads");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder itself (multipart parts over 1 MB are written here by Jetty, so they stay on the same disk). */
    public Path directory() {
        return directory;
    }

    /** A new empty file for one request's upload; the caller deletes it with {@link IssuanceJobs#discard}. */
    public Path temporary() {
        try {
            return Files.createTempFile(directory, "request-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of one person's staged uploads, made when missing: no two tenants or people share one. */
    Path staged(long tenantId, long userId) {
        Path folder = directory.resolve("staged").resolve(String.valueOf(tenantId)).resolve(String.valueOf(userId));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /**
     * Copies {@code in} to {@code file} and answers the bytes copied; one byte over {@code max} and it stops.
     *
     * @throws DomainException.TooLarge over the limit (the file then holds a part: the caller discards it)
     */
    public static long copy(InputStream in, Path file, long max) {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    throw new DomainException.TooLarge(ErrorText.of("bulk.file_too_large", "mb", (max >> 20)));
                }
                out.write(buffer, 0, n);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
