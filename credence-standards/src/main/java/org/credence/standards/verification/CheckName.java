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
    STATUS("Not revoked or suspended");

    private final String title;

    CheckName(String title) {
        this.title = title;
    }

    /** A short English title for reports; pages translate by {@link #name()}. */
    public String title() {
        return title;
    }
}
