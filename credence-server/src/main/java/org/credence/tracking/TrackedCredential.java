package org.credence.tracking;

import java.time.Instant;
import java.util.UUID;

/**
 * What tracking needs to know about a credential.
 *
 * @param trackingAllowed the recipient allowed per-person detail (visitor key, referrer)
 * @param programUrl      the achievement's program page, or null
 * @param tenantUrl       the issuer's web site, or null
 */
public record TrackedCredential(UUID id, long tenantId, long achievementId, String number, Instant issuedAt,
                                boolean trackingAllowed, String achievementName, String programUrl, String tenantUrl) {}
