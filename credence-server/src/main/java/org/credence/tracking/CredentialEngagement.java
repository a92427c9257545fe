package org.credence.tracking;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credence.insights.Channel;
import org.jdbi.v3.core.Jdbi;

/**
 * One credential's engagement as the per-credential rollup holds it: exact firsts and counts of
 * counted events (bots, repeats, the recipient's own views and rate-limited events excluded).
 * The data behind {@code GET /api/v1/analytics/credentials/{id}}.
 *
 * @param sharesByChannel counted share clicks per channel id, every channel present (0 when none); kept in the
 *                        rollup (V29), so they outlive the raw events' retention
 */
public record CredentialEngagement(UUID credentialId, Instant firstClaimedAt, Instant firstViewedAt, Instant firstSharedAt,
                                   Instant firstReferralAt, Instant firstVerifiedAt, Instant recipientReturnedAt,
                                   List<String> sharedChannels, long views, long shares, long verifications, long referralClicks,
                                   long downloads, Instant lastEventAt, Map<String, Long> sharesByChannel) {

    /** The row of one tenant's credential; empty when it has no event yet (or belongs to another tenant). */
    static Optional<CredentialEngagement> of(Jdbi jdbi, long tenantId, UUID credentialId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT credential_id
                             , first_claimed_at
                             , first_viewed_at
                             , first_shared_at
                             , first_referral_at
                             , first_verified_at
                             , recipient_returned_at
                             , shared_channels
                             , views
                             , shares
                             , verifications
                             , referral_clicks
                             , downloads
                             , last_event_at
                             , shares_linkedin_profile, shares_linkedin_post, shares_x, shares_facebook, shares_email, shares_copy_link
                          FROM tracking_credential
                         WHERE tenant_id = :tenant
                           AND credential_id = :id
                        """).bind("tenant", tenantId).bind("id", credentialId)
                .map((rs, ctx) -> new CredentialEngagement(rs.getObject("credential_id", UUID.class), instant(rs, "first_claimed_at"),
                        instant(rs, "first_viewed_at"), instant(rs, "first_shared_at"), instant(rs, "first_referral_at"),
                        instant(rs, "first_verified_at"), instant(rs, "recipient_returned_at"),
                        List.of((String[]) rs.getArray("shared_channels").getArray()), rs.getLong("views"), rs.getLong("shares"),
                        rs.getLong("verifications"), rs.getLong("referral_clicks"), rs.getLong("downloads"), instant(rs, "last_event_at"), byChannel(rs)))
                .findOne());
    }

    private static Map<String, Long> byChannel(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, Long> shares = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            shares.put(channel.id(), rs.getLong("shares_" + channel.id()));
        }
        return Collections.unmodifiableMap(shares);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
