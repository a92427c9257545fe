package org.credence.issuance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** A credential as stored: its signed document kept as the exact text that was issued. */
public record IssuedCredential(UUID id, long tenantId, long achievementId, String number, String recipientName, String recipientEmail,
                               String documentText, long statusListId, int statusIndex, Instant issuedAt, Instant expiresAt,
                               String state, String stateReason, String visibility) {
    /**
     * Its standing at {@code now}: {@code revoked} or {@code suspended} as stored, else {@code expired} once its
     * expiry has passed (stored as {@code active}: expiry needs no write), else {@code active}.
     */
    public static String standing(String state, Instant expiresAt, Instant now) {
        return state.equals("active") && expiresAt != null && !now.isBefore(expiresAt) ? "expired" : state;
    }

    /** The recipient chose to keep it off the public page: only those they give the file or number to may see it. */
    public boolean isPrivate() {
        return "private".equals(visibility);
    }

    /** Revoked or suspended by its issuer: still shown for what it is, but no longer promoted (shared, previewed as verified). */
    public boolean withdrawn() {
        return state.equals("revoked") || state.equals("suspended");
    }

    public ObjectNode document() {
        try {
            return (ObjectNode) org.credence.json.JsonFields.MAPPER.readTree(documentText);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
