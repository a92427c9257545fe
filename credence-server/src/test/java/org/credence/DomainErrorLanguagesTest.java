package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's refusal is shown on a Norwegian page in Norwegian and on an English page in English,
 * while the API's problem {@code detail} stays the English sentence whatever Accept-Language says.
 */
class DomainErrorLanguagesTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static String owner;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("vik");
        server.user(key, "owner@vik.example", "owner", PASSWORD);
        owner = server.signIn("vik", "owner@vik.example", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Posts a form as the owner, with the CSRF token of the page {@code from}. */
    private static ServerHarness.Response post(String path, String from, String... fields) {
        String[] all = new String[fields.length + 2];
        all[0] = "csrf";
        all[1] = AccountsHttp.csrf(server.page(from, owner).body());
        System.arraycopy(fields, 0, all, 2, fields.length);
        return server.form(path, owner, all);
    }

    @Test
    void a_webhook_over_plain_http_is_refused_in_norwegian_on_a_norwegian_page() {
        var nb = post("/app/webhooks", "/app/webhooks?lang=nb", "url", "http://93.184.216.34/hook", "events", "credential.issued", "lang", "nb");
        assertThat(nb.status()).isEqualTo(422);
        assertThat(nb.body()).contains("webhook-mottakere må bruke https, ikke http").doesNotContain("webhook endpoints must use https");
        var en = post("/app/webhooks", "/app/webhooks", "url", "http://93.184.216.34/hook", "events", "credential.issued", "lang", "en");
        assertThat(en.status()).isEqualTo(422);
        assertThat(en.body()).contains("webhook endpoints must use https, not http").doesNotContain("webhook-mottakere");
    }

    @Test
    void a_library_reason_is_a_quoted_detail_of_a_norwegian_sentence_and_stays_the_english_detail() {
        var nb = post("/app/webhooks", "/app/webhooks?lang=nb", "url", "https://exa mple.org/hook", "events", "credential.issued", "lang", "nb");
        assertThat(nb.status()).isEqualTo(422);
        assertThat(nb.body()).contains("dette er ikke en gyldig nettadresse: den har tegn eller en oppbygning en nettadresse ikke kan ha")
                .contains("Teknisk detalj (på engelsk): «Illegal character in authority at index 8: https://exa mple.org/hook»");
        var api = server.send("POST", "/api/v1/webhooks", key, "{\"url\":\"https://exa mple.org/hook\",\"events\":[\"credential.issued\"]}",
                "Accept-Language", "nb");
        assertThat(api.json().get("detail").asText()).isEqualTo("url is not a URL: Illegal character in authority at index 8: https://exa mple.org/hook");
    }

    @Test
    void a_cost_line_without_a_category_and_an_assumption_without_a_reason_are_refused_in_norwegian() {
        var cost = post("/app/costs", "/app/costs?lang=nb", "incurredOn", "2026-03-02", "amount", "200", "currency", "EUR", "lang", "nb");
        assertThat(cost.status()).isEqualTo(422);
        assertThat(cost.body()).contains("velg en kategori").doesNotContain("choose a category");
        var assumption = post("/app/assumptions/marketing", "/app/assumptions?lang=nb", "parameter", "cpm", "channel", "linkedin_post",
                "value", "12.5", "lang", "nb");
        assertThat(assumption.status()).isEqualTo(422);
        assertThat(assumption.body()).contains("begrunnelse må fylles ut: si hvor verdien kommer fra").doesNotContain("reason is required");
    }

    @Test
    void inviting_a_user_who_exists_is_refused_in_norwegian_with_the_address_filled_in() {
        var taken = post("/app/users/invite?lang=nb", "/app/users?lang=nb", "email", "owner@vik.example", "name", "Eier To", "role", "issuer");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("en bruker med e-postadressen owner@vik.example finnes allerede i organisasjonen")
                .doesNotContain("already exists");
    }

    @Test
    void the_api_answers_the_same_refusal_in_english_whatever_the_language_asked_for() {
        var api = server.send("POST", "/api/v1/webhooks", key, "{\"url\":\"http://93.184.216.34/hook\",\"events\":[\"credential.issued\"]}",
                "Accept-Language", "nb");
        assertThat(api.status()).isEqualTo(422);
        assertThat(api.json().get("detail").asText()).isEqualTo("webhook endpoints must use https, not http");
    }
}
