package org.credence.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Ctrl-C, SIGTERM and SIGHUP ask {@code serve} to stop instead of starting the JVM's shutdown at once. The JVM runs its
 * shutdown hooks all together, so the embedded PostgreSQL's own hook would stop the database while HTTP is still
 * finishing requests (each then a 500); here the server stops in order and the process exits 0. A second signal
 * exits at once, through the shutdown hooks.
 */
final class StopSignals {
    private static final List<String> NAMES = List.of("TERM", "INT", "HUP");

    private StopSignals() {
    }

    /**
     * Counts {@code requested} down on the first signal. Where signals cannot be handled (a JVM run with {@code -Xrs}),
     * nothing changes: the JVM's shutdown hooks stop the server.
     */
    static void install(CountDownLatch requested) {
        try {
            for (String name : NAMES) {
                Signal.handle(new Signal(name), signal -> {
                    if (requested.getCount() == 0) {
                        Runtime.getRuntime().exit(128 + signal.getNumber());
                    }
                    requested.countDown();
                });
            }
        } catch (IllegalArgumentException | UnsupportedOperationException notHere) {
            // the shutdown hooks remain
        }
    }
}
