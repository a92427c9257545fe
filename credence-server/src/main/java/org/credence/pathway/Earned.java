package org.credence.pathway;

import java.time.Instant;
import java.util.UUID;

/**
 * A recipient's earned achievement, as a pathway counts it ({@link Earnings} holds the rule).
 *
 * @param earnedAt     when it was first earned: the issuance date of the earliest credential of its lineage
 * @param credentialId the credential that stands for it now (the newest active one)
 * @param number       that credential's number
 */
public record Earned(long achievementId, Instant earnedAt, UUID credentialId, String number) {}
