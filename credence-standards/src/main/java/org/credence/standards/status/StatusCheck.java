package org.credence.standards.status;

/**
 * The outcome of looking up a credential's status entry in its status list credential.
 *
 * @param entry the credential's {@code credentialStatus} entry that was checked
 * @param isSet whether the entry's bit is 1 (revoked, suspended, ... according to the purpose)
 * @param reason one plain-language sentence for people, e.g. "the credential has been revoked (bit 42 of ... is set)"
 */
public record StatusCheck(StatusListEntry entry, boolean isSet, String reason) {

    static StatusCheck of(StatusListEntry entry, boolean isSet) {
        String reason = "the credential " + entry.purpose().describe(isSet) + " (bit " + entry.index() + " of "
                + entry.statusListCredential() + " is " + (isSet ? "set" : "clear") + ")";
        return new StatusCheck(entry, isSet, reason);
    }

    /** The purpose that was checked, e.g. {@link StatusPurpose#REVOCATION}. */
    public StatusPurpose purpose() {
        return entry.purpose();
    }
}
