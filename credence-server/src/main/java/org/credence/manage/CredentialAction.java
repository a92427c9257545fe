package org.credence.manage;

import java.util.Locale;
import java.util.Optional;
import org.credence.user.Permission;

/** What the app's credential page can do to a credential, each behind a confirmation, and the permission each needs. */
public enum CredentialAction {
    REVOKE(Permission.REVOKE), SUSPEND(Permission.REVOKE), REINSTATE(Permission.REVOKE),
    RESEND(Permission.ISSUE), RENEW(Permission.ISSUE), EMAIL(Permission.ISSUE);

    private final Permission permission;

    CredentialAction(Permission permission) {
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }

    /** Its name in addresses and message keys: {@code revoke}, {@code suspend} … */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the action applies to a credential standing so (active, expired, suspended, revoked, superseded): a
     * revoked credential takes none; only a suspended one is reinstated; a renewal's predecessor is only revoked.
     */
    public boolean appliesTo(String standing) {
        return switch (this) {
            case REVOKE -> !standing.equals("revoked");
            case SUSPEND, RENEW -> standing.equals("active") || standing.equals("expired");
            case REINSTATE -> standing.equals("suspended");
            case RESEND, EMAIL -> !standing.equals("revoked") && !standing.equals("superseded");
        };
    }

    static Optional<CredentialAction> of(String word) {
        for (CredentialAction a : values()) {
            if (a.word().equals(word)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
