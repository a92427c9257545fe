package org.credence.badge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.document.Png;
import org.credence.document.StoredDocuments;
import org.credence.document.UploadedImages;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.json.JsonFields;
import org.credence.standards.baking.BakingException;
import org.credence.standards.baking.SafeSvg;
import org.credence.tenant.Caller;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Badge images issuers upload per achievement (table {@code achievement_image}): a PNG or JPEG,
 * checked and re-encoded as PNG, and/or an SVG, sanitised. A PNG upload replaces the PNG, an SVG
 * upload the SVG, so an issuer can give both formats the same look.
 */
public final class AchievementImages {
    /** Uploaded badges are scaled down to this side: they are baked and served often, and share images use them small. */
    static final int MAX_BADGE_SIDE = 1024;

    private final Jdbi jdbi;
    private final Achievements achievements;
    private final AuditTrail audit;

    public AchievementImages(Jdbi jdbi, Achievements achievements, AuditTrail audit) {
        this.jdbi = jdbi;
        this.achievements = achievements;
        this.audit = audit;
    }

    /** What was uploaded for an achievement; either may be absent. */
    public record Uploaded(Optional<byte[]> png, Optional<String> svg) {
        static final Uploaded NONE = new Uploaded(Optional.empty(), Optional.empty());
    }

    public Uploaded find(long tenantId, long achievementId) {
        return jdbi.withHandle(h -> find(h, tenantId, achievementId));
    }

    /** Checks, cleans and stores an upload; returns what was removed from an SVG (empty for raster images). */
    public java.util.List<String> put(Caller caller, long achievementId, String contentType, byte[] body) {
        achievements.get(caller.tenantId(), achievementId); // 404 for another tenant's achievement, before looking at the body
        String type = UploadedImages.mediaType(contentType);
        if (type.equals("image/svg+xml")) {
            UploadedImages.requireWithinLimit(body.length);
            SafeSvg.Sanitized clean;
            try {
                clean = SafeSvg.sanitize(body);
            } catch (BakingException e) {
                throw new DomainException.InvalidInput("image", ErrorText.of("image.svg_unusable", "reason", e.getMessage()));
            }
            store(caller, achievementId, null, clean.svg());
            return clean.removed();
        }
        if (!type.equals("image/png") && !type.equals("image/jpeg")) {
            throw new DomainException.UnsupportedType(ErrorText.of("image.badge_type_unsupported", "type", type));
        }
        UploadedImages.CleanPng png = UploadedImages.raster(type, body);
        store(caller, achievementId, withinBadgeSize(png), null);
        return java.util.List.of();
    }

    /** Removes both uploaded formats: badges are generated again. */
    public void delete(Caller caller, long achievementId) {
        achievements.get(caller.tenantId(), achievementId);
        jdbi.useTransaction(h -> {
            ObjectNode before = describe(find(h, caller.tenantId(), achievementId));
            h.createUpdate("DELETE FROM achievement_image WHERE tenant_id = :tenant AND achievement_id = :achievement")
                    .bind("tenant", caller.tenantId()).bind("achievement", achievementId).execute();
            forgetBadges(h, caller.tenantId(), achievementId);
            audit.record(h, caller.tenantId(), caller.actor(), "achievement.image.delete", "achievement:" + achievementId, before, null);
        });
    }

    private void store(Caller caller, long achievementId, byte[] png, String svg) {
        jdbi.useTransaction(h -> {
            ObjectNode before = describe(find(h, caller.tenantId(), achievementId));
            h.createUpdate("""
                            INSERT INTO achievement_image (tenant_id, achievement_id, png, svg)
                            VALUES (:tenant, :achievement, :png, :svg)
                            ON CONFLICT (achievement_id) DO UPDATE
                               SET png = COALESCE(EXCLUDED.png, achievement_image.png)
                                 , svg = COALESCE(EXCLUDED.svg, achievement_image.svg)
                                 , updated_at = now()
                             WHERE achievement_image.tenant_id = EXCLUDED.tenant_id
                            """)
                    .bind("tenant", caller.tenantId()).bind("achievement", achievementId).bind("png", png).bind("svg", svg).execute();
            forgetBadges(h, caller.tenantId(), achievementId);
            audit.record(h, caller.tenantId(), caller.actor(), "achievement.image.set", "achievement:" + achievementId, before,
                    describe(find(h, caller.tenantId(), achievementId)));
        });
    }

    private static Uploaded find(Handle h, long tenantId, long achievementId) {
        return h.createQuery("""
                        SELECT png
                             , svg
                          FROM achievement_image
                         WHERE tenant_id = :tenant
                           AND achievement_id = :achievement
                        """)
                .bind("tenant", tenantId).bind("achievement", achievementId)
                .map((rs, ctx) -> new Uploaded(Optional.ofNullable(rs.getBytes("png")), Optional.ofNullable(rs.getString("svg"))))
                .findOne().orElse(Uploaded.NONE);
    }

    /** Stored badges and share images of the achievement's credentials are drawn again with the new image. */
    private static void forgetBadges(Handle h, long tenantId, long achievementId) {
        StoredDocuments.forgetting(h, tenantId);
        h.createUpdate("""
                        DELETE FROM credential_document
                         WHERE tenant_id = :tenant
                           AND kind IN ('badge.png', 'badge.svg', 'share.png')
                           AND credential_id IN (SELECT id FROM credential WHERE tenant_id = :tenant AND achievement_id = :achievement)
                        """)
                .bind("tenant", tenantId).bind("achievement", achievementId).execute();
    }

    /** The audit trail keeps sizes and hashes, not the images. */
    private static ObjectNode describe(Uploaded uploaded) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        uploaded.png().ifPresent(png -> node.put("pngSha256", StoredDocuments.sha256(png)).put("pngBytes", png.length));
        uploaded.svg().ifPresent(svg -> node.put("svgSha256", StoredDocuments.sha256(svg.getBytes(StandardCharsets.UTF_8)))
                .put("svgBytes", svg.length()));
        return node;
    }

    private static byte[] withinBadgeSize(UploadedImages.CleanPng png) {
        int side = Math.max(png.width(), png.height());
        if (side <= MAX_BADGE_SIDE) {
            return png.bytes();
        }
        double scale = (double) MAX_BADGE_SIDE / side;
        int w = Math.max(1, (int) Math.round(png.width() * scale));
        int h = Math.max(1, (int) Math.round(png.height() * scale));
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(UploadedImages.decodeStored(png.bytes()), 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return Png.encode(scaled);
    }
}
