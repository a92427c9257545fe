package org.credence.user;

/** A password as typed: kept out of logs and {@code toString()}. */
public final class Password {
    /** The shortest password a new user may choose (NIST SP 800-63B asks for at least 8; we ask 12). */
    public static final int MIN_LENGTH = 12;
    /** The longest, so hashing stays cheap to refuse. */
    public static final int MAX_LENGTH = 1024;

    private final String value;

    Password(String value) {
        this.value = value;
    }

    /** A password a user chooses: 12 to 1024 characters; throws naming the broken rule. */
    public static Password chosen(String value) {
        int length = value == null ? 0 : value.codePointCount(0, value.length());
        if (length < MIN_LENGTH) {
            throw new IllegalArgumentException("the password has " + length + " characters; at least " + MIN_LENGTH + " are needed");
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("the password has " + length + " characters; at most " + MAX_LENGTH + " are allowed");
        }
        return new Password(value);
    }

    /** A password typed at login, as it came. */
    public static Password typed(String value) {
        return new Password(value == null ? "" : value);
    }

    /** False for a password no user can have chosen: a login with it fails without hashing megabytes. */
    boolean couldHaveBeenChosen() {
        int length = value.codePointCount(0, value.length());
        return length >= 1 && length <= MAX_LENGTH;
    }

    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "[REDACTED]";
    }
}
