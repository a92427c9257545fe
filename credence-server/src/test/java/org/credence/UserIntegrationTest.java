package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, signing in, sessions and CSRF over real HTTP, with a clock the test moves. */
@Tag("integration")
class UserIntegrationTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static SettableClock clock = new SettableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    static ServerHarness server;
    static String acme;
    static String globex;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data, clock);
        acme = server.tenant("acme");
        globex = server.tenant("globex");
        user(acme, "owner@acme.example", "owner");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode user(String key, String email, String role) {
        var created = server.send("POST", "/api/v1/users", key,
                "{\"email\": \"" + email + "\", \"name\": \"Kari <i>Nordmann</i>\", \"role\": \"" + role + "\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    static ServerHarness.Response post(String path, String cookie, String... fields) {
        return server.form(path, cookie, fields);
    }

    static ServerHarness.Response get(String path, String cookie) {
        return server.sendBytes("GET", path, null, null, "Cookie", cookie == null ? null : "credence_session=" + cookie);
    }

    static ServerHarness.Response login(String slug, String email, String password, String next) {
        return post("/login", null, "tenant", slug, "email", email, "password", password, "next", next);
    }

    /** Signs in and returns the session cookie's value. */
    static String signIn(String email) {
        var response = login("acme", email, PASSWORD, "/app");
        assertThat(response.status()).as(response.body()).isEqualTo(303);
        return sessionCookie(response);
    }

    static String sessionCookie(ServerHarness.Response response) {
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence_session=")).findFirst().orElseThrow();
        return header.substring("credence_session=".length(), header.indexOf(';'));
    }

    static String csrf(String cookie) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get("/app", cookie).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void the_user_api_creates_lists_and_reads_users_and_never_returns_a_password_hash() {
        JsonNode created = user(acme, "Viewer.One@acme.example", "viewer");
        assertThat(created.get("role").asText()).isEqualTo("viewer");
        var list = server.send("GET", "/api/v1/users", acme, null);
        assertThat(list.json().get("items").findValuesAsText("email")).contains("Viewer.One@acme.example", "owner@acme.example");
        var one = server.send("GET", "/api/v1/users/" + created.get("id").asLong(), acme, null);
        assertThat(one.json().get("email").asText()).isEqualTo("Viewer.One@acme.example");
        assertThat(list.body() + one.body() + created.toString()).doesNotContain("argon2").doesNotContain("password").doesNotContain(PASSWORD);

        var sameInOtherCase = server.send("POST", "/api/v1/users", acme,
                "{\"email\": \"viewer.one@ACME.example\", \"name\": \"V\", \"role\": \"viewer\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(sameInOtherCase.status()).isEqualTo(409);
        var shortPassword = server.send("POST", "/api/v1/users", acme, "{\"email\": \"s@acme.example\", \"name\": \"S\", \"role\": \"viewer\", \"password\": \"elevenchars\"}");
        assertThat(shortPassword.status()).isEqualTo(422);
        assertThat(shortPassword.json().get("field").asText()).isEqualTo("password");
        var badRole = server.send("POST", "/api/v1/users", acme, "{\"email\": \"r@acme.example\", \"name\": \"R\", \"role\": \"god\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(badRole.json().get("field").asText()).isEqualTo("role");
    }

    @Test
    void signing_in_sets_a_hardened_cookie_and_a_new_session_every_time() {
        user(acme, "issuer@acme.example", "issuer");
        var response = login("ACME", "ISSUER@acme.example", PASSWORD, "/app");
        assertThat(response.status()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/app");
        String setCookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence_session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
        String first = sessionCookie(response);
        var home = get("/app", first);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Kari &lt;i&gt;Nordmann&lt;/i&gt;").contains("Issuer").contains("Issue credentials")
                .doesNotContain("See dashboards").contains("acme Academy");
        assertThat(get("/app?lang=nb", first).body()).contains("Utsteder").contains("Logg ut");

        // signing in again, even carrying the old cookie, gives a new session id and ends the old one
        var again = server.sendBytes("POST", "/login", null, ("tenant=acme&email=issuer%40acme.example&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded", "Cookie", "credence_session=" + first);
        String second = sessionCookie(again);
        assertThat(second).isNotEqualTo(first);
        assertThat(get("/app", first).status()).isEqualTo(303);
        assertThat(get("/app", second).status()).isEqualTo(200);
        var events = server.send("GET", "/api/v1/audit", acme, null).json().get("items");
        assertThat(events.findValuesAsText("action")).contains("user.login");
        assertThat(events.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_generic_answer() {
        var wrongPassword = login("acme", "owner@acme.example", "not the password!", "/app");
        var unknownEmail = login("acme", "nobody@acme.example", PASSWORD, "/app");
        var unknownTenant = login("nosuch", "owner@acme.example", PASSWORD, "/app");
        for (var response : java.util.List.of(wrongPassword, unknownEmail, unknownTenant)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).contains("The e-mail or password is wrong.");
            assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("credence_session=") && !c.startsWith("credence_session=;"));
        }
        assertThat(wrongPassword.body().replace("owner@acme.example", "X")).isEqualTo(unknownEmail.body().replace("nobody@acme.example", "X"));
        var events = server.send("GET", "/api/v1/audit", acme, null).json().get("items");
        assertThat(events.findValuesAsText("action")).contains("user.login.failed");
        assertThat(events.toString()).doesNotContain("not the password!");
        assertThat(post("/login", null, "tenant", "acme", "email", "owner@acme.example", "password", "x".repeat(5000)).status()).isEqualTo(401);
    }

    @Test
    void five_failures_for_one_email_lock_it_out_for_15_minutes() {
        user(acme, "throttled@acme.example", "viewer");
        for (int i = 0; i < 5; i++) {
            assertThat(login("acme", "throttled@acme.example", "wrong password " + i, "/app").status()).isEqualTo(401);
        }
        var locked = login("acme", "throttled@acme.example", PASSWORD, "/app");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("Too many failed sign-ins");
        // another e-mail at the same tenant is not affected
        assertThat(login("acme", "owner@acme.example", PASSWORD, "/app").status()).isEqualTo(303);
        clock.advance(Duration.ofMinutes(14));
        assertThat(login("acme", "throttled@acme.example", PASSWORD, "/app").status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(login("acme", "throttled@acme.example", PASSWORD, "/app").status()).isEqualTo(303);
    }

    @Test
    void a_session_ends_after_8_idle_hours_and_after_7_days_whatever_the_activity() {
        user(acme, "idle@acme.example", "viewer");
        String idle = signIn("idle@acme.example");
        clock.advance(Duration.ofHours(7));
        assertThat(get("/app", idle).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(7));
        assertThat(get("/app", idle).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(8).plusSeconds(1));
        var expired = get("/app", idle);
        assertThat(expired.status()).isEqualTo(303);
        assertThat(expired.headers().firstValue("Location")).contains("/login?next=%2Fapp");

        String busy = signIn("idle@acme.example");
        // active every 7 hours: alive at 161 hours, gone at 168 (7 days)
        for (int hours = 7; hours <= 161; hours += 7) {
            clock.advance(Duration.ofHours(7));
            assertThat(get("/app", busy).status()).as("after %d hours", hours).isEqualTo(200);
        }
        clock.advance(Duration.ofHours(7));
        assertThat(get("/app", busy).status()).isEqualTo(303);
    }

    @Test
    void a_state_changing_request_without_the_right_csrf_token_or_from_another_site_is_refused() {
        user(acme, "csrf@acme.example", "viewer");
        String cookie = signIn("csrf@acme.example");
        String token = csrf(cookie);
        assertThat(post("/logout", cookie).status()).isEqualTo(403);
        var stale = post("/logout?lang=en", cookie, "csrf", "wrong-token");
        assertThat(stale.status()).isEqualTo(403);
        // a form sent by a browser gets a page it can act on; a script gets a problem
        assertThat(stale.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(stale.body()).contains("This form was not accepted").contains("reload the page");
        var scripted = server.sendBytes("POST", "/logout", null, null, "X-CSRF-Token", "wrong-token", "Cookie", "credence_session=" + cookie);
        assertThat(scripted.status()).isEqualTo(403);
        assertThat(scripted.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var foreign = server.sendBytes("POST", "/logout", null, ("csrf=" + token).getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/x-www-form-urlencoded", "Cookie", "credence_session=" + cookie, "Origin", "https://evil.example");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(get("/app", cookie).status()).isEqualTo(200);
        var crossSiteLogin = server.sendBytes("POST", "/login", null, "tenant=acme&email=csrf%40acme.example&password=x".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Referer", "https://evil.example/form");
        assertThat(crossSiteLogin.status()).isEqualTo(403);

        var viaHeader = server.sendBytes("POST", "/logout", null, null, "X-CSRF-Token", token, "Cookie", "credence_session=" + cookie,
                "Origin", server.base());
        assertThat(viaHeader.status()).isEqualTo(303);
        assertThat(get("/app", cookie).status()).isEqualTo(303);

        String again = signIn("csrf@acme.example");
        assertThat(post("/logout", again, "csrf", csrf(again)).status()).isEqualTo(303);
        assertThat(get("/app", again).status()).isEqualTo(303);
    }

    @Test
    void an_api_key_request_needs_no_csrf_token_even_with_a_session_cookie() {
        String cookie = signIn("owner@acme.example");
        var withKey = server.sendBytes("POST", "/api/v1/users", acme, ("{\"email\": \"keyed@acme.example\", \"name\": \"K\", \"role\": \"viewer\", \"password\": \""
                + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json", "Cookie", "credence_session=" + cookie);
        assertThat(withKey.status()).isEqualTo(201);
    }

    @Test
    void roles_decide_which_pages_open() {
        user(acme, "analyst@acme.example", "analyst");
        String analyst = signIn("analyst@acme.example");
        assertThat(get("/app", analyst).body()).contains("See dashboards and analytics").doesNotContain("Issue credentials").doesNotContain("/app/users");
        var forbidden = get("/app/users", analyst);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Not allowed");
        assertThat(get("/app/users?lang=nb", analyst).body()).contains("Ikke tillatt");
        String owner = signIn("owner@acme.example");
        assertThat(get("/app", owner).body()).contains("/app/users");
        var users = get("/app/users", owner);
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).contains("analyst@acme.example").contains("Kari &lt;i&gt;");
        var signedOut = get("/app/users?x=1", null);
        assertThat(signedOut.status()).isEqualTo(303);
        assertThat(signedOut.headers().firstValue("Location")).contains("/login?next=%2Fapp%2Fusers%3Fx%3D1");
    }

    @Test
    void the_next_parameter_only_leads_to_a_path_on_this_site() {
        for (String evil : new String[] {"//evil.example", "https://evil.example/app", "/\\evil.example", "javascript:alert(1)", "\\\\evil", "/\r\nSet-Cookie:evil=1", "app"}) {
            var response = login("acme", "owner@acme.example", PASSWORD, evil);
            assertThat(response.headers().firstValue("Location")).as(evil).contains("/app");
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(evil).doesNotContain("evil");
        }
        assertThat(login("acme", "owner@acme.example", PASSWORD, "/app/users?lang=nb").headers().firstValue("Location")).contains("/app/users?lang=nb");
        assertThat(get("/login?next=//evil.example", null).body()).contains("value=\"/app\"");
    }

    @Test
    void the_last_active_owner_can_be_neither_demoted_nor_disabled_and_disabling_ends_sessions() {
        String key = server.tenant("solo");
        long owner = user(key, "only@solo.example", "owner").get("id").asLong();
        assertThat(server.send("PATCH", "/api/v1/users/" + owner, key, "{\"role\": \"viewer\"}").status()).isEqualTo(409);
        assertThat(server.send("PATCH", "/api/v1/users/" + owner, key, "{\"disabled\": true}").status()).isEqualTo(409);
        long second = user(key, "second@solo.example", "viewer").get("id").asLong();
        var rename = server.send("PATCH", "/api/v1/users/" + second, key, "{\"name\": \"Second Owner\", \"role\": \"owner\"}");
        assertThat(rename.json().get("role").asText()).isEqualTo("owner");
        assertThat(rename.json().get("name").asText()).isEqualTo("Second Owner");
        assertThat(server.send("PATCH", "/api/v1/users/" + owner, key, "{\"role\": \"issuer\"}").status()).isEqualTo(200);
        assertThat(server.send("PATCH", "/api/v1/users/" + second, key, "{\"disabled\": true}").status()).isEqualTo(409);
        assertThat(server.send("PATCH", "/api/v1/users/" + owner, key, "{\"disabled\": \"yes\"}").json().get("field").asText()).isEqualTo("disabled");

        var response = login("solo", "only@solo.example", PASSWORD, "/app");
        String cookie = sessionCookie(response);
        assertThat(get("/app", cookie).status()).isEqualTo(200);
        assertThat(server.send("PATCH", "/api/v1/users/" + owner, key, "{\"disabled\": true}").json().get("disabled").asBoolean()).isTrue();
        assertThat(get("/app", cookie).status()).isEqualTo(303);
        assertThat(login("solo", "only@solo.example", PASSWORD, "/app").status()).isEqualTo(401);
    }

    @Test
    void changing_ones_password_needs_the_current_one_and_signs_out_every_other_session() {
        user(acme, "changer@acme.example", "viewer");
        String here = signIn("changer@acme.example");
        String elsewhere = signIn("changer@acme.example");
        String token = csrf(here);
        assertThat(get("/app", here).body()).contains("href=\"/app/password\"");
        assertThat(get("/app/password", here).body()).contains("name=\"current\"").contains("name=\"repeat\"");
        assertThat(get("/app/password", null).status()).as("signed out: to the login page").isEqualTo(303);

        String next = "a new one, long enough";
        var noToken = post("/app/password", here, "current", PASSWORD, "password", next, "repeat", next);
        assertThat(noToken.status()).isEqualTo(403);
        var wrong = post("/app/password", here, "csrf", token, "current", "not the password", "password", next, "repeat", next);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("The current password is wrong.");
        assertThat(post("/app/password", here, "csrf", token, "current", PASSWORD, "password", "short", "repeat", "short").body())
                .contains("A password needs 12 to 1024 characters.");
        assertThat(post("/app/password", here, "csrf", token, "current", PASSWORD, "password", next, "repeat", next + "!").body())
                .contains("The two new passwords differ.");
        assertThat(login("acme", "changer@acme.example", PASSWORD, "/app").status()).as("refusals changed nothing").isEqualTo(303);

        var changed = post("/app/password?lang=nb", here, "csrf", token, "current", PASSWORD, "password", next, "repeat", next);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).contains("Passordet er byttet");
        assertThat(get("/app", here).status()).as("this session stays").isEqualTo(200);
        assertThat(get("/app", elsewhere).status()).as("the other is signed out").isEqualTo(303);
        assertThat(login("acme", "changer@acme.example", PASSWORD, "/app").status()).isEqualTo(401);
        assertThat(login("acme", "changer@acme.example", next, "/app").status()).isEqualTo(303);
        var audit = server.send("GET", "/api/v1/audit", acme, null).json().get("items");
        assertThat(audit.findValuesAsText("action")).contains("user.password.change");
        assertThat(audit.toString()).doesNotContain(next);
    }

    @Test
    void guessing_the_current_password_through_a_borrowed_session_is_throttled_like_signing_in() {
        user(acme, "borrowed@acme.example", "viewer");
        String cookie = signIn("borrowed@acme.example");
        String token = csrf(cookie);
        String next = "a new one, long enough";
        for (int i = 0; i < 5; i++) {
            assertThat(post("/app/password", cookie, "csrf", token, "current", "guess number " + i, "password", next, "repeat", next).status())
                    .isEqualTo(422);
        }
        var locked = post("/app/password", cookie, "csrf", token, "current", PASSWORD, "password", next, "repeat", next);
        assertThat(locked.status()).as("even the right password waits out the lock").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        clock.advance(java.time.Duration.ofMinutes(16));
        assertThat(post("/app/password", cookie, "csrf", token, "current", PASSWORD, "password", next, "repeat", next).status()).isEqualTo(200);
        var audit = server.send("GET", "/api/v1/audit", acme, null).json().get("items");
        assertThat(audit.findValuesAsText("action")).contains("user.password.confirm.failed");
    }

    @Test
    void a_tenant_never_sees_another_tenants_users() {
        long acmeUser = user(acme, "private@acme.example", "issuer").get("id").asLong();
        assertThat(server.send("GET", "/api/v1/users/" + acmeUser, globex, null).status()).isEqualTo(404);
        assertThat(server.send("PATCH", "/api/v1/users/" + acmeUser, globex, "{\"disabled\": true}").status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/users", globex, null).json().get("items").findValuesAsText("email")).doesNotContain("private@acme.example");
        assertThat(login("globex", "private@acme.example", PASSWORD, "/app").status()).isEqualTo(401);
        // the same e-mail may exist at two tenants, each with its own password
        user(globex, "private@acme.example", "viewer");
        var globexSession = login("globex", "private@acme.example", PASSWORD, "/app");
        assertThat(get("/app", sessionCookie(globexSession)).body()).contains("globex Academy").doesNotContain("acme Academy");
        assertThat(server.send("GET", "/api/v1/users", null, null).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/users", ServerHarness.ADMIN_KEY, null).status()).isEqualTo(403);
    }

    @Test
    void the_command_line_adds_a_tenants_first_owner_with_the_administrator_key_and_the_password_from_stdin() {
        server.tenant("clitenant");
        var stdin = System.in;
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int exit;
        try {
            System.setIn(new java.io.ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
            exit = org.credence.cli.CredenceCli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), "user", "create",
                    "--tenant", "clitenant", "--email", "first@cli.example", "--role", "owner", "--password-stdin",
                    "--server", server.base(), "--api-key", ServerHarness.ADMIN_KEY);
        } finally {
            System.setIn(stdin);
        }
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"role\" : \"owner\"").doesNotContain(PASSWORD);
        assertThat(login("clitenant", "first@cli.example", PASSWORD, "/app").status()).isEqualTo(303);
        // a tenant's key cannot reach another tenant's users by naming it
        assertThat(server.send("GET", "/api/v1/users?tenant=clitenant", acme, null).status()).isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/users?tenant=nosuch", ServerHarness.ADMIN_KEY, null).status()).isEqualTo(404);
    }
}
