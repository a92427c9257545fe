package org.credence.user;

/** What a signed-in user may do; a {@link Role} grants a set of these. */
public enum Permission {
    /** See credentials, achievements and their status. */
    READ,
    /** Issue credentials. */
    ISSUE,
    /** Revoke, suspend and reinstate credentials. */
    REVOKE,
    /** See dashboards and analytics. */
    VIEW_ANALYTICS,
    /** Add users, change their roles, disable them. */
    MANAGE_USERS,
    /** Enter, correct and void lines of the program-cost ledger. */
    MANAGE_COSTS,
    /** Create and edit achievements and certificate designs. */
    MANAGE_PROGRAM,
    /** Change the organisation's settings: branding, API keys, webhooks, LMS mapping. */
    MANAGE_SETTINGS,
    /** Read the audit trail and its chain check. */
    VIEW_AUDIT
}
