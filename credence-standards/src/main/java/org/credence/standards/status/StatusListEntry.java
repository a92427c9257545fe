package org.credence.standards.status;

import static org.credence.standards.status.StatusListException.Code.MALFORMED_STATUS_ENTRY;
import static org.credence.standards.status.StatusListException.Code.UNSUPPORTED_STATUS_SIZE;
import static org.credence.standards.status.StatusListException.Code.UNSUPPORTED_STATUS_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A {@code BitstringStatusListEntry}: the {@code credentialStatus} object that points a credential at bit
 * {@code index} of the status list credential published at {@code statusListCredential}.
 *
 * @param id the entry's own id, conventionally {@code <list url>#<index>}; may be {@code null} (it is optional)
 * @param purpose what a set bit means; must match the status list credential's purpose
 * @param index the bit position in the list, 0 or more
 * @param statusListCredential the URL of the status list credential
 */
public record StatusListEntry(String id, StatusPurpose purpose, int index, String statusListCredential) {

    static final String TYPE = "BitstringStatusListEntry";

    /** Checks the values; entries read from JSON are checked with more specific messages by {@link #fromJson}. */
    public StatusListEntry {
        Objects.requireNonNull(purpose, "purpose");
        if (index < 0) {
            throw new IllegalArgumentException("statusListIndex " + index + " is negative");
        }
        if (statusListCredential == null || statusListCredential.isBlank()) {
            throw new IllegalArgumentException("statusListCredential is missing");
        }
    }

    /**
     * The entry Credence writes into a credential it issues, with id {@code <statusListCredential>#<index>}.
     *
     * @throws IllegalArgumentException for purposes Credence does not issue
     *     (see {@link StatusPurpose#isIssuedByCredence()})
     */
    public static StatusListEntry of(String statusListCredential, StatusPurpose purpose, int index) {
        if (!purpose.isIssuedByCredence()) {
            throw new IllegalArgumentException(
                    "Credence issues revocation and suspension entries only, not " + purpose.jsonName());
        }
        return new StatusListEntry(statusListCredential + "#" + index, purpose, index, statusListCredential);
    }

    /** The {@code credentialStatus} JSON object; {@code statusListIndex} is a string, as the specification requires. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (id != null) {
            json.put("id", id);
        }
        json.put("type", TYPE);
        json.put("statusPurpose", purpose.jsonName());
        json.put("statusListIndex", Integer.toString(index));
        json.put("statusListCredential", statusListCredential);
        return json;
    }

    /**
     * Reads one {@code credentialStatus} object. {@code statusListIndex} may be a string (as specified) or a JSON
     * number (as some issuers write it).
     *
     * @throws StatusListException {@code UNSUPPORTED_STATUS_TYPE} if it is not a {@code BitstringStatusListEntry},
     *     {@code MALFORMED_STATUS_ENTRY} for missing or mis-shaped fields, {@code UNKNOWN_STATUS_PURPOSE},
     *     or {@code UNSUPPORTED_STATUS_SIZE} when {@code statusSize} is not 1
     */
    public static StatusListEntry fromJson(JsonNode credentialStatus) {
        if (credentialStatus == null || !credentialStatus.isObject()) {
            throw new StatusListException(MALFORMED_STATUS_ENTRY, "credentialStatus must be a JSON object, got "
                    + (credentialStatus == null ? "nothing" : JsonFields.kindOf(credentialStatus)));
        }
        if (!JsonFields.hasType(credentialStatus, TYPE)) {
            throw new StatusListException(UNSUPPORTED_STATUS_TYPE, "credentialStatus type is "
                    + JsonFields.typeOf(credentialStatus) + "; only " + TYPE + " is supported");
        }
        requireSingleBitStatus(credentialStatus);
        String id = JsonFields.optionalText(credentialStatus, "credentialStatus", "id", MALFORMED_STATUS_ENTRY);
        StatusPurpose purpose = StatusPurpose.parse(
                JsonFields.requiredText(credentialStatus, "credentialStatus", "statusPurpose", MALFORMED_STATUS_ENTRY));
        int index = indexOf(credentialStatus.get("statusListIndex"));
        String list = JsonFields.requiredText(
                credentialStatus, "credentialStatus", "statusListCredential", MALFORMED_STATUS_ENTRY);
        if (list.equals(id)) {
            throw new StatusListException(MALFORMED_STATUS_ENTRY,
                    "credentialStatus.id must not be the status list URL " + list);
        }
        return new StatusListEntry(id, purpose, index, list);
    }

    private static void requireSingleBitStatus(JsonNode credentialStatus) {
        JsonNode size = credentialStatus.get("statusSize");
        boolean isOne = size == null || size.isNull()
                || (size.isIntegralNumber() && size.asLong() == 1)
                || (size.isTextual() && size.textValue().equals("1"));
        if (!isOne) {
            throw new StatusListException(UNSUPPORTED_STATUS_SIZE,
                    "credentialStatus.statusSize is " + size + "; only statusSize 1 is supported");
        }
    }

    private static int indexOf(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new StatusListException(MALFORMED_STATUS_ENTRY, "credentialStatus.statusListIndex is missing");
        }
        String digits = value.isTextual() ? value.textValue()
                : value.isIntegralNumber() ? value.bigIntegerValue().toString()
                : null;
        if (digits == null || digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new StatusListException(MALFORMED_STATUS_ENTRY,
                    "credentialStatus.statusListIndex " + value + " is not a non-negative integer");
        }
        // Strip leading zeros so the length check below is about magnitude, not formatting.
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 10 || Long.parseLong(significant) > Integer.MAX_VALUE) {
            throw new StatusListException(MALFORMED_STATUS_ENTRY, "credentialStatus.statusListIndex " + value
                    + " is larger than any supported list (at most " + Integer.MAX_VALUE + ")");
        }
        return Integer.parseInt(significant);
    }
}
