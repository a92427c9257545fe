package org.credence.events;

/** What can happen to a credential (or a bulk job) that a tenant may want to hear about, with its name on the wire. */
public enum CredentialEventType {
    ISSUED("credential.issued"),
    CLAIMED("credential.claimed"),
    REVOKED("credential.revoked"),
    SUSPENDED("credential.suspended"),
    REINSTATED("credential.reinstated"),
    EXPIRED("credential.expired"),
    RENEWED("credential.renewed"),
    SHARED("credential.shared"),
    VIEWED("credential.viewed"),
    VERIFIED("credential.verified"),
    JOB_FINISHED("issuance-job.finished");

    private final String wireName;

    CredentialEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name subscribers use, e.g. {@code credential.issued}. */
    public String wireName() {
        return wireName;
    }

    /** The type with this wire name. */
    public static java.util.Optional<CredentialEventType> fromWireName(String name) {
        for (CredentialEventType type : values()) {
            if (type.wireName.equals(name)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
