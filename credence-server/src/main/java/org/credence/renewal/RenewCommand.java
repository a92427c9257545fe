package org.credence.renewal;

import java.time.Instant;

/**
 * The issuer's request to renew a credential: the API's {@code POST /api/v1/credentials/{id}/renew} and the app's renew button.
 *
 * @param idOrNumber the credential's id or number, within the caller's tenant
 * @param expiresAt  the renewal's expiry; null: the achievement's validity from the current expiry ({@link Renewals#nextExpiry})
 * @param sendMail   whether the recipient gets the "your credential" mail for the renewal
 */
public record RenewCommand(String idOrNumber, Instant expiresAt, boolean sendMail) {}
