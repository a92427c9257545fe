package org.credence.delivery;

import java.util.UUID;

/**
 * The look of a tenant's mail ({@link MailLook}), found when a mail is sent. The composition root plugs in the
 * tenant's branding and the credential's badge; by default mail has Credence's plain look.
 */
public interface MailBrand {
    /** Credence's own look, no images. */
    MailBrand PLAIN = new MailBrand() {
        @Override
        public MailLook look(long tenantId, UUID credentialId) {
            return MailLook.PLAIN;
        }

        @Override
        public MailLook sample(long tenantId) {
            return MailLook.PLAIN;
        }
    };

    /** The look of a mail of the tenant about {@code credentialId} (null: a mail about no credential, with no badge). */
    MailLook look(long tenantId, UUID credentialId);

    /**
     * The looks of a batch of mails, mail {@code i} of tenant {@code tenantIds[i]} about {@code credentialIds[i]} (or null), in
     * that order. By default one by one; a look read from the database should answer a whole batch in a few reads.
     */
    default java.util.List<MailLook> looks(java.util.List<Long> tenantIds, java.util.List<UUID> credentialIds) {
        java.util.List<MailLook> looks = new java.util.ArrayList<>(tenantIds.size());
        for (int i = 0; i < tenantIds.size(); i++) {
            looks.add(look(tenantIds.get(i), credentialIds.get(i)));
        }
        return looks;
    }

    /** The look of the tenant's mail with the badge of one of its achievements, for previews. */
    MailLook sample(long tenantId);
}
