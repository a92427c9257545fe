package org.credence.delivery;

/** A mail that could not be sent: permanent (the server refused it for good: a bounce) or worth retrying. */
final class MailFailure extends Exception {
    private final boolean permanent;

    MailFailure(boolean permanent, String reason, Throwable cause) {
        super(reason.length() > 500 ? reason.substring(0, 500) + "…" : reason, cause);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }
}
