package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first run of a fresh installation: the setup page, its one-time code, and no second claim. */
@Tag("integration")
class SetupTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    Path data;

    @Test
    void a_fresh_server_is_claimed_once_with_the_code_it_printed_and_wrong_codes_are_throttled() throws Exception {
        SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (ServerHarness server = new ServerHarness(data, clock)) {
            String code = server.credence.setupCode().orElseThrow();
            assertThat(code).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}");
            // only the code's SHA-256 is stored
            byte[] stored = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT code_hash FROM setup_code").mapTo(byte[].class).one());
            assertThat(stored).isEqualTo(MessageDigest.getInstance("SHA-256").digest(code.replace("-", "").getBytes(StandardCharsets.UTF_8)));

            assertThat(server.page("/", null).body()).contains("href=\"/setup\"");
            var form = server.page("/setup", null);
            assertThat(form.status()).isEqualTo(200);
            assertThat(form.body()).contains("name=\"code\"").contains("name=\"organisation.slug\"").contains("name=\"owner.password\"");
            assertThat(server.page("/setup?lang=nb", null).body()).contains("Oppsettskode");

            // a field refused keeps what was typed and does not use the code up
            var badSlug = setup(server, code, "Fjord Fagskole!", "owner@fjord.example");
            assertThat(badSlug.status()).isEqualTo(422);
            assertThat(badSlug.body()).contains("id=\"organisation.slug-error\"").contains("value=\"owner@fjord.example\"").doesNotContain(PASSWORD);
            var shortPassword = setupWith(server, code, "fjord", "owner@fjord.example", "short");
            assertThat(shortPassword.status()).isEqualTo(422);
            assertThat(shortPassword.body()).contains("id=\"owner.password-error\"");

            for (int i = 0; i < org.credence.user.Setup.MAX_FAILURES; i++) {
                var wrong = setup(server, "AAAA-BBBB-CCCC-DDD" + i, "fjord", "owner@fjord.example");
                assertThat(wrong.status()).isEqualTo(422);
                assertThat(wrong.body()).contains("The setup code is wrong");
            }
            // locked: even the right code waits, and says so
            var locked = setup(server, code, "fjord", "owner@fjord.example");
            assertThat(locked.status()).isEqualTo(429);
            assertThat(locked.headers().firstValue("Retry-After")).isPresent();
            assertThat(server.page("/app", null).status()).isEqualTo(303);
            clock.advance(Duration.ofMinutes(15).plusSeconds(1));

            var done = setup(server, code.toLowerCase(java.util.Locale.ROOT), "fjord", "owner@fjord.example");
            assertThat(done.status()).as(done.body()).isEqualTo(303);
            assertThat(done.headers().firstValue("Location")).hasValue("/app");
            String cookie = AccountsHttp.sessionCookie(done);
            var app = server.page("/app", cookie);
            assertThat(app.status()).isEqualTo(200);
            assertThat(app.body()).contains("Fjord Fagskole").contains("Owner");

            // the same code, or any code, cannot claim the server again
            var again = setup(server, code, "other", "thief@evil.example");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body()).contains("Setup is done");
            assertThat(server.page("/setup", null).body()).contains("Setup is done").doesNotContain("name=\"code\"");
            assertThat(server.page("/", null).body()).doesNotContain("href=\"/setup\"");
            assertThat(server.send("GET", "/tenants/other/did.json", null, null).status()).isEqualTo(404);

            // the organisation went through the tenant service: it has a signing key, a did:web document and its audit record
            assertThat(server.send("GET", "/tenants/fjord/did.json", null, null).status()).isEqualTo(200);
            var audit = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT action FROM audit_event ORDER BY id").mapTo(String.class).list());
            assertThat(audit).contains("setup.code.wrong", "setup.code.used", "tenant.create", "user.create");
            server.restart();
            assertThat(server.credence.setupCode()).isEmpty();
        }
    }

    private static ServerHarness.Response setup(ServerHarness server, String code, String slug, String email) {
        return setupWith(server, code, slug, email, PASSWORD);
    }

    private static ServerHarness.Response setupWith(ServerHarness server, String code, String slug, String email, String password) {
        return server.form("/setup", null, "code", code, "organisation.name", "Fjord Fagskole", "organisation.slug", slug,
                "organisation.url", "https://fjord.example", "organisation.locale", "nb", "owner.name", "Kari Nordmann", "owner.email", email,
                "owner.password", password);
    }
}
