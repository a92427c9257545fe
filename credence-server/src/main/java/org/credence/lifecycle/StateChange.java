package org.credence.lifecycle;

/**
 * A request to change a credential's state.
 *
 * @param idOrNumber the credential's id or certificate number, within the caller's tenant
 * @param reason     why: required to revoke or suspend (at most 1000 characters); {@code null} or blank: none given
 * @throws org.credence.domain.DomainException.InvalidInput naming {@code reason} when a revocation or suspension gives none
 */
public record StateChange(String idOrNumber, Action action, String reason) {
    public static final int MAX_REASON = 1000;

    public StateChange {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        if (action != Action.REINSTATE && reason == null) {
            throw new org.credence.domain.DomainException.InvalidInput("reason",
                    org.credence.domain.ErrorText.of("state.reason_required", "action", action == Action.REVOKE ? "revoked" : "suspended"));
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new org.credence.domain.DomainException.InvalidInput("reason",
                    org.credence.domain.ErrorText.of("state.reason_too_long", "length", reason.length(), "max", MAX_REASON));
        }
    }

    /** What can be done to a credential, and the state each leaves it in. */
    public enum Action {
        REVOKE("revoked"), SUSPEND("suspended"), REINSTATE("active");

        private final String target;

        Action(String target) {
            this.target = target;
        }

        /** The action's name in URLs, the audit trail and the transparency log: {@code revoke}, {@code suspend}, {@code reinstate}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        String target() {
            return target;
        }
    }
}
