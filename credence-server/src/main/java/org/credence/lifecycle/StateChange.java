package org.credence.lifecycle;

/**
 * A request to change a credential's state.
 *
 * @param idOrNumber the credential's id or certificate number, within the caller's tenant
 * @param reason     why (required by the web layer for revoke and suspend); {@code null}: none given
 */
public record StateChange(String idOrNumber, Action action, String reason) {
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
