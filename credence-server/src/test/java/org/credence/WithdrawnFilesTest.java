package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revoked or suspended credential's files are withdrawn at their direct URLs too, as its page
 * and the README say: revoked is 410 Gone, suspended 404 until reinstated, each a problem naming
 * the state; a reinstated credential's files come back at once.
 */
@Tag("integration")
class WithdrawnFilesTest {
    static final List<String> FILES = List.of("/credential.json", "/certificate.pdf", "/certificate.pdf?download=1", "/badge.png",
            "/badge.svg", "/badge.png?download=1", "/credential.jwt", "/credential.jwt?alg=RS256");
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long achievement;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("withdrawn");
        achievement = server.achievement(key);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String issue(String email) {
        var issued = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement
                + ", \"recipient\": {\"name\": \"Rolf\", \"email\": \"" + email + "\"}}");
        assertThat(issued.status()).isEqualTo(201);
        return issued.json().get("number").asText();
    }

    static void withdrawn(String number, int status, String state) {
        for (String file : FILES) {
            var response = server.send("GET", "/c/" + number + file, null, null);
            assertThat(response.status()).as(file).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(file).startsWith("application/problem+json");
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(file).contains("no-store");
            assertThat(response.json().get("detail").asText()).as(file).contains(number).contains(state).contains("/verify/" + number);
            assertThat(response.body()).as(file).doesNotContain("proof");
        }
    }

    static void served(String number) {
        for (String file : FILES) {
            assertThat(server.binary("GET", "/c/" + number + file, null, null).statusCode()).as(file).isEqualTo(200);
        }
    }

    @Test
    void a_revoked_credentials_files_are_gone() {
        String number = issue("revoked@example.org");
        served(number);
        assertThat(server.send("POST", "/api/v1/credentials/" + number + "/revoke", key, "{\"reason\": \"issued in error\"}").status()).isEqualTo(200);
        withdrawn(number, 410, "revoked");
        // the page still shows it, stamped, and links no file
        var page = server.send("GET", "/c/" + number, null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Revoked").doesNotContain("href=\"/c/" + number + "/certificate.pdf\"");
    }

    @Test
    void a_suspended_credentials_files_are_withdrawn_until_it_is_reinstated() {
        String number = issue("suspended@example.org");
        assertThat(server.send("POST", "/api/v1/credentials/" + number + "/suspend", key, "{\"reason\": \"under review\"}").status()).isEqualTo(200);
        withdrawn(number, 404, "suspended");
        assertThat(server.send("POST", "/api/v1/credentials/" + number + "/reinstate", key, null).status()).isEqualTo(200);
        served(number);
    }
}
