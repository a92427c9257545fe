package org.credence.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Secrets kept in the data directory (the master key, the database password): readable by their
 * owner only from the first byte. A new secret is written to a temporary file created with mode
 * 0600, then linked (or atomically moved) into place, so the file never exists world-readable or
 * half-written, and two processes racing to create it end up reading the same one.
 */
public final class SecretFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFiles() {}

    /** The secret in {@code file} (stripped), created first from {@code create} when there is none. */
    public static String readOrCreate(Path file, Supplier<String> create) throws IOException {
        if (!Files.exists(file)) {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temp = temporary(directory, file.getFileName().toString());
            try {
                Files.writeString(temp, create.get());
                try {
                    // a hard link never replaces a file another process created meanwhile
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException raced) {
                    // the other process's secret stands
                } catch (UnsupportedOperationException | IOException noLinks) {
                    if (!Files.exists(file)) {
                        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return Files.readString(file).strip();
    }

    private static Path temporary(Path directory, String name) throws IOException {
        try {
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            return Files.createTempFile(directory, "." + name + "-", ".tmp", mode);
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the file keeps the directory's protection
            return Files.createTempFile(directory, "." + name + "-", ".tmp");
        }
    }
}
