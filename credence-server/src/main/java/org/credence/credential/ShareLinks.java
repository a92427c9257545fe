package org.credence.credential;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.credence.i18n.Messages;
import org.credence.insights.Channel;
import org.credence.issuance.IssuedCredential;
import org.credence.tracking.Utm;

/**
 * The outgoing share links of one credential: LinkedIn add-to-profile and post, X, Facebook,
 * e-mail and a plain link to copy. Each shares the credential page tagged with
 * {@code utm_source}, {@code utm_medium} (the {@link Channel} id, which tracking counts share clicks by) and {@code utm_campaign} (the
 * achievement). Nothing personal goes into a link: it is built from a {@link Shareable}, which
 * holds no recipient name or e-mail, so a link posted publicly names only the certificate.
 */
public final class ShareLinks {
    /**
     * What a share link may say about a credential.
     *
     * @param page the public credential page, without query
     * @param linkedInOrganizationId the issuer's LinkedIn organisation id (digits), or null to name the issuer instead
     * @param expiresAt null when the credential does not expire
     * @param campaign the achievement's slug, the {@code utm_campaign} of every link ({@link Utm#campaign})
     */
    public record Shareable(URI page, String number, long achievementId, String achievement, String issuer,
                            String linkedInOrganizationId, Instant issuedAt, Instant expiresAt, String campaign) {
        public Shareable {
            Objects.requireNonNull(page, "page");
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(achievement, "achievement");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(issuedAt, "issuedAt");
            if (page.getRawQuery() != null || page.getRawFragment() != null) {
                throw new IllegalArgumentException("page (" + page + ") must have no query or fragment: share links add their own");
            }
            if (linkedInOrganizationId != null && !linkedInOrganizationId.matches("[0-9]{1,20}")) {
                throw new IllegalArgumentException("linkedInOrganizationId (" + linkedInOrganizationId + ") must be 1-20 digits");
            }
        }

        /** With the campaign made from the achievement name given. */
        public Shareable(URI page, String number, long achievementId, String achievement, String issuer,
                         String linkedInOrganizationId, Instant issuedAt, Instant expiresAt) {
            this(page, number, achievementId, achievement, issuer, linkedInOrganizationId, issuedAt, expiresAt,
                    Utm.campaign(Objects.requireNonNull(achievement, "achievement"), achievementId));
        }

        /**
         * The shareable facts of a stored credential, as signed: the achievement and issuer names
         * come from the credential document, so a link says what a verifier will see.
         */
        public static Shareable of(IssuedCredential credential, URI publicUrl, String linkedInOrganizationId) {
            return of(credential, publicUrl, linkedInOrganizationId, null);
        }

        /**
         * As {@link #of(IssuedCredential, URI, String)}, with the campaign taken from the
         * achievement's current name (null: the signed one), as the counting redirects take it: one
         * {@code utm_campaign} per achievement on every link, even after the achievement was renamed.
         */
        public static Shareable of(IssuedCredential credential, URI publicUrl, String linkedInOrganizationId, String currentAchievementName) {
            JsonNode document = credential.document();
            String achievement = document.path("credentialSubject").path("achievement").path("name").asText(document.path("name").asText());
            JsonNode issuer = document.path("issuer");
            return new Shareable(pageOf(publicUrl, credential.number()), credential.number(), credential.achievementId(), achievement,
                    issuer.isTextual() ? issuer.asText() : issuer.path("name").asText(), linkedInOrganizationId,
                    credential.issuedAt(), credential.expiresAt(),
                    Utm.campaign(currentAchievementName == null ? achievement : currentAchievementName, credential.achievementId()));
        }
    }

    private final Shareable shareable;
    private final Messages text;

    private ShareLinks(Shareable shareable, String lang) {
        this.shareable = shareable;
        this.text = Messages.of("share", "nb".equals(lang) ? "nb" : "en");
    }

    /** The links of {@code shareable}, with post and e-mail texts in {@code lang} ("en" or "nb"). */
    public static ShareLinks of(Shareable shareable, String lang) {
        return new ShareLinks(shareable, lang);
    }

    /** The public page of credential {@code number} under this installation's public URL. */
    public static URI pageOf(URI publicUrl, String number) {
        String base = publicUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/c/" + encode(number));
    }

    /** The canonical credential page, with no tags: what Open Graph names. */
    public URI page() {
        return shareable.page();
    }

    /** The credential page tagged for one channel: the URL a visitor arrives by. */
    public URI tagged(Channel channel) {
        return URI.create(shareable.page() + "?" + query(parameters(
                "utm_source", source(channel),
                "utm_medium", channel.id(),
                "utm_campaign", shareable.campaign())));
    }

    /**
     * The {@code utm_source} of a channel: the site a visitor arrives from (both LinkedIn
     * channels are {@code linkedin}); {@code utm_medium} is the channel's own id.
     */
    public static String source(Channel channel) {
        return switch (channel) {
            case LINKEDIN_PROFILE, LINKEDIN_POST -> "linkedin";
            case X -> "x";
            case FACEBOOK -> "facebook";
            case EMAIL -> "email";
            case COPY_LINK -> "copy_link";
        };
    }

    /** The outgoing link for one channel (for {@link Channel#COPY_LINK}, the tagged page itself). */
    public URI link(Channel channel) {
        String url = tagged(channel).toString();
        return switch (channel) {
            case LINKEDIN_PROFILE -> URI.create("https://www.linkedin.com/profile/add?" + query(linkedInProfile(url)));
            case LINKEDIN_POST -> URI.create("https://www.linkedin.com/sharing/share-offsite/?" + query(parameters("url", url)));
            case X -> URI.create("https://twitter.com/intent/tweet?" + query(parameters("text", say("post", url), "url", url)));
            case FACEBOOK -> URI.create("https://www.facebook.com/sharer/sharer.php?" + query(parameters("u", url)));
            case EMAIL -> URI.create("mailto:?" + query(parameters("subject", say("subject", url), "body", say("body", url))));
            case COPY_LINK -> tagged(channel);
        };
    }

    /** Every channel's link, in the order the page shows them. */
    public Map<Channel, URI> all() {
        Map<Channel, URI> links = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            links.put(channel, link(channel));
        }
        return links;
    }

    /**
     * LinkedIn's add-to-profile parameters (the "Add to profile" guide for certifications):
     * the organisation by id when the issuer gave one, otherwise by name; expiry only when it expires.
     */
    private Map<String, String> linkedInProfile(String url) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("startTask", "CERTIFICATION_NAME");
        p.put("name", shareable.achievement());
        if (shareable.linkedInOrganizationId() != null) {
            p.put("organizationId", shareable.linkedInOrganizationId());
        } else {
            p.put("organizationName", shareable.issuer());
        }
        YearMonth issued = YearMonth.from(shareable.issuedAt().atZone(ZoneOffset.UTC));
        p.put("issueYear", String.valueOf(issued.getYear()));
        p.put("issueMonth", String.valueOf(issued.getMonthValue()));
        if (shareable.expiresAt() != null) {
            YearMonth expires = YearMonth.from(shareable.expiresAt().atZone(ZoneOffset.UTC));
            p.put("expirationYear", String.valueOf(expires.getYear()));
            p.put("expirationMonth", String.valueOf(expires.getMonthValue()));
        }
        p.put("certUrl", url);
        p.put("certId", shareable.number());
        return p;
    }

    private String say(String key, String url) {
        // arguments are inserted as they are, so an achievement named "{url}" stays itself
        return text.format(key, Map.of("achievement", shareable.achievement(), "issuer", shareable.issuer(), "url", url));
    }

    /** The {@code utm_campaign} of an achievement: its slug ({@link Utm#campaign}), the same on every link Credence puts out. */
    public static String campaign(String achievement, long achievementId) {
        return Utm.campaign(achievement, achievementId);
    }

    /** Name/value pairs in the order given: a stable order makes links comparable. */
    private static Map<String, String> parameters(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    /**
     * Percent-encodes a query component. {@link URLEncoder} writes a space as {@code +}, which
     * mail clients show literally in a mailto: subject (RFC 6068 wants {@code %20}); a literal
     * plus is already {@code %2B} by then, so replacing is safe.
     */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
