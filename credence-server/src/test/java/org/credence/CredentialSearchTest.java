package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searching the credentials list (issue 15's speed work: V50's trigram index and the listing's filter built from only the
 * filters given): part of a name, of an e-mail address or of a number finds the credential in the page, the API and the CSV
 * export alike, never another tenant's; a search too short for the index is refused with a clear message.
 */
@Tag("integration")
class CredentialSearchTest {
    private static final String PASSWORD = "correct horse battery staple";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String fjord;
    static String other;
    static String ola;
    static String kari;
    static String per;
    static String othersOla;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        fjord = server.tenant("fjord");
        long course = server.achievement(fjord);
        ola = issue(fjord, course, "Ola Nordmann", "ola.nordmann@fjordskule.example");
        kari = issue(fjord, course, "Kari Nordmann", "kari@elsewhere.example");
        per = issue(fjord, course, "Per Hansen", "per.hansen@fjordskule.example");
        other = server.tenant("other");
        othersOla = issue(other, server.achievement(other), "Ola Nordmann", "ola.nordmann@fjordskule.example");
        server.user(fjord, "owner@fjord.example", "owner", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String issue(String key, long achievement, String name, String email) {
        var issued = server.send("POST", "/api/v1/credentials", key,
                "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"" + name + "\", \"email\": \"" + email + "\"}}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("number").asText();
    }

    private static List<String> api(String key, String q) {
        var answer = server.send("GET", "/api/v1/credentials?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), key, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        answer.json().get("items").forEach(item -> numbers.add(item.get("number").asText()));
        return numbers;
    }

    private static String page(String path) {
        var page = server.page(path, server.signIn("fjord", "owner@fjord.example", PASSWORD));
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }

    @Test
    void part_of_a_name_an_email_or_a_number_finds_the_tenants_credentials_and_no_others() {
        assertThat(api(fjord, "nordm")).as("part of a name, any case").containsExactlyInAnyOrder(ola, kari);
        assertThat(api(fjord, "NORDMANN")).containsExactlyInAnyOrder(ola, kari);
        assertThat(api(fjord, "fjordskule.ex")).as("part of an e-mail address").containsExactlyInAnyOrder(ola, per);
        String part = per.substring(4, 10); // "XXXX-X": the middle of the number, hyphen included
        assertThat(api(fjord, part)).as("part of a number").contains(per).allMatch(n -> n.contains(part));
        assertThat(api(fjord, per.toLowerCase(java.util.Locale.ROOT).replace("-", ""))).as("a whole number as typed").containsExactly(per);
        assertThat(api(other, "nordmann")).as("the other tenant sees its own only").containsExactly(othersOla);
        assertThat(api(fjord, othersOla)).as("another tenant's number").isEmpty();
        assertThat(api(fjord, "nobody-is-called-this")).isEmpty();
    }

    @Test
    void the_page_and_the_csv_export_search_alike() {
        List<String> listed = IssuerCredentialsPageTest.numbers(page("/app/credentials?q=nordmann"));
        assertThat(listed).containsExactlyInAnyOrder(ola, kari);
        assertThat(IssuerCredentialsPageTest.numbers(page("/app/credentials?q=hansen%40fjord"))).containsExactly(per);
        String csv = server.send("GET", "/api/v1/credentials?format=csv&q=nordmann", fjord, null).body();
        assertThat(csv).contains(ola, kari).doesNotContain(per, othersOla);
    }

    @Test
    void a_search_of_one_or_two_characters_is_refused_with_a_clear_message() {
        var api = server.send("GET", "/api/v1/credentials?q=ol", fjord, null);
        assertThat(api.status()).isEqualTo(422);
        assertThat(api.body()).contains("\"q\"").contains("at least 3 characters");
        // the page keeps what was typed, says why it did not search, and lists the credentials unsearched
        String english = page("/app/credentials?q=ol");
        assertThat(english).contains("Type at least 3 characters").contains("value=\"ol\"");
        assertThat(IssuerCredentialsPageTest.numbers(english)).containsExactlyInAnyOrder(ola, kari, per);
        assertThat(page("/app/credentials?lang=nb&q=%C3%B8")).contains("Skriv minst 3 tegn").contains("«ø»");
        // three characters search, and a whole number is never too short
        assertThat(api(fjord, "per")).containsExactly(per);
    }
}
