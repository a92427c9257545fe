package org.credence.standards.verification;

/**
 * Why a check failed, named after the condition in the spec that breaks. Reports are built from
 * these codes, never from exception messages.
 */
public enum VerificationError {
    INPUT_TOO_LARGE,
    MALFORMED_JSON,
    NOT_A_CREDENTIAL,
    UNSUPPORTED_FORMAT,
    UNKNOWN_CONTEXT,
    UNDEFINED_TERM,
    DROPPED_VALUE,
    INVALID_JSON_LD,
    SCHEMA_VIOLATION,
    PROOF_MISSING,
    PROOF_MALFORMED,
    UNSUPPORTED_PROOF_TYPE,
    UNSUPPORTED_CRYPTOSUITE,
    PROOF_CONTEXT_MISMATCH,
    INVALID_PROOF_VALUE,
    INVALID_SIGNATURE,
    KEY_NOT_FOUND,
    KEY_RESOLUTION_FAILED,
    ISSUER_MISMATCH,
    NOT_YET_VALID,
    EXPIRED,
    INVALID_DATE,
    STATUS_UNAVAILABLE,
    STATUS_LIST_INVALID,
    REVOKED,
    SUSPENDED,
    MALFORMED_JWT,
    UNSUPPORTED_ALGORITHM,
    NOT_IN_LOG,
    LOG_PROOF_INVALID
}
