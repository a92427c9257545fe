package org.credence.demo;

import java.time.Instant;
import java.util.Optional;

/**
 * A simulated issuance.
 *
 * @param index 0-based, unique within the run
 * @param achievement index into {@link DemoCatalog#ACHIEVEMENTS}
 * @param recipient 0-based recipient number; a recipient with several credentials is a repeat earner
 * @param email an address under the reserved {@code example.org} domain, never a real person
 */
public record SimulatedCredential(long index, int achievement, long recipient, String recipientName, String email, Instant issuedAt,
                                  Optional<Instant> expiresAt, Optional<Instant> claimedAt, boolean isPublic, boolean trackingAllowed) {}
