package org.credence.delivery;

import java.util.Locale;

/** What a mail is for; each kind is rendered from its own texts when it is sent. */
enum MailKind {
    /** "Your credential": the claim link and links to the credential page and PDF. */
    CREDENTIAL_ISSUED,
    /** A fresh claim link, asked for by the issuer (resend) or by the recipient. */
    CLAIM_LINK,
    /** A recipient's magic link to their dashboard. */
    RECIPIENT_SIGN_IN,
    /** A post-completion survey's invitation, rendered by the survey module's {@link MailRenderer}. */
    SURVEY_INVITATION,
    /** The one reminder of a survey invitation not yet answered. */
    SURVEY_REMINDER,
    /** The weekly program report for a subscribed user, its PDF attached; rendered by {@link ReportMail}. */
    WEEKLY_REPORT,
    /** A reminder that a credential expires soon, with a renewal link; rendered by the renewal module's {@link MailRenderer}. */
    EXPIRY_REMINDER,
    /** The recipient's notice that their credential was revoked (renewal module). */
    CREDENTIAL_REVOKED,
    /** The recipient's notice that their credential was suspended (renewal module). */
    CREDENTIAL_SUSPENDED,
    /** The recipient's notice that their credential's suspension ended (renewal module). */
    CREDENTIAL_REINSTATED,
    /** A staff user's link to choose a new password (user module's {@link MailRenderer}). */
    PASSWORD_RESET,
    /** A staff user's invitation, with a link to choose their password (user module). */
    USER_INVITATION;

    /** Rendered by the user module: password resets and invitations. */
    boolean account() {
        return this == PASSWORD_RESET || this == USER_INVITATION;
    }

    boolean survey() {
        return this == SURVEY_INVITATION || this == SURVEY_REMINDER;
    }

    /** Rendered by the renewal module: expiry reminders and state notices. */
    boolean renewal() {
        return this == EXPIRY_REMINDER || this == CREDENTIAL_REVOKED || this == CREDENTIAL_SUSPENDED || this == CREDENTIAL_REINSTATED;
    }

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MailKind of(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
