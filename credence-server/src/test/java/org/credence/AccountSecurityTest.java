package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password reset by e-mail, the TOTP second factor with recovery codes, and signing out everywhere, over real HTTP. */
@Tag("integration")
class AccountSecurityTest {
    static final String PASSWORD = "a long enough passphrase";
    static final String NEW_PASSWORD = "another long passphrase";
    @TempDir
    static Path data;
    static SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    static ServerHarness server;
    static String acme;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data, clock);
        acme = server.tenant("acme");
        server.tenant("globex");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_reset_link_works_once_ends_every_session_and_unknown_addresses_get_the_same_answer() {
        server.user(acme, "reset@acme.example", "issuer", PASSWORD);
        String laptop = server.signIn("acme", "reset@acme.example", PASSWORD);
        String phone = server.signIn("acme", "reset@acme.example", PASSWORD);

        var known = requestReset("acme", "reset@acme.example");
        var unknown = requestReset("acme", "nobody@acme.example");
        var otherTenant = requestReset("globex", "reset@acme.example");
        assertThat(known.status()).isEqualTo(200);
        assertThat(List.of(unknown.body(), otherTenant.body())).allSatisfy(body -> assertThat(body).isEqualTo(known.body()));
        assertThat(known.body()).contains("Check your e-mail");
        assertThat(AccountsHttp.mailsTo(server, "nobody@acme.example")).isZero();
        String mail = AccountsHttp.mailTo(server, "reset@acme.example");
        assertThat(mail).contains("Choose a new password for acme Academy").contains("30 minutes");
        String token = AccountsHttp.resetToken(mail);

        var form = server.page("/password-reset/" + token, null);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("reset@acme.example").contains("name=\"repeat\"");
        assertThat(form.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        var mismatch = server.form("/password-reset/" + token, null, "password", NEW_PASSWORD, "repeat", NEW_PASSWORD + "!");
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.body()).contains("The two passwords differ");
        var chosen = server.form("/password-reset/" + token, null, "password", NEW_PASSWORD, "repeat", NEW_PASSWORD);
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.body()).contains("Password saved");

        // every session of the user ended; the old password is gone, the new one signs in
        assertThat(server.page("/app", laptop).status()).isEqualTo(303);
        assertThat(server.page("/app", phone).status()).isEqualTo(303);
        assertThat(server.form("/login", null, "tenant", "acme", "email", "reset@acme.example", "password", PASSWORD).status()).isEqualTo(401);
        server.signIn("acme", "reset@acme.example", NEW_PASSWORD);

        // the link works once
        assertThat(server.page("/password-reset/" + token, null).status()).isEqualTo(404);
        var reused = server.form("/password-reset/" + token, null, "password", "a third long passphrase", "repeat", "a third long passphrase");
        assertThat(reused.status()).isEqualTo(404);
        assertThat(reused.body()).contains("does not work any more");
        server.signIn("acme", "reset@acme.example", NEW_PASSWORD);
        var audit = server.send("GET", "/api/v1/audit", acme, null).json().get("items").findValuesAsText("action");
        assertThat(audit).contains("user.password.reset", "user.password.reset.done", "user.password.reset.unknown");
    }

    @Test
    void a_reset_link_expires_after_30_minutes_and_a_fourth_request_in_15_minutes_sends_nothing() {
        server.user(acme, "late@acme.example", "viewer", PASSWORD);
        requestReset("acme", "late@acme.example");
        String token = AccountsHttp.resetToken(AccountsHttp.mailTo(server, "late@acme.example"));
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        assertThat(server.page("/password-reset/" + token, null).status()).isEqualTo(404);
        assertThat(server.form("/password-reset/" + token, null, "password", NEW_PASSWORD, "repeat", NEW_PASSWORD).status()).isEqualTo(404);

        for (int i = 0; i < 4; i++) {
            assertThat(requestReset("acme", "late@acme.example").status()).isEqualTo(200);
        }
        assertThat(AccountsHttp.mailsTo(server, "late@acme.example")).isEqualTo(1 + 3);
        server.signIn("acme", "late@acme.example", PASSWORD);
    }

    @Test
    void totp_asks_for_a_code_after_the_password_and_recovery_codes_work_once() throws Exception {
        server.user(acme, "totp@acme.example", "analyst", PASSWORD);
        String cookie = server.signIn("acme", "totp@acme.example", PASSWORD);
        var account = server.page("/app/account", cookie);
        assertThat(account.body()).contains("Off: signing in asks for your password only");
        String csrf = AccountsHttp.csrf(account.body());
        var enrol = server.form("/app/account/totp", cookie, "csrf", csrf);
        assertThat(enrol.status()).isEqualTo(200);
        assertThat(enrol.body()).contains("<svg role=\"img\"").contains("aria-label=\"QR code for your authenticator app\"");
        byte[] secret = new Base32().decode(AccountsHttp.match(enrol.body(), "id=\"totp-secret\"[^>]*>([A-Z2-7]+)<"));

        var wrong = server.form("/app/account/totp/confirm", cookie, "csrf", csrf, "code", wrongCode(secret));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("That code does not match");
        var confirmed = server.form("/app/account/totp/confirm", cookie, "csrf", csrf, "code", code(secret));
        assertThat(confirmed.status()).isEqualTo(200);
        List<String> recovery = codes(confirmed.body());
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"));
        assertThat(server.page("/app/account", cookie).body()).contains("On: signing in asks for a code").contains("10 recovery codes left");

        // the password alone no longer signs in: the code page asks for the code, and sets no session
        var password = login();
        assertThat(password.status()).isEqualTo(200);
        assertThat(password.body()).contains("Your sign-in code");
        assertThat(password.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("credence_session=") && !c.startsWith("credence_session=;"));
        String pending = pending(password.body());
        assertThat(server.form("/login/code", null, "pending", pending, "code", wrongCode(secret)).status()).isEqualTo(401);
        // the code used to turn TOTP on is not taken again; the next step's is
        assertThat(server.form("/login/code", null, "pending", pending, "code", code(secret)).status()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(30));
        var signedIn = server.form("/login/code", null, "pending", pending, "code", code(secret), "next", "/app/account");
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(server.page("/app", AccountsHttp.sessionCookie(signedIn)).status()).isEqualTo(200);
        assertThat(server.form("/login/code", null, "pending", pending, "code", code(secret)).status()).as("a finished sign-in's token").isEqualTo(401);

        // a recovery code signs in once
        var withRecovery = server.form("/login/code", null, "pending", pending(login().body()), "code", recovery.get(0).toLowerCase(Locale.ROOT));
        assertThat(withRecovery.status()).isEqualTo(303);
        assertThat(server.form("/login/code", null, "pending", pending(login().body()), "code", recovery.get(0)).status()).isEqualTo(401);
        String session = AccountsHttp.sessionCookie(withRecovery);
        assertThat(server.page("/app/account", session).body()).contains("9 recovery codes left");

        // turning it off needs the password and a code
        String token = AccountsHttp.csrf(server.page("/app/account", session).body());
        assertThat(server.form("/app/account/totp/disable", session, "csrf", token, "password", "not the password!", "code", recovery.get(1)).status())
                .isEqualTo(422);
        assertThat(server.form("/app/account/totp/disable", session, "csrf", token, "password", PASSWORD, "code", "000000").status()).isEqualTo(422);
        assertThat(server.form("/app/account/totp/disable", session, "csrf", token, "password", PASSWORD, "code", recovery.get(1)).status()).isEqualTo(200);
        assertThat(login().status()).isEqualTo(303);
        var audit = server.send("GET", "/api/v1/audit", acme, null).json().get("items").findValuesAsText("action");
        assertThat(audit).contains("user.totp.enable", "user.totp.disable", "user.login.code.failed", "user.login.password");
    }

    @Test
    void wrong_codes_are_throttled_even_for_someone_who_knows_the_password() throws Exception {
        byte[] secret = withTotp("guessed@acme.example").secret();
        for (int i = 0; i < 5; i++) {
            // a fresh sign-in with the right password each time does not reset the code's count
            var password = server.form("/login", null, "tenant", "acme", "email", "guessed@acme.example", "password", PASSWORD);
            assertThat(server.form("/login/code", null, "pending", pending(password.body()), "code", wrongCode(secret)).status()).isEqualTo(401);
        }
        var password = server.form("/login", null, "tenant", "acme", "email", "guessed@acme.example", "password", PASSWORD);
        clock.advance(Duration.ofSeconds(30));
        var locked = server.form("/login/code", null, "pending", pending(password.body()), "code", code(secret));
        assertThat(locked.status()).isEqualTo(429);
    }

    @Test
    void wrong_codes_when_turning_totp_off_are_throttled_though_each_try_gives_the_right_password() throws Exception {
        // the password re-check cleared its own count on every right password, so the code could be guessed without end
        Enrolled enrolled = withTotp("borrowed@acme.example");
        String cookie = enrolled.cookie();
        String csrf = enrolled.csrf();
        byte[] secret = enrolled.secret();
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            var wrong = server.form("/app/account/totp/disable", cookie, "csrf", csrf, "password", PASSWORD, "code", wrongCode(secret));
            assertThat(wrong.status()).isEqualTo(422);
            assertThat(wrong.body()).contains("That code does not match");
        }
        var locked = server.form("/app/account/totp/disable", cookie, "csrf", csrf, "password", PASSWORD, "code", code(secret));
        assertThat(locked.status()).as("the sixth try, with the right code, waits for the lock").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(server.page("/app/account", cookie).body()).contains("On: signing in asks for a code");
        // the same count as the sign-in's code step: that is locked too
        var password = server.form("/login", null, "tenant", "acme", "email", "borrowed@acme.example", "password", PASSWORD);
        assertThat(server.form("/login/code", null, "pending", pending(password.body()), "code", code(secret)).status()).isEqualTo(429);

        clock.advance(Duration.ofMinutes(16));
        var off = server.form("/app/account/totp/disable", cookie, "csrf", AccountsHttp.csrf(server.page("/app/account", cookie).body()),
                "password", PASSWORD, "code", code(secret));
        assertThat(off.status()).isEqualTo(200);
        var audit = server.send("GET", "/api/v1/audit", acme, null).json().get("items").findValuesAsText("action");
        assertThat(audit).contains("user.totp.disable.failed", "user.totp.disable.throttled", "user.totp.disable");
    }

    @Test
    void signing_out_everywhere_ends_every_session_of_the_user_only() {
        server.user(acme, "everywhere@acme.example", "viewer", PASSWORD);
        server.user(acme, "bystander@acme.example", "viewer", PASSWORD);
        String one = server.signIn("acme", "everywhere@acme.example", PASSWORD);
        String two = server.signIn("acme", "everywhere@acme.example", PASSWORD);
        String other = server.signIn("acme", "bystander@acme.example", PASSWORD);
        assertThat(server.form("/app/account/sign-out-everywhere", one).status()).as("without its CSRF token").isEqualTo(403);
        var out = server.form("/app/account/sign-out-everywhere", one, "csrf", AccountsHttp.csrf(server.page("/app/account", one).body()));
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/login");
        assertThat(server.page("/app", one).status()).isEqualTo(303);
        assertThat(server.page("/app", two).status()).isEqualTo(303);
        assertThat(server.page("/app", other).status()).isEqualTo(200);
    }

    /** A signed-in user who has turned TOTP on: their session, its CSRF token and the TOTP secret. */
    private record Enrolled(String cookie, String csrf, byte[] secret) {}

    /** A new viewer {@code email}, signed in, with TOTP turned on through the account page. */
    private static Enrolled withTotp(String email) throws Exception {
        server.user(acme, email, "viewer", PASSWORD);
        String cookie = server.signIn("acme", email, PASSWORD);
        String csrf = AccountsHttp.csrf(server.page("/app/account", cookie).body());
        var enrol = server.form("/app/account/totp", cookie, "csrf", csrf);
        byte[] secret = new Base32().decode(AccountsHttp.match(enrol.body(), "id=\"totp-secret\"[^>]*>([A-Z2-7]+)<"));
        assertThat(server.form("/app/account/totp/confirm", cookie, "csrf", csrf, "code", code(secret)).status()).isEqualTo(200);
        return new Enrolled(cookie, csrf, secret);
    }

    private static ServerHarness.Response requestReset(String organisation, String email) {
        return server.form("/password-reset", null, "organisation", organisation, "email", email);
    }

    private static ServerHarness.Response login() {
        return server.form("/login", null, "tenant", "acme", "email", "totp@acme.example", "password", PASSWORD, "next", "/app");
    }

    private static String pending(String page) {
        return AccountsHttp.match(page, "name=\"pending\" value=\"([A-Za-z0-9_-]+)\"");
    }

    private static List<String> codes(String page) {
        Matcher m = Pattern.compile("<li>([A-Z2-7-]{19})</li>").matcher(page);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The code an authenticator app shows now (the server's clock), computed with the same library. */
    private static String code(byte[] secret) throws Exception {
        return new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), clock.instant(), Locale.ROOT);
    }

    /** A code no step around now has. */
    private static String wrongCode(byte[] secret) throws Exception {
        var generator = new TimeBasedOneTimePasswordGenerator();
        var key = new SecretKeySpec(secret, "HmacSHA1");
        java.util.Set<String> near = new java.util.HashSet<>();
        for (int step = -1; step <= 1; step++) {
            near.add(generator.generateOneTimePasswordString(key, clock.instant().plusSeconds(30L * step), Locale.ROOT));
        }
        for (int candidate = 0; ; candidate++) {
            String code = String.format(Locale.ROOT, "%06d", candidate);
            if (!near.contains(code)) {
                return code;
            }
        }
    }
}
