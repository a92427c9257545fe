package org.credence.standards.dataintegrity;

/** A Data Integrity proof that cannot be created or does not verify, with a spec-derived code. */
public final class ProofException extends RuntimeException {
    /** Error codes named after the conditions in VC Data Integrity §4 and vc-di-eddsa §3.3. */
    public enum Code {
        PROOF_MISSING,
        PROOF_MALFORMED,
        UNSUPPORTED_PROOF_TYPE,
        UNSUPPORTED_CRYPTOSUITE,
        PROOF_CONTEXT_MISMATCH,
        INVALID_PROOF_VALUE,
        INVALID_CREATED,
        INVALID_SIGNATURE,
        DOCUMENT_NOT_CANONICALIZABLE
    }

    private final Code code;

    public ProofException(Code code, String message) {
        this(code, message, null);
    }

    public ProofException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
