package org.credence.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code credence.lock} in the data directory, held while the embedded
 * database runs. The OS drops it when the process dies, even by kill -9, so holding it means no
 * other live Credence uses the directory.
 */
final class DataDirectoryLock {
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDirectory) {
        try {
            FileChannel channel = FileChannel.open(dataDirectory.resolve("credence.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another Credence is running with the data directory " + dataDirectory
                        + "; stop it first or start this one with --data pointing elsewhere");
            }
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock the data directory " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
