package org.credence.standards.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the status list credential a {@code credentialStatus} entry points at. The verifier
 * checks the list's own proof, so a resolver only has to find it.
 */
public interface StatusResolver {
    /**
     * The status list credential at {@code url}; empty when this resolver cannot look it up
     * (offline): the report then says the status was not checked.
     *
     * @throws Fetcher.FetchException when a lookup was attempted and failed
     */
    Optional<JsonNode> statusListCredential(String url);

    /** Looks nothing up (offline verification). */
    static StatusResolver none() {
        return url -> Optional.empty();
    }

    /** Status lists the caller already holds, by URL (a server's own lists, test fixtures). */
    static StatusResolver of(Map<String, JsonNode> lists) {
        Map<String, JsonNode> copy = Map.copyOf(lists);
        return url -> Optional.ofNullable(copy.get(url));
    }

    /** Fetches lists through {@code fetcher}, which sets the allowed hosts, time and size limits. */
    static StatusResolver online(Fetcher fetcher) {
        ObjectMapper json = new ObjectMapper();
        return url -> {
            try {
                return Optional.of(json.readTree(fetcher.fetch(URI.create(url))));
            } catch (IOException e) {
                throw new Fetcher.FetchException("the status list at " + url + " is not JSON", e);
            } catch (IllegalArgumentException e) {
                throw new Fetcher.FetchException("the status list URL is not a URL: " + url, e);
            }
        };
    }
}
