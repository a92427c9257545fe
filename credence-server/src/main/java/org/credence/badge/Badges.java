package org.credence.badge;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.credence.achievement.Achievement;
import org.credence.achievement.Achievements;
import org.credence.document.Branding;
import org.credence.document.Brandings;
import org.credence.document.StoredDocument;
import org.credence.document.StoredDocuments;
import org.credence.document.UploadedImages;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.IssuedCredential;
import org.credence.standards.baking.BakedBadge;
import org.credence.standards.verification.SignedFacts;
import org.credence.tenant.Tenant;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/**
 * Badge images and share images of credentials. An achievement's badge is the image its issuer
 * uploaded or else one drawn from the tenant's colours ({@link BadgeArt}); a credential's badge is
 * that image baked with the signed credential (Open Badges 3.0), rendered once and stored.
 */
public final class Badges {
    public static final String PNG_KIND = "badge.png";
    public static final String SVG_KIND = "badge.svg";
    public static final String SHARE_KIND = "share.png";

    private final Jdbi jdbi;
    private final Achievements achievements;
    private final AchievementImages images;
    private final Brandings brandings;
    private final Tenants tenants;
    private final StoredDocuments documents;

    public Badges(Jdbi jdbi, Achievements achievements, AchievementImages images, Brandings brandings, Tenants tenants,
                  StoredDocuments documents) {
        this.jdbi = jdbi;
        this.achievements = achievements;
        this.images = images;
        this.brandings = brandings;
        this.tenants = tenants;
        this.documents = documents;
    }

    /** The credential behind a public link; empty when unknown or made private by its recipient. */
    public Optional<IssuedCredential> publicCredential(String number) {
        return jdbi.withHandle(h -> CredentialStore.publicByNumber(h, number));
    }

    /** The achievement's badge as PNG, not baked: the upload, or else the generated one (also when only an SVG was uploaded). */
    public byte[] png(long tenantId, long achievementId) {
        Achievement achievement = achievements.get(tenantId, achievementId);
        return images.find(tenantId, achievementId).png()
                .orElseGet(() -> RasterDrawing.png(generated(achievement, brandings.find(tenantId), tenants.byId(tenantId).locale())));
    }

    /** The achievement's badge as SVG, not baked: the uploaded SVG, else the uploaded PNG embedded, else the generated one. */
    public String svg(long tenantId, long achievementId) {
        Achievement achievement = achievements.get(tenantId, achievementId);
        AchievementImages.Uploaded uploaded = images.find(tenantId, achievementId);
        if (uploaded.svg().isPresent()) {
            return uploaded.svg().get();
        }
        if (uploaded.png().isPresent()) {
            var pixels = UploadedImages.decodeStored(uploaded.png().get());
            int w = pixels.getWidth();
            int h = pixels.getHeight();
            return SvgDrawing.write(new Drawing(w, h, List.of(new Drawing.Picture(uploaded.png().get(), 0, 0, w, h))));
        }
        return SvgDrawing.write(generated(achievement, brandings.find(tenantId), tenants.byId(tenantId).locale()));
    }

    /** The credential's badge PNG with the credential baked in (iTXt chunk {@code openbadgecredential}). */
    public StoredDocument bakedPng(IssuedCredential credential) {
        return documents.findOrRender(credential.tenantId(), credential.id(), PNG_KIND, () -> new StoredDocuments.Rendered("image/png",
                BakedBadge.bakePng(png(credential.tenantId(), credential.achievementId()), credential.documentText())));
    }

    /** The credential's badge SVG with the credential baked in ({@code <openbadges:credential>}). */
    public StoredDocument bakedSvg(IssuedCredential credential) {
        return documents.findOrRender(credential.tenantId(), credential.id(), SVG_KIND, () -> new StoredDocuments.Rendered("image/svg+xml",
                BakedBadge.bakeSvg(svg(credential.tenantId(), credential.achievementId()), credential.documentText())
                        .getBytes(StandardCharsets.UTF_8)));
    }

    /** The credential's 1200×627 share image. */
    public StoredDocument shareImage(IssuedCredential credential) {
        return documents.findOrRender(credential.tenantId(), credential.id(), SHARE_KIND, () -> {
            Branding branding = brandings.find(credential.tenantId());
            Tenant tenant = tenants.byId(credential.tenantId());
            // achievement and issuer as signed (the name and dates are too, by CredentialStore): a rename or an edited row changes nothing
            SignedFacts signed = SignedFacts.read(credential.document());
            ShareImage.Facts facts = new ShareImage.Facts(signed.achievement(), credential.recipientName(), signed.issuer(), credential.number(),
                    tenant.locale(), BadgeArt.colour(branding.primaryColour()), BadgeArt.colour(branding.accentColour()),
                    branding.logo().map(Branding.Image::bytes), png(credential.tenantId(), credential.achievementId()),
                    Optional.ofNullable(credential.expiresAt()).map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC)));
            return new StoredDocuments.Rendered("image/png", RasterDrawing.png(ShareImage.of(facts)));
        });
    }

    /**
     * The badge a draft achievement would have, as SVG: the image uploaded for {@code achievementId} (null: a new one),
     * else one drawn from the draft's name and kind. Nothing is stored.
     */
    public String draftSvg(long tenantId, Long achievementId, String name, String kind) {
        if (achievementId != null) {
            AchievementImages.Uploaded uploaded = images.find(tenantId, achievementId);
            if (uploaded.svg().isPresent() || uploaded.png().isPresent()) {
                return svg(tenantId, achievementId);
            }
        }
        return SvgDrawing.write(generated(name, kind, brandings.find(tenantId), tenants.byId(tenantId).locale()));
    }

    /** The 1200×627 share image a credential of a draft achievement would have; nothing is stored. */
    public byte[] draftShareImage(long tenantId, Long achievementId, String name, String kind, String recipientName, String number,
                                  Optional<LocalDate> validUntil) {
        Branding branding = brandings.find(tenantId);
        Tenant tenant = tenants.byId(tenantId);
        Optional<byte[]> uploaded = achievementId == null ? Optional.empty() : images.find(tenantId, achievementId).png();
        // a preview is looked at once: both PNGs are written at the fastest deflate level
        byte[] badge = uploaded.orElseGet(() -> RasterDrawing.quickPng(generated(name, kind, branding, tenant.locale())));
        ShareImage.Facts facts = new ShareImage.Facts(name, recipientName, tenant.name(), number, tenant.locale(),
                BadgeArt.colour(branding.primaryColour()), BadgeArt.colour(branding.accentColour()), branding.logo().map(Branding.Image::bytes),
                badge, validUntil);
        return RasterDrawing.quickPng(ShareImage.of(facts));
    }

    private static Drawing generated(Achievement achievement, Branding branding, String language) {
        return generated(achievement.name(), achievement.kind(), branding, language);
    }

    private static Drawing generated(String name, String kind, Branding branding, String language) {
        Color primary = BadgeArt.colour(branding.primaryColour());
        Color accent = BadgeArt.colour(branding.accentColour());
        return BadgeArt.of(name, kind, language, primary, accent);
    }
}
