package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /app/users} and {@code /app/api-keys}: who may open them, what they change, and never another tenant's rows. */
@Tag("integration")
class UsersAndApiKeysPagesTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static ServerHarness server;
    static String acme;
    static String globex;
    static String owner;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        acme = server.tenant("acme");
        globex = server.tenant("globex");
        server.user(acme, "owner@acme.example", "owner", PASSWORD);
        server.user(acme, "viewer@acme.example", "viewer", PASSWORD);
        server.user(globex, "secret-person@globex.example", "owner", PASSWORD);
        owner = server.signIn("acme", "owner@acme.example", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_viewer_is_refused_the_users_and_api_keys_pages_and_their_forms() {
        String viewer = server.signIn("acme", "viewer@acme.example", PASSWORD);
        String csrf = AccountsHttp.csrf(server.page("/app", viewer).body());
        for (String path : List.of("/app/users", "/app/api-keys")) {
            var page = server.page(path, viewer);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.body()).doesNotContain("owner@acme.example").doesNotContain("crd_");
        }
        assertThat(server.form("/app/users/invite", viewer, "csrf", csrf, "email", "x@acme.example", "name", "X", "role", "owner").status())
                .isEqualTo(403);
        assertThat(server.form("/app/api-keys", viewer, "csrf", csrf, "label", "mine", "scopes", "admin").status()).isEqualTo(403);
        assertThat(server.page("/app", viewer).body()).doesNotContain("href=\"/app/users\"").doesNotContain("href=\"/app/api-keys\"");
        assertThat(server.page("/app/users", null).status()).isEqualTo(303);
    }

    @Test
    void the_owner_lists_only_their_own_tenants_users_and_cannot_touch_another_tenants() {
        var page = server.page("/app/users", owner);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("owner@acme.example").contains("viewer@acme.example").doesNotContain("globex.example");
        long globexUser = server.send("GET", "/api/v1/users", globex, null).json().get("items").get(0).get("id").asLong();
        String csrf = AccountsHttp.csrf(page.body());
        var foreign = server.form("/app/users/" + globexUser + "/disable", owner, "csrf", csrf, "confirm", "yes");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("secret-person");
        assertThat(server.send("GET", "/api/v1/users/" + globexUser, globex, null).json().get("disabled").asBoolean()).isFalse();
    }

    @Test
    void an_invitation_mails_a_link_to_choose_a_password_and_roles_change_with_the_last_owner_kept() {
        String csrf = AccountsHttp.csrf(server.page("/app/users", owner).body());
        var bad = server.form("/app/users/invite", owner, "csrf", csrf, "email", "not an address", "name", "Ola", "role", "issuer");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"email-error\"").contains("value=\"Ola\"");
        var invited = server.form("/app/users/invite?lang=nb", owner, "csrf", csrf, "email", "ola@acme.example", "name", "Ola Nordmann", "role", "issuer");
        assertThat(invited.status()).isEqualTo(303);
        assertThat(invited.headers().firstValue("Location")).hasValue("/app/users?done=users.invited&lang=nb");
        assertThat(server.page("/app/users?done=users.invited&lang=nb", owner).body()).contains("Invitasjonen er på vei").contains("ola@acme.example");

        // the invitee has no password that works until they choose one through the mailed link (in the inviter's language)
        String mail = AccountsHttp.mailTo(server, "ola@acme.example");
        assertThat(mail).contains("invitert til acme Academy");
        String token = AccountsHttp.resetToken(mail);
        assertThat(server.page("/password-reset/" + token + "?lang=nb", null).body()).contains("Velg passordet ditt");
        assertThat(server.form("/password-reset/" + token, null, "password", PASSWORD, "repeat", PASSWORD).status()).isEqualTo(200);
        String ola = server.signIn("acme", "ola@acme.example", PASSWORD);
        assertThat(server.page("/app/credentials", ola).status()).isEqualTo(200);

        long olaId = id("ola@acme.example");
        var promoted = server.form("/app/users/" + olaId + "/role", owner, "csrf", csrf, "role", "analyst");
        assertThat(promoted.status()).isEqualTo(303);
        assertThat(server.send("GET", "/api/v1/users/" + olaId, acme, null).json().get("role").asText()).isEqualTo("analyst");
        assertThat(server.form("/app/users/" + olaId + "/disable", owner, "csrf", csrf).status()).as("without its confirmation").isEqualTo(422);
        assertThat(server.form("/app/users/" + olaId + "/disable", owner, "csrf", csrf, "confirm", "yes").status()).isEqualTo(303);
        assertThat(server.page("/app", ola).status()).as("a disabled user's session ends").isEqualTo(303);
        assertThat(server.form("/app/users/" + olaId + "/enable", owner, "csrf", csrf).status()).isEqualTo(303);
        server.signIn("acme", "ola@acme.example", PASSWORD);

        long ownerId = id("owner@acme.example");
        var lastOwner = server.form("/app/users/" + ownerId + "/role", owner, "csrf", csrf, "role", "viewer");
        assertThat(lastOwner.status()).isEqualTo(409);
        assertThat(lastOwner.body()).contains("last active owner");
        assertThat(server.form("/app/users/" + ownerId + "/disable", owner, "csrf", csrf, "confirm", "yes").status()).isEqualTo(409);
        assertThat(server.page("/app", owner).status()).isEqualTo(200);

        var audit = server.send("GET", "/api/v1/audit", acme, null).json().get("items");
        assertThat(audit.findValuesAsText("action")).contains("user.invite", "user.password.invitation", "user.update");
        assertThat(audit.findValuesAsText("actor")).contains("user:" + ownerId);
    }

    @Test
    void an_invited_user_who_has_not_chosen_a_password_shows_as_invited_until_they_do() {
        String csrf = AccountsHttp.csrf(server.page("/app/users", owner).body());
        assertThat(server.form("/app/users/invite", owner, "csrf", csrf, "email", "kari@acme.example", "name", "Kari", "role", "viewer").status())
                .isEqualTo(303);
        assertThat(server.form("/app/users/invite", owner, "csrf", csrf, "email", "per@acme.example", "name", "Per", "role", "viewer").status())
                .isEqualTo(303);
        long kari = id("kari@acme.example");
        long per = id("per@acme.example");
        assertThat(row(server.page("/app/users", owner).body(), kari)).contains(">Invited<").doesNotContain(">Active<");
        assertThat(row(server.page("/app/users?lang=nb", owner).body(), kari)).contains(">Invitert<");
        // disabling an invitee shows them disabled, as anyone
        assertThat(server.form("/app/users/" + per + "/disable", owner, "csrf", csrf, "confirm", "yes").status()).isEqualTo(303);
        assertThat(row(server.page("/app/users", owner).body(), per)).contains(">Disabled<").doesNotContain(">Invited<");

        String token = AccountsHttp.resetToken(AccountsHttp.mailTo(server, "kari@acme.example"));
        assertThat(server.form("/password-reset/" + token, null, "password", PASSWORD, "repeat", PASSWORD).status()).isEqualTo(200);
        assertThat(row(server.page("/app/users", owner).body(), kari)).contains(">Active<").doesNotContain(">Invited<");
        assertThat(row(server.page("/app/users", owner).body(), id("owner@acme.example"))).contains(">Active<");
    }

    /** The users table's row of user {@code id}. */
    private static String row(String page, long id) {
        int start = page.indexOf("<tr id=\"user-" + id + "\"");
        assertThat(start).as("row of user " + id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void an_api_key_is_shown_once_then_listed_without_its_secret_rotated_and_revoked() {
        var page = server.page("/app/api-keys", owner);
        assertThat(page.status()).isEqualTo(200);
        String csrf = AccountsHttp.csrf(page.body());
        var noScope = server.form("/app/api-keys", owner, "csrf", csrf, "label", "LMS");
        assertThat(noScope.status()).isEqualTo(422);
        assertThat(noScope.body()).contains("id=\"scopes-error\"").contains("value=\"LMS\"");

        var created = server.sendBytes("POST", "/app/api-keys", null, ("csrf=" + csrf + "&label=LMS+sync&scopes=issue&scopes=read").getBytes(),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", "credence_session=" + owner);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String key = AccountsHttp.match(created.body(), "id=\"new-key\" readonly value=\"(crd_[0-9a-f]{12}_[A-Za-z0-9_-]+)\"");
        String prefix = key.substring(4, 16);
        assertThat(server.send("GET", "/api/v1/credentials", key, null).status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/users", key, null).status()).as("no admin scope").isEqualTo(403);

        var listed = server.page("/app/api-keys", owner);
        assertThat(listed.body()).contains("LMS sync").contains("crd_" + prefix).contains("issue, read").doesNotContain(key);
        // globex's keys are not listed, and cannot be revoked from acme
        String globexPrefix = globex.substring(4, 16);
        assertThat(listed.body()).doesNotContain(globexPrefix);
        assertThat(server.form("/app/api-keys/" + globexPrefix + "/revoke", owner, "csrf", csrf, "confirm", "yes").status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/users", globex, null).status()).isEqualTo(200);

        var rotated = server.form("/app/api-keys/" + prefix + "/rotate", owner, "csrf", csrf, "confirm", "yes");
        assertThat(rotated.status()).isEqualTo(200);
        String next = AccountsHttp.match(rotated.body(), "id=\"new-key\" readonly value=\"(crd_[0-9a-f]{12}_[A-Za-z0-9_-]+)\"");
        assertThat(next).isNotEqualTo(key);
        assertThat(server.send("GET", "/api/v1/credentials", key, null).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/credentials", next, null).status()).isEqualTo(200);

        String nextPrefix = next.substring(4, 16);
        assertThat(server.form("/app/api-keys/" + nextPrefix + "/revoke", owner, "csrf", csrf).status()).as("without confirmation").isEqualTo(303);
        assertThat(server.send("GET", "/api/v1/credentials", next, null).status()).isEqualTo(200);
        var revoked = server.form("/app/api-keys/" + nextPrefix + "/revoke", owner, "csrf", csrf, "confirm", "yes");
        assertThat(revoked.status()).isEqualTo(303);
        assertThat(server.send("GET", "/api/v1/credentials", next, null).status()).isEqualTo(401);
        var audit = server.send("GET", "/api/v1/audit", acme, null).json().get("items").findValuesAsText("action");
        assertThat(audit).contains("api-key.create", "api-key.rotate", "api-key.revoke");
    }

    private static long id(String email) {
        for (var user : server.send("GET", "/api/v1/users", acme, null).json().get("items")) {
            if (user.get("email").asText().equals(email)) {
                return user.get("id").asLong();
            }
        }
        throw new AssertionError("no user " + email);
    }
}
