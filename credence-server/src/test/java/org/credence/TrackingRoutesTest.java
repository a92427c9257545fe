package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.credence.tracking.CredentialRef;
import org.credence.tracking.TrackedCredential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tracking endpoints over real HTTP: redirects with UTM tags, the beacon, and refusals that store nothing. */
@Tag("integration")
class TrackingRoutesTest {
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long achievement;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("tracked");
        achievement = server.achievement(key);
        server.send("PUT", "/api/v1/achievements/" + achievement, key, """
                {"name": "Certified Data Steward", "kind": "certification", "description": "d", "criteria": "c",
                 "programUrl": "https://tracked.example/programs/data?ref=1#apply"}""");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static TrackedCredential issue(String email) {
        var issued = server.send("POST", "/api/v1/credentials", key,
                "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"Kari\", \"email\": \"" + email + "\"}}");
        return server.credence.tracker().credential(CredentialRef.number(issued.json().get("number").asText())).orElseThrow();
    }

    static long views(TrackedCredential c) {
        return server.credence.tracker().engagement(c.tenantId(), c.id()).map(e -> e.views()).orElse(0L);
    }

    @Test
    void a_referral_click_redirects_to_the_program_page_with_utm_tags_and_counts_once() {
        TrackedCredential credential = issue("referral@example.org");
        var first = server.send("GET", "/r/" + credential.number() + "/program", null, null, "User-Agent", BROWSER);
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location")).contains(
                "https://tracked.example/programs/data?ref=1&utm_source=credence&utm_medium=credential&utm_campaign=certified-data-steward#apply");
        server.send("GET", "/r/" + credential.number() + "/program", null, null, "User-Agent", BROWSER); // a double click
        var issuer = server.send("GET", "/r/" + credential.number() + "/issuer", null, null, "User-Agent", BROWSER);
        assertThat(issuer.headers().firstValue("Location").orElseThrow()).startsWith("https://tracked.example?utm_source=credence");
        var engagement = server.credence.tracker().engagement(credential.tenantId(), credential.id()).orElseThrow();
        assertThat(engagement.referralClicks()).isEqualTo(2);
        assertThat(engagement.firstReferralAt()).isNotNull();
    }

    @Test
    void a_share_click_counts_on_its_channel_and_redirects_to_the_share_dialog() {
        TrackedCredential credential = issue("share@example.org");
        var shared = server.send("GET", "/s/" + credential.number() + "/linkedin_post", null, null, "User-Agent", BROWSER);
        assertThat(shared.status()).isEqualTo(302);
        assertThat(shared.headers().firstValue("Location").orElseThrow()).startsWith("https://www.linkedin.com/sharing/share-offsite/?url=")
                .contains("%2Fc%2F" + credential.number()).contains("utm_source%3Dlinkedin%26utm_medium%3Dlinkedin_post");
        assertThat(server.send("GET", "/s/" + credential.number() + "/myspace", null, null).status()).isEqualTo(404);
        assertThat(server.credence.tracker().engagement(credential.tenantId(), credential.id()).orElseThrow().sharedChannels())
                .containsExactly("linkedin_post");
    }

    @Test
    void the_beacon_records_client_side_events_and_its_no_script_get_too() {
        TrackedCredential credential = issue("beacon@example.org");
        var copied = server.send("POST", "/t/" + credential.number(), null, "{\"type\": \"share_click\", \"channel\": \"copy_link\"}",
                "User-Agent", BROWSER);
        assertThat(copied.status()).isEqualTo(204);
        assertThat(server.send("GET", "/t/" + credential.number() + "?type=view&channel=pdf", null, null, "User-Agent", BROWSER).status())
                .isEqualTo(204);
        var engagement = server.credence.tracker().engagement(credential.tenantId(), credential.id()).orElseThrow();
        assertThat(engagement.sharedChannels()).containsExactly("copy_link");
        assertThat(engagement.views()).isEqualTo(1);
    }

    @Test
    void a_bot_is_answered_but_not_counted() {
        TrackedCredential credential = issue("bot@example.org");
        assertThat(server.send("GET", "/t/" + credential.number() + "?type=view&channel=credential_page", null, null,
                "User-Agent", "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)").status()).isEqualTo(204);
        assertThat(views(credential)).isZero();
    }

    @Test
    void unknown_numbers_wrong_types_and_server_only_types_are_refused_and_store_nothing() {
        TrackedCredential credential = issue("refused@example.org");
        assertThat(server.send("POST", "/t/CRD-0000-0000-00", null, "{\"type\": \"view\", \"channel\": \"pdf\"}").status()).isEqualTo(404);
        assertThat(server.send("GET", "/r/CRD-0000-0000-00/program", null, null).status()).isEqualTo(404);
        var claim = server.send("POST", "/t/" + credential.number(), null, "{\"type\": \"claim\"}");
        assertThat(claim.status()).isEqualTo(422);
        assertThat(claim.json().get("field").asText()).isEqualTo("type");
        var channel = server.send("POST", "/t/" + credential.number(), null, "{\"type\": \"view\", \"channel\": \"linkedin_post\"}");
        assertThat(channel.status()).isEqualTo(422);
        assertThat(channel.json().get("field").asText()).isEqualTo("channel");
        assertThat(server.send("POST", "/t/" + credential.number(), null, "{\"type\": \"view\", \"extra\": 1}").status()).isEqualTo(422);
        assertThat(server.send("GET", "/r/" + credential.number() + "/elsewhere", null, null).status()).isEqualTo(404);
        assertThat(server.credence.tracker().engagement(credential.tenantId(), credential.id())).isEmpty();
    }

    @Test
    void another_tenants_credential_cannot_be_read_through_a_tenant_scoped_reference() {
        TrackedCredential ours = issue("scoped@example.org");
        server.send("GET", "/t/" + ours.number() + "?type=view&channel=badge", null, null, "User-Agent", BROWSER);
        String otherKey = server.tenant("other-tracked");
        long otherTenant = server.credence.tracker().credential(CredentialRef.number(issueFor(otherKey))).orElseThrow().tenantId();
        assertThat(server.credence.tracker().engagement(otherTenant, ours.id())).isEmpty();
        assertThat(server.credence.tracker().credential(CredentialRef.id(otherTenant, ours.id()))).isEmpty();
        assertThat(server.credence.tracker().engagement(ours.tenantId(), ours.id())).isPresent();
    }

    private static String issueFor(String tenantKey) {
        long other = server.achievement(tenantKey);
        return server.send("POST", "/api/v1/credentials", tenantKey,
                "{\"achievementId\": " + other + ", \"recipient\": {\"name\": \"Ola\", \"email\": \"ola@example.org\"}}").json().get("number").asText();
    }
}
