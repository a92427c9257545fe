package org.credence.badge;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credence.delivery.MailBrand;
import org.credence.delivery.MailLook;
import org.credence.document.Branding;
import org.credence.document.Brandings;
import org.credence.document.MailSender;
import org.credence.document.Png;
import org.credence.document.UploadedImages;
import org.credence.domain.DomainException;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/**
 * The tenant's branding as its mail's look: its colours, its logo scaled to at most {@value #LOGO_HEIGHT} pixels high
 * and the credential's badge to {@value #BADGE_SIDE} pixels, both sent inline, so a mail stays small (tens of
 * kilobytes) and shows its images in mail programs that block remote ones. Scaled images are kept a few minutes per
 * tenant and achievement, so a bulk issuance draws its badge once, not once per mail.
 */
public final class BrandedMail implements MailBrand {
    static final int LOGO_HEIGHT = 48;
    static final int LOGO_MAX_WIDTH = 240;
    static final int BADGE_SIDE = 120;
    /** A scaled image is drawn again after this long, so a new logo or badge reaches mail within minutes. */
    static final Duration KEPT = Duration.ofMinutes(5);
    private static final int KEPT_IMAGES = 512;

    private final Jdbi jdbi;
    private final Brandings brandings;
    private final Badges badges;
    private final Tenants tenants;
    private final Clock clock;
    private final Map<String, Scaled> scaled = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Scaled> eldest) {
            return size() > KEPT_IMAGES;
        }
    };

    private record Scaled(MailLook.Image image, Instant drawn) {}

    public BrandedMail(Jdbi jdbi, Brandings brandings, Badges badges, Tenants tenants, Clock clock) {
        this.jdbi = jdbi;
        this.brandings = brandings;
        this.badges = badges;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public MailLook look(long tenantId, UUID credentialId) {
        Optional<Long> achievement = credentialId == null ? Optional.empty()
                : jdbi.withHandle(h -> h.createQuery("SELECT achievement_id FROM credential WHERE tenant_id = :tenant AND id = :id")
                        .bind("tenant", tenantId).bind("id", credentialId).mapTo(Long.class).findOne());
        return lookOf(tenantId, achievement);
    }

    /**
     * The looks of a batch of mails in three reads whatever its size (the credentials' achievements; per tenant of the batch,
     * its branding and its name), where {@link #look} takes three per mail.
     */
    @Override
    public java.util.List<MailLook> looks(java.util.List<Long> tenantIds, java.util.List<UUID> credentialIds) {
        java.util.List<Long> aboutTenants = new java.util.ArrayList<>();
        java.util.List<UUID> about = new java.util.ArrayList<>();
        for (int i = 0; i < tenantIds.size(); i++) {
            if (credentialIds.get(i) != null) {
                aboutTenants.add(tenantIds.get(i));
                about.add(credentialIds.get(i));
            }
        }
        Map<UUID, Long> achievements = new java.util.HashMap<>();
        if (!about.isEmpty()) {
            jdbi.useHandle(h -> h.createQuery("""
                            SELECT id, achievement_id
                              FROM credential
                             WHERE (tenant_id, id) IN (SELECT * FROM unnest(:tenants, :ids))
                            """)
                    .bindArray("tenants", Long.class, aboutTenants).bindArray("ids", UUID.class, about)
                    .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getLong("achievement_id")))
                    .forEach(e -> achievements.put(e.getKey(), e.getValue())));
        }
        Map<Long, TenantLook> byTenant = new java.util.HashMap<>();
        java.util.List<MailLook> looks = new java.util.ArrayList<>(tenantIds.size());
        for (int i = 0; i < tenantIds.size(); i++) {
            TenantLook tenant = byTenant.computeIfAbsent(tenantIds.get(i), this::tenantLook);
            looks.add(tenant.about(credentialIds.get(i) == null ? Optional.empty() : Optional.ofNullable(achievements.get(credentialIds.get(i)))));
        }
        return looks;
    }

    @Override
    public MailLook sample(long tenantId) {
        return lookOf(tenantId, jdbi.withHandle(h -> h.createQuery("SELECT id FROM achievement WHERE tenant_id = :tenant ORDER BY id LIMIT 1")
                .bind("tenant", tenantId).mapTo(Long.class).findOne()));
    }

    private MailLook lookOf(long tenantId, Optional<Long> achievement) {
        return tenantLook(tenantId).about(achievement);
    }

    /** What a tenant's mails share: read once for a batch of them. */
    private TenantLook tenantLook(long tenantId) {
        Branding branding = brandings.find(tenantId);
        String issuer = tenants.byId(tenantId).name();
        Optional<MailLook.Image> logo = branding.logo().map(image -> kept("logo:" + tenantId + ":" + java.util.Arrays.hashCode(image.bytes()),
                () -> fit(image.bytes(), "logo@credence", LOGO_MAX_WIDTH, LOGO_HEIGHT)));
        return new TenantLook(tenantId, branding, issuer, logo);
    }

    private final class TenantLook {
        private final long tenantId;
        private final Branding branding;
        private final String issuer;
        private final Optional<MailLook.Image> logo;

        TenantLook(long tenantId, Branding branding, String issuer, Optional<MailLook.Image> logo) {
            this.tenantId = tenantId;
            this.branding = branding;
            this.issuer = issuer;
            this.logo = logo;
        }

        /** The look of a mail about a credential of {@code achievement} (empty: no badge). */
        MailLook about(Optional<Long> achievement) {
            Optional<MailLook.Image> badge = achievement.map(id -> kept("badge:" + tenantId + ":" + id,
                    () -> fit(badges.png(tenantId, id), "badge@credence", BADGE_SIDE, BADGE_SIDE)));
            return new MailLook(issuer, branding.primaryColour(), branding.accentColour(), logo, badge,
                    Optional.of(branding.mailSenderName().orElse(issuer)), branding.mailReplyTo().flatMap(BrandedMail::stillValid), false);
        }
    }

    // checked when it was stored; checked again so a row written around the API cannot turn every mail into a bounce
    private static Optional<String> stillValid(String replyTo) {
        try {
            return Optional.ofNullable(MailSender.replyTo(replyTo));
        } catch (DomainException.InvalidInput e) {
            return Optional.empty();
        }
    }

    private MailLook.Image kept(String key, java.util.function.Supplier<MailLook.Image> draw) {
        Instant now = clock.instant();
        synchronized (scaled) {
            Scaled known = scaled.get(key);
            if (known != null && known.drawn().plus(KEPT).isAfter(now)) {
                return known.image();
            }
        }
        MailLook.Image image = draw.get();
        synchronized (scaled) {
            scaled.put(key, new Scaled(image, now));
        }
        return image;
    }

    /** The PNG scaled down (never up) to fit {@code maxWidth} × {@code maxHeight}, keeping its proportions. */
    static MailLook.Image fit(byte[] png, String cid, int maxWidth, int maxHeight) {
        BufferedImage source = UploadedImages.decodeStored(png);
        double scale = Math.min(1.0, Math.min((double) maxWidth / source.getWidth(), (double) maxHeight / source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        if (scale == 1.0) {
            return new MailLook.Image(cid, png, width, height);
        }
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source.getScaledInstance(width, height, java.awt.Image.SCALE_SMOOTH), 0, 0, null);
        } finally {
            g.dispose();
        }
        return new MailLook.Image(cid, Png.encode(target), width, height);
    }
}
