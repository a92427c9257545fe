package org.credence.standards.verification;

/**
 * One line of a verification report.
 *
 * @param error why it failed, or {@code null} when it passed or was skipped
 * @param reason the outcome in plain words, for people
 */
public record Check(CheckName name, Outcome outcome, VerificationError error, String reason) {
    public static Check passed(CheckName name, String reason) {
        return new Check(name, Outcome.PASSED, null, reason);
    }

    public static Check failed(CheckName name, VerificationError error, String reason) {
        return new Check(name, Outcome.FAILED, error, reason);
    }

    public static Check skipped(CheckName name, String reason) {
        return new Check(name, Outcome.SKIPPED, null, reason);
    }

    public boolean hasFailed() {
        return outcome == Outcome.FAILED;
    }
}
