package org.credence.credential;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.credence.document.Brandings;
import org.credence.issuance.CredentialNumber;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.IssuedCredential;
import org.credence.tenant.Tenant;
import org.credence.tenant.Tenants;
import org.credence.tracking.ShareTargets;
import org.credence.verification.ServerVerification;
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
    public record Private(String number, long tenantId, java.util.UUID credentialId) implements Lookup {}

    /**
     * A public credential and what its page needs.
     *
     * @param linkedInOrganizationId the issuer's LinkedIn organisation id, or null when the issuer set none
     * @param achievementName the achievement's current name, which its links' {@code utm_campaign} is made from
     */
    public record Shown(IssuedCredential credential, Tenant issuer, String linkedInOrganizationId, String achievementName) implements Lookup {}

    /** What the share redirect needs of a credential that may be shared: its links' facts and the issuer's language. */
    private record ShareSource(ShareLinks.Shareable shareable, String issuerLanguage) {}

    private final Jdbi jdbi;
    private final Tenants tenants;
    private final Brandings brandings;
    private final ServerVerification verification;
    // the page's three queries and a parsed credential on every share click would cost more than the click's durable append.
    // 10 s, like the tracker's cache of credentials: a credential revoked stops being shared within it (privacy changes: forget)
    private final Cache<String, Optional<ShareSource>> shareSources = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofSeconds(10)).build();

    public CredentialPages(Jdbi jdbi, Tenants tenants, Brandings brandings, ServerVerification verification) {
        this.jdbi = jdbi;
        this.tenants = tenants;
        this.brandings = brandings;
        this.verification = verification;
    }

    /** The credential a typed number names (case, spaces and O/0 forgiven), and whether it may be shown. */
    public Lookup find(String typed) {
        Optional<CredentialNumber> number = CredentialNumber.parse(typed);
        if (number.isEmpty()) {
            return new Unknown();
        }
        Optional<IssuedCredential> shown = jdbi.withHandle(h -> CredentialStore.publicByNumber(h, number.get().value()));
        if (shown.isPresent()) {
            IssuedCredential credential = shown.get();
            // the credential's own tenant: one tenant's branding never reaches another's page
            return new Shown(credential, tenants.byId(credential.tenantId()),
                    brandings.find(credential.tenantId()).linkedinOrganizationId().orElse(null), achievementName(credential));
        }
        return jdbi.withHandle(h -> CredentialStore.byNumber(h, number.get().value()))
                .<Lookup>map(hidden -> new Private(hidden.number(), hidden.tenantId(), hidden.id()))
                .orElseGet(Unknown::new);
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

    /** What share links may say about a shown credential. */
    static ShareLinks.Shareable shareable(Shown shown, URI publicUrl) {
        return ShareLinks.Shareable.of(shown.credential(), publicUrl, shown.linkedInOrganizationId(), shown.achievementName());
    }

    private String achievementName(IssuedCredential credential) {
        return jdbi.withHandle(h -> h.createQuery("SELECT name FROM achievement WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", credential.tenantId()).bind("id", credential.achievementId()).mapTo(String.class).findOne().orElse(null));
    }

    /** Forgets what is cached of a credential (its recipient just made it private or public), so the change applies at once. */
    public void forget(String number) {
        shareSources.invalidate(number);
    }

    /** What the share links of a credential that may be shared (public, not revoked or suspended) are made from. */
    private Optional<ShareSource> shareSource(String number) {
        if (find(number) instanceof Shown shown && CredentialPage.shareable(shown.credential())) {
            return Optional.of(new ShareSource(shareable(shown, publicUrl()), "nb".equals(shown.issuer().locale()) ? "nb" : "en"));
        }
        return Optional.empty();
    }

    /**
     * Where the counted share redirect {@code /s/{number}/{channel}} sends a click: the same
     * share dialog the page would link to (LinkedIn add-to-profile with the issuer's organisation,
     * dates, URL and number; UTM tags; texts in the page's language, else the issuer's). A credential
     * that is private now, or no longer shareable, goes to its page instead.
     */
    public ShareTargets shareTargets() {
        return (credential, channel, lang) -> shareSources.get(credential.number(), this::shareSource)
                .map(source -> ShareLinks.of(source.shareable(), lang != null ? lang : source.issuerLanguage()).link(channel))
                .orElseGet(() -> ShareLinks.pageOf(publicUrl(), credential.number()));
    }
}
