package org.credence.standards.verification;

/** The checks a verification report lists, in the order they run. */
public enum CheckName {
    PARSE("Readable credential"),
    CONTEXT("Known JSON-LD contexts and terms"),
    SCHEMA("Open Badges 3.0 schema"),
    KEY_RESOLUTION("Issuer's public key found"),
    PROOF("Signature"),
    ISSUER("Signed by the issuer it names"),
    VALIDITY_DATES("Validity dates"),
    STATUS("Not revoked or suspended"),
    /**
     * The issuer's transparency log holds the issuance. Only a server that keeps such a log adds
     * this check; the standalone {@link Verifier} does not emit it.
     */
    TRANSPARENCY("Recorded in the issuer's public log");

    /** The checks any verifier can make from the credential alone, in order: every value but {@link #TRANSPARENCY}. */
    public static final java.util.List<CheckName> STANDALONE =
            java.util.Arrays.stream(values()).filter(name -> name != TRANSPARENCY).toList();

    private final String title;

    CheckName(String title) {
        this.title = title;
    }

    /** A short English title for reports; pages translate by {@link #name()}. */
    public String title() {
        return title;
    }
}
