package org.credence.credential;

import java.net.URI;
import java.util.Optional;
import org.credence.issuance.CredentialNumber;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.IssuedCredential;
import org.credence.tenant.Tenant;
import org.credence.tenant.Tenants;
import org.credence.verification.ServerVerification;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The public side of a credential: what its page and its download may show. The rule lives
 * here: a number that names nothing, and a credential its recipient made private, both show
 * nothing of the credential.
 */
public final class CredentialPages {
    /** What a certificate number leads to. */
    public sealed interface Lookup permits Unknown, Private, Shown {}

    /** No credential has this number (or it is mistyped). */
    public record Unknown() implements Lookup {}

    /** The recipient made it private: nothing about it may be shown. */
    public record Private(String number) implements Lookup {}

    /**
     * A public credential and what its page needs.
     *
     * @param linkedInOrganizationId the issuer's LinkedIn organisation id, or null when the issuer set none
     */
    public record Shown(IssuedCredential credential, Tenant issuer, String linkedInOrganizationId) implements Lookup {}

    private record Settings(String visibility, String linkedInOrganizationId) {}

    private final Jdbi jdbi;
    private final Tenants tenants;
    private final ServerVerification verification;

    public CredentialPages(Jdbi jdbi, Tenants tenants, ServerVerification verification) {
        this.jdbi = jdbi;
        this.tenants = tenants;
        this.verification = verification;
    }

    /** The credential a typed number names (case, spaces and O/0 forgiven), and whether it may be shown. */
    public Lookup find(String typed) {
        Optional<IssuedCredential> stored = CredentialNumber.parse(typed)
                .flatMap(number -> jdbi.withHandle(h -> CredentialStore.byNumber(h, number.value())));
        if (stored.isEmpty()) {
            return new Unknown();
        }
        IssuedCredential credential = stored.get();
        Settings settings = jdbi.withHandle(h -> settings(h, credential));
        return "private".equals(settings.visibility()) ? new Private(credential.number())
                : new Shown(credential, tenants.byId(credential.tenantId()), settings.linkedInOrganizationId());
    }

    /** A shown credential verified now: its status and dates as of this moment, its proof checked once and cached. */
    public ServerVerification.Verified verify(Shown shown) {
        // credentials are never deleted, so the number just found is still there
        return verification.byNumber(shown.credential().number()).orElseThrow();
    }

    /** The installation's public base URL, which the page's canonical and share links hang from. */
    public URI publicUrl() {
        return tenants.publicUrl();
    }

    /** Both come from the credential's own tenant: one tenant's branding never reaches another's page. */
    private static Settings settings(Handle h, IssuedCredential credential) {
        return h.createQuery("""
                        SELECT c.visibility
                             , b.linkedin_organization_id
                          FROM credential c
                          LEFT JOIN tenant_branding b
                            ON b.tenant_id = c.tenant_id
                         WHERE c.tenant_id = :tenant
                           AND c.id = :id
                        """)
                .bind("tenant", credential.tenantId()).bind("id", credential.id())
                .map((rs, ctx) -> new Settings(rs.getString("visibility"), rs.getString("linkedin_organization_id")))
                .one();
    }
}
