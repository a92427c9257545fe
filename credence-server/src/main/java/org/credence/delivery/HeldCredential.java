package org.credence.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One credential on a recipient's dashboard.
 *
 * @param status valid, revoked, suspended, expired or superseded (renewed)
 * @param views counted views by others (likewise {@code shares}, {@code verifications}), from tracking's rollup; null when unknown
 */
public record HeldCredential(UUID id, String number, String achievement, String status, Instant expiresAt, String visibility,
                             boolean trackingAllowed, Instant claimedAt, Long views, Long shares, Long verifications) {}
