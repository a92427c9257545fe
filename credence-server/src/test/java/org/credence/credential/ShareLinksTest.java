package org.credence.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.credence.http.Json;
import org.credence.insights.Channel;
import org.credence.issuance.IssuedCredential;
import org.junit.jupiter.api.Test;

class ShareLinksTest {
    static final URI PUBLIC = URI.create("https://credence.example");
    static final Instant ISSUED = Instant.parse("2025-03-14T09:30:00Z");
    static final Instant EXPIRES = Instant.parse("2027-03-14T09:30:00Z");

    static ShareLinks links(String organizationId, Instant expires) {
        return ShareLinks.of(new ShareLinks.Shareable(ShareLinks.pageOf(PUBLIC, "CRD-7K3M-Q9XP-2F"), "CRD-7K3M-Q9XP-2F", 7,
                "Certified Data Steward", "Acme Academy & Co", organizationId, ISSUED, expires), "en");
    }

    @Test
    void linkedin_add_to_profile_carries_every_certification_field() {
        Map<String, String> p = query(links(null, EXPIRES).link(Channel.LINKEDIN_PROFILE));
        assertThat(p).containsExactly(
                Map.entry("startTask", "CERTIFICATION_NAME"), Map.entry("name", "Certified Data Steward"),
                Map.entry("organizationName", "Acme Academy & Co"), Map.entry("issueYear", "2025"), Map.entry("issueMonth", "3"),
                Map.entry("expirationYear", "2027"), Map.entry("expirationMonth", "3"),
                Map.entry("certUrl", "https://credence.example/c/CRD-7K3M-Q9XP-2F?utm_source=linkedin&utm_medium=linkedin_profile&utm_campaign=certified-data-steward"),
                Map.entry("certId", "CRD-7K3M-Q9XP-2F"));
        assertThat(links(null, EXPIRES).link(Channel.LINKEDIN_PROFILE).toString()).startsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Certified%20Data%20Steward&");
    }

    @Test
    void linkedin_organization_id_replaces_the_name_and_no_expiry_means_no_expiration_fields() {
        Map<String, String> p = query(links("1337", null).link(Channel.LINKEDIN_PROFILE));
        assertThat(p).containsEntry("organizationId", "1337").doesNotContainKeys("organizationName", "expirationYear", "expirationMonth");
    }

    @Test
    void each_channel_goes_to_its_own_site_with_its_own_utm_medium() {
        ShareLinks links = links(null, EXPIRES);
        assertThat(links.link(Channel.LINKEDIN_POST).toString()).startsWith("https://www.linkedin.com/sharing/share-offsite/?url=");
        assertThat(query(links.link(Channel.LINKEDIN_POST)).get("url")).contains("utm_source=linkedin&utm_medium=linkedin_post");
        assertThat(links.link(Channel.X).toString()).startsWith("https://twitter.com/intent/tweet?text=I%20earned%20Certified%20Data%20Steward%20from%20Acme%20Academy%20%26%20Co.&url=");
        assertThat(query(links.link(Channel.FACEBOOK)).get("u")).isEqualTo(links.tagged(Channel.FACEBOOK).toString());
        assertThat(links.link(Channel.EMAIL).toString()).startsWith("mailto:?subject=My%20credential%3A%20Certified%20Data%20Steward&body=");
        assertThat(query(links.link(Channel.EMAIL)).get("body")).endsWith("\r\n" + links.tagged(Channel.EMAIL));
        assertThat(links.link(Channel.COPY_LINK)).hasToString("https://credence.example/c/CRD-7K3M-Q9XP-2F?utm_source=copy_link&utm_medium=copy_link&utm_campaign=certified-data-steward");
        assertThat(links.page()).hasToString("https://credence.example/c/CRD-7K3M-Q9XP-2F");
        assertThat(links.all()).hasSize(Channel.values().length);
    }

    @Test
    void norwegian_texts_for_post_and_mail() {
        ShareLinks nb = ShareLinks.of(new ShareLinks.Shareable(ShareLinks.pageOf(PUBLIC, "CRD-1"), "CRD-1", 1, "Dataforvalter", "Ås Akademi",
                null, ISSUED, null), "nb");
        assertThat(query(nb.link(Channel.EMAIL)).get("subject")).isEqualTo("Mitt kompetansebevis: Dataforvalter");
        assertThat(query(nb.link(Channel.X)).get("text")).isEqualTo("Jeg har oppnådd Dataforvalter fra Ås Akademi.");
    }

    @Test
    void utm_medium_is_the_channel_id_tracking_counts_by_and_utm_source_the_site() {
        ShareLinks links = links(null, null);
        assertThat(java.util.Arrays.stream(Channel.values()).map(c -> query(links.tagged(c)).get("utm_medium")))
                .containsExactly("linkedin_profile", "linkedin_post", "x", "facebook", "email", "copy_link");
        assertThat(java.util.Arrays.stream(Channel.values()).map(ShareLinks::source))
                .containsExactly("linkedin", "linkedin", "x", "facebook", "email", "copy_link");
    }

    @Test
    void campaign_is_an_ascii_slug_of_the_achievement() {
        assertThat(ShareLinks.campaign("Certified Data Steward", 1)).isEqualTo("certified-data-steward");
        assertThat(ShareLinks.campaign("  Sikkerhet på arbeidsplassen — nivå 2! ", 1)).isEqualTo("sikkerhet-pa-arbeidsplassen-niva-2");
        assertThat(ShareLinks.campaign("شهادة", 42)).isEqualTo("achievement-42");
        assertThat(ShareLinks.campaign("x".repeat(200), 1)).hasSize(60);
    }

    @Test
    void a_page_with_a_query_is_refused_with_the_reason() {
        assertThatThrownBy(() -> new ShareLinks.Shareable(URI.create("https://a.example/c/1?x=1"), "1", 1, "a", "b", null, ISSUED, null))
                .hasMessageContaining("must have no query");
        assertThatThrownBy(() -> new ShareLinks.Shareable(URI.create("https://a.example/c/1"), "1", 1, "a", "b", "acme", ISSUED, null))
                .hasMessageContaining("linkedInOrganizationId (acme) must be 1-20 digits");
    }

    @Property(tries = 300)
    void every_link_parses_carries_utm_tags_and_holds_no_personal_data(@ForAll("names") String recipient, @ForAll("emails") String email,
                                                                       @ForAll("texts") String achievement, @ForAll("texts") String issuer,
                                                                       @ForAll @LongRange(min = 1, max = 1_000_000) long achievementId,
                                                                       @ForAll boolean expires, @ForAll("lang") String lang) {
        Assume.that(!achievement.contains(recipient) && !issuer.contains(recipient));
        IssuedCredential stored = credential(recipient, email, achievement, issuer, achievementId, expires ? EXPIRES : null);
        ShareLinks links = ShareLinks.of(ShareLinks.Shareable.of(stored, URI.create("http://localhost:8080/"), null), lang);
        String campaign = ShareLinks.campaign(achievement, achievementId);
        assertThat(campaign).matches("[a-z0-9]+(-[a-z0-9]+)*");
        for (Channel channel : Channel.values()) {
            URI link = URI.create(links.link(channel).toString()); // parses, strictly
            assertThat(link.getScheme()).isIn("https", "http", "mailto");
            Map<String, String> parameters = query(link);
            String shared = switch (channel) {
                case LINKEDIN_PROFILE -> parameters.get("certUrl");
                case LINKEDIN_POST, X -> parameters.get("url");
                case FACEBOOK -> parameters.get("u");
                case EMAIL -> parameters.get("body").substring(parameters.get("body").indexOf("http"));
                case COPY_LINK -> link.toString();
            };
            assertThat(query(URI.create(shared))).containsExactly(Map.entry("utm_source", ShareLinks.source(channel)),
                    Map.entry("utm_medium", channel.id()), Map.entry("utm_campaign", campaign));
            assertThat(shared).startsWith("http://localhost:8080/c/" + stored.number() + "?");
            String everything = link + " " + String.join(" ", parameters.values());
            assertThat(everything).doesNotContain(recipient, email, ShareLinks.encode(recipient), ShareLinks.encode(email));
        }
    }

    @Provide
    Arbitrary<String> names() {
        // long enough that a name cannot occur in the links' fixed words by chance; RTL, combining marks, markup
        return Arbitraries.strings().withChars("ÅØæøåé\u0301\u0627\u0644\u0639<>&\"' ").alpha()
                .ofMinLength(8).ofMaxLength(40).filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<String> emails() {
        return Arbitraries.strings().alpha().numeric().withChars("._+").ofMinLength(6).ofMaxLength(20).map(s -> s + "@mail.example");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(80).filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<String> lang() {
        return Arbitraries.of("en", "nb");
    }

    static IssuedCredential credential(String name, String email, String achievement, String issuer, long achievementId, Instant expires) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("name", achievement);
        document.putObject("issuer").put("id", "did:web:x").put("name", issuer);
        ObjectNode subject = document.putObject("credentialSubject");
        subject.putArray("identifier").addObject().put("identityHash", "sha256$" + email.hashCode());
        subject.putObject("achievement").put("name", achievement);
        return new IssuedCredential(UUID.randomUUID(), 1, achievementId, "CRD-7K3M-Q9XP-2F", name, email, document.toString(), 1, 0,
                ISSUED, expires, "active", null, "public");
    }

    /** A link's query as decoded name/value pairs, in order; every pair must decode. */
    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery() != null ? uri.getRawQuery()
                : uri.getRawSchemeSpecificPart().substring(uri.getRawSchemeSpecificPart().indexOf('?') + 1); // mailto: is opaque
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            assertThat(eq).as("parameter %s has a value", pair).isPositive();
            assertThat(pair).doesNotContain("+", " ");
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
