package org.credence.standards.verification;

import java.net.URI;

/** Fetches a small JSON document for key or status resolution; the caller decides what is allowed. */
public interface Fetcher {
    /**
     * The bytes at {@code url}.
     *
     * @throws FetchException when the URL is not allowed, unreachable, too slow or too large
     */
    byte[] fetch(URI url);

    /** Refuses every fetch: offline verification. */
    static Fetcher offline() {
        return url -> {
            throw new FetchException("offline verification does not fetch " + url);
        };
    }

    /** Something a fetch could not do, in plain words. */
    final class FetchException extends RuntimeException {
        public FetchException(String message) {
            super(message);
        }

        public FetchException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
