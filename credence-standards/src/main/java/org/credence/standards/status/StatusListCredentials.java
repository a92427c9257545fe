package org.credence.standards.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds the unsigned {@code BitstringStatusListCredential} an issuer publishes, and reads and checks one a
 * verifier fetched. Signing and proof verification happen elsewhere.
 */
public final class StatusListCredentials {

    static final String VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";

    private StatusListCredentials() {
    }

    /**
     * The unsigned status list credential without {@code validUntil}; see
     * {@link #unsigned(String, String, StatusPurpose, BitstringStatusList, Instant, Instant)}.
     */
    public static ObjectNode unsigned(
            String listUrl, String issuer, StatusPurpose purpose, BitstringStatusList list, Instant validFrom) {
        return unsigned(listUrl, issuer, purpose, list, validFrom, null);
    }

    /**
     * The unsigned status list credential, ready for a proof to be added.
     *
     * @param listUrl where the credential will be published; becomes its {@code id} and the subject id
     *     {@code <listUrl>#list}
     * @param issuer the issuer's id (a DID or URL)
     * @param purpose {@link StatusPurpose#REVOCATION} or {@link StatusPurpose#SUSPENSION}
     * @param list the bits to publish, encoded as they are at this moment
     * @param validFrom when the list takes effect; the caller decides the time
     * @param validUntil when verifiers should stop trusting this version, or {@code null} for no expiry
     * @throws IllegalArgumentException if a URL is not absolute, {@code listUrl} has a fragment, the purpose is not
     *     one Credence issues, or {@code validUntil} is not after {@code validFrom}
     */
    public static ObjectNode unsigned(String listUrl, String issuer, StatusPurpose purpose, BitstringStatusList list,
            Instant validFrom, Instant validUntil) {
        requireAbsoluteUri("listUrl", listUrl);
        if (listUrl.contains("#")) {
            throw new IllegalArgumentException(
                    "listUrl " + listUrl + " must not have a fragment; #list is added to it");
        }
        requireAbsoluteUri("issuer", issuer);
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(validFrom, "validFrom");
        if (!purpose.isIssuedByCredence()) {
            throw new IllegalArgumentException(
                    "Credence publishes revocation and suspension lists only, not " + purpose.jsonName());
        }
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException(
                    "validUntil " + validUntil + " is not after validFrom " + validFrom);
        }

        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode credential = json.objectNode();
        credential.putArray("@context").add(VC_V2_CONTEXT);
        credential.put("id", listUrl);
        credential.putArray("type").add("VerifiableCredential").add(PublishedStatusList.CREDENTIAL_TYPE);
        credential.put("issuer", issuer);
        credential.put("validFrom", validFrom.toString());
        if (validUntil != null) {
            credential.put("validUntil", validUntil.toString());
        }
        ObjectNode subject = credential.putObject("credentialSubject");
        subject.put("id", listUrl + "#list");
        subject.put("type", PublishedStatusList.SUBJECT_TYPE);
        subject.put("statusPurpose", purpose.jsonName());
        subject.put("encodedList", list.encode());
        return credential;
    }

    /**
     * Reads a (signed or unsigned) status list credential's id, purposes and bitstring.
     *
     * @throws StatusListException {@code NOT_A_STATUS_LIST_CREDENTIAL} if it lacks the credential or subject type or
     *     fields, {@code UNKNOWN_STATUS_PURPOSE}, {@code UNSUPPORTED_STATUS_SIZE}, or any failure of
     *     {@link BitstringStatusList#decode(String)}
     */
    public static PublishedStatusList read(JsonNode statusListCredential) {
        return PublishedStatusList.from(statusListCredential);
    }

    /**
     * Looks up {@code entry}'s bit in the status list credential it points to. The caller has already verified
     * the status list credential's proof and validity period.
     *
     * @throws StatusListException as {@link #read(JsonNode)} and {@link PublishedStatusList#check(StatusListEntry)}
     */
    public static StatusCheck check(StatusListEntry entry, JsonNode statusListCredential) {
        Objects.requireNonNull(entry, "entry");
        return read(statusListCredential).check(entry);
    }

    private static void requireAbsoluteUri(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        try {
            if (!new URI(value).isAbsolute()) {
                throw new IllegalArgumentException(name + " " + value + " is not an absolute URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " " + value + " is not a URL: " + e.getReason(), e);
        }
    }
}
