package org.credence.tracking;

/**
 * What a tracked request says about who sent it, already stripped of anything identifying:
 * the address is truncated, the referrer reduced to its host. Built by
 * {@link Tracker#facts(io.javalin.http.Context, boolean)}.
 *
 * @param address      the client's truncated address, or null when it could not be read
 * @param userAgent    the User-Agent header (used for the class and the visitor key; not stored)
 * @param referrerHost the Referer's host, lower case, or null
 * @param country      ISO 3166-1 alpha-2 from an offline source, or null
 * @param isRecipient  whether the signed-in viewer is the credential's recipient
 */
public record RequestFacts(TruncatedAddress address, String userAgent, String referrerHost, String country, boolean isRecipient) {

    public RequestFacts {
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country (" + country + ") must be an ISO 3166-1 alpha-2 code");
        }
        if (userAgent != null && userAgent.length() > 512) {
            userAgent = userAgent.substring(0, 512);
        }
    }
}
