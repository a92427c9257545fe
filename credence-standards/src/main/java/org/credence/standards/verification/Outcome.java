package org.credence.standards.verification;

/** How one check ended. */
public enum Outcome {
    /** The check held. */
    PASSED,
    /** The check failed: the credential must not be trusted (or is revoked, suspended, expired). */
    FAILED,
    /** The check could not be run (for example no status list, or an earlier failure made it moot). */
    SKIPPED
}
