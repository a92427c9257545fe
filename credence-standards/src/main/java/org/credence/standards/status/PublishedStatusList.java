package org.credence.standards.status;

import static org.credence.standards.status.StatusListException.Code.INDEX_OUT_OF_RANGE;
import static org.credence.standards.status.StatusListException.Code.NOT_A_STATUS_LIST_CREDENTIAL;
import static org.credence.standards.status.StatusListException.Code.PURPOSE_MISMATCH;
import static org.credence.standards.status.StatusListException.Code.STATUS_LIST_URL_MISMATCH;
import static org.credence.standards.status.StatusListException.Code.UNSUPPORTED_STATUS_SIZE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a status list credential publishes, read from its JSON. Says nothing about whether its proof is valid or
 * it is within its validity period; the caller checks that.
 *
 * @param credentialId the credential's {@code id}, or {@code null} if it has none
 * @param purposes the purposes the list serves; the specification allows one or more
 * @param list the decoded bitstring, a private copy the caller may change
 */
public record PublishedStatusList(String credentialId, Set<StatusPurpose> purposes, BitstringStatusList list) {

    static final String CREDENTIAL_TYPE = "BitstringStatusListCredential";
    static final String SUBJECT_TYPE = "BitstringStatusList";

    /** Copies {@code purposes} so the record stays unchangeable. */
    public PublishedStatusList {
        purposes = Set.copyOf(purposes);
    }

    /** Whether a set bit in this list can mean {@code purpose}. */
    public boolean serves(StatusPurpose purpose) {
        return purposes.contains(purpose);
    }

    /**
     * Looks up {@code entry}'s bit.
     *
     * @throws StatusListException {@code STATUS_LIST_URL_MISMATCH} if this credential's id is not the entry's
     *     {@code statusListCredential}, {@code PURPOSE_MISMATCH}, or {@code INDEX_OUT_OF_RANGE}
     */
    public StatusCheck check(StatusListEntry entry) {
        // A list served at the entry's URL but naming another id is the wrong list (or a substituted one).
        if (credentialId != null && !credentialId.equals(entry.statusListCredential())) {
            throw new StatusListException(STATUS_LIST_URL_MISMATCH, "the entry points to "
                    + entry.statusListCredential() + " but the status list credential's id is " + credentialId);
        }
        if (!serves(entry.purpose())) {
            throw new StatusListException(PURPOSE_MISMATCH, "the entry's statusPurpose is "
                    + entry.purpose().jsonName() + " but the status list credential's is " + purposeNames());
        }
        if (entry.index() >= list.size()) {
            throw new StatusListException(INDEX_OUT_OF_RANGE, "statusListIndex " + entry.index()
                    + " is outside the list (" + list.size() + " entries)");
        }
        return StatusCheck.of(entry, list.isSet(entry.index()));
    }

    static PublishedStatusList from(JsonNode credential) {
        if (credential == null || !credential.isObject()) {
            throw notAStatusList("it is " + (credential == null ? "nothing" : JsonFields.kindOf(credential))
                    + ", not a JSON object");
        }
        if (!JsonFields.hasType(credential, CREDENTIAL_TYPE)) {
            throw notAStatusList("its type is " + JsonFields.typeOf(credential) + " and lacks " + CREDENTIAL_TYPE);
        }
        JsonNode subject = singleSubject(credential.get("credentialSubject"));
        if (!JsonFields.hasType(subject, SUBJECT_TYPE)) {
            throw notAStatusList("its credentialSubject type is " + JsonFields.typeOf(subject)
                    + ", not " + SUBJECT_TYPE);
        }
        JsonNode size = subject.get("statusSize");
        if (size != null && !(size.isIntegralNumber() && size.asLong() == 1)) {
            throw new StatusListException(UNSUPPORTED_STATUS_SIZE,
                    "credentialSubject.statusSize is " + size + "; only statusSize 1 is supported");
        }
        String id = JsonFields.optionalText(credential, "credential", "id", NOT_A_STATUS_LIST_CREDENTIAL);
        Set<StatusPurpose> purposes = purposesOf(subject.get("statusPurpose"));
        String encodedList = JsonFields.requiredText(
                subject, "credentialSubject", "encodedList", NOT_A_STATUS_LIST_CREDENTIAL);
        return new PublishedStatusList(id, purposes, BitstringStatusList.decode(encodedList));
    }

    private static JsonNode singleSubject(JsonNode subject) {
        // VC 2.0 allows an array of subjects; accept the degenerate one-element form some issuers emit.
        if (subject != null && subject.isArray() && subject.size() == 1) {
            subject = subject.get(0);
        }
        if (subject == null || !subject.isObject()) {
            throw notAStatusList("it has no single credentialSubject object");
        }
        return subject;
    }

    private static Set<StatusPurpose> purposesOf(JsonNode value) {
        if (value != null && value.isTextual()) {
            return EnumSet.of(StatusPurpose.parse(value.textValue()));
        }
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw notAStatusList("credentialSubject.statusPurpose must be a string or a non-empty array of strings,"
                    + " got " + value);
        }
        Set<StatusPurpose> purposes = EnumSet.noneOf(StatusPurpose.class);
        for (JsonNode each : value) {
            if (!each.isTextual()) {
                throw notAStatusList("credentialSubject.statusPurpose contains " + each + ", which is not a string");
            }
            purposes.add(StatusPurpose.parse(each.textValue()));
        }
        return purposes;
    }

    private String purposeNames() {
        return purposes.stream().map(StatusPurpose::jsonName).sorted().collect(Collectors.joining(", "));
    }

    private static StatusListException notAStatusList(String why) {
        return new StatusListException(NOT_A_STATUS_LIST_CREDENTIAL, "not a Bitstring status list credential: " + why);
    }
}
