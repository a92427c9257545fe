package org.credence.audit;

import java.time.Instant;

/**
 * One entry of the audit trail as read back.
 *
 * @param before the state before, as PostgreSQL prints the stored JSON (null: none)
 * @param after  the state after, likewise
 * @param hash   the entry's link in its chain, hexadecimal (null for an entry not yet chained)
 */
public record AuditEntry(long id, String actor, String action, String subject, String before, String after, Instant at, String hash) {}
