package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An achievement's course hours: a field of the API (checked: over 0, at most 10,000), drawn by a design's
 * {@code {hours}} placeholder in the reader's language, and not put in the signed credential.
 */
@Tag("integration")
class AchievementHoursTest {
    @TempDir
    static Path data;
    static ServerHarness server;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The achievement as stored, as a PUT body with {@code hours} (null: without). */
    private static String withHours(String key, long achievement, Object hours) {
        ObjectNode stored = (ObjectNode) server.send("GET", "/api/v1/achievements/" + achievement, key, null).json();
        stored.remove("id");
        if (hours == null) {
            stored.remove("hours");
        } else {
            stored.putRawValue("hours", new com.fasterxml.jackson.databind.util.RawValue(hours.toString()));
        }
        return stored.toString();
    }

    @Test
    void hours_go_through_the_api_and_out_of_range_values_are_refused_on_the_field() {
        String key = server.tenant("hours-api");
        long achievement = server.achievement(key);
        var saved = server.send("PUT", "/api/v1/achievements/" + achievement, key, withHours(key, achievement, "7.50"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("hours").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(server.send("GET", "/api/v1/achievements/" + achievement, key, null).json().get("hours").asText()).isEqualTo("7.5");
        OpenApiContractTest.check("/api/v1/achievements/{id}", "put", saved);
        assertThat(server.send("PUT", "/api/v1/achievements/" + achievement, key, withHours(key, achievement, "10000")).json()
                .get("hours").asText()).isEqualTo("10000");

        for (String wrong : new String[] {"0", "-1", "10000.01", "1.005", "\"seven\""}) {
            var refused = server.send("PUT", "/api/v1/achievements/" + achievement, key, withHours(key, achievement, wrong));
            assertThat(refused.status()).as(wrong).isEqualTo(422);
            assertThat(refused.json().get("field").asText()).isEqualTo("hours");
        }
        var without = server.send("PUT", "/api/v1/achievements/" + achievement, key, withHours(key, achievement, null));
        assertThat(without.json().has("hours")).as("left out: none").isFalse();
    }

    @Test
    void a_certificate_shows_the_hours_in_the_readers_language_and_the_signed_credential_does_not_carry_them() throws Exception {
        var norwegian = server.tenantWithAchievement("timer", "nb");
        var english = server.tenantWithAchievement("hours", "en");
        for (var tenant : new ServerHarness.TestTenant[] {norwegian, english}) {
            // the designer's placeholder, as the designer adds it ("Kurstimer: [hours]")
            String design = CertificateTest.builtInDesign("minimal").replaceFirst("\"elements\": \\[",
                    "\"elements\": [ { \"type\": \"text\", \"text\": { \"en\": \"Course hours: {hours}\", \"nb\": \"Kurstimer: {hours}\" },"
                            + " \"font\": \"sans\", \"size\": 11, \"colour\": \"#555555\", \"x\": 0.07, \"y\": 0.72, \"maxWidth\": 0.6 },");
            assertThat(server.send("PUT", "/api/v1/designs/with-hours", tenant.key(), design).status()).isEqualTo(201);
            ObjectNode body = (ObjectNode) ServerHarness.JSON.readTree(withHours(tenant.key(), tenant.achievement(), "7.5"));
            body.put("design", "with-hours");
            assertThat(server.send("PUT", "/api/v1/achievements/" + tenant.achievement(), tenant.key(), body.toString()).status()).isEqualTo(200);
        }
        String nb = CredentialPageTest.issue(server, norwegian.key(), norwegian.achievement(), "Kari Nordmann", "kari.hours@example.org")
                .get("number").asText();
        String en = CredentialPageTest.issue(server, english.key(), english.achievement(), "Ada Lovelace", "ada.hours@example.org")
                .get("number").asText();
        assertThat(certificate(nb)).contains("Kurstimer: 7,5");
        assertThat(certificate(en)).contains("Course hours: 7.5");

        // the signed credential has no hours (Open Badges 3.0 has no such field)
        String signed = server.send("GET", "/api/v1/credentials/" + en, english.key(), null).body();
        assertThat(signed).contains(en).doesNotContain("\"hours\"").doesNotContain("Course hours");

        // a change of hours draws the stored certificate again; none: the line is left out
        assertThat(server.send("PUT", "/api/v1/achievements/" + english.achievement(), english.key(),
                withHours(english.key(), english.achievement(), null)).status()).isEqualTo(200);
        assertThat(certificate(en)).doesNotContain("Course hours");
    }

    /** The text of the credential's certificate PDF, as served on its public page. */
    private static String certificate(String number) throws java.io.IOException {
        return CertificateTest.text(server.binary("GET", "/c/" + number + "/certificate.pdf", null, null).body());
    }
}
