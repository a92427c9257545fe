package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.audit.AuditChecks;
import org.credence.audit.AuditTrail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /app/audit} over real HTTP: filters, paging, the background check of the hash chain (and tampered entries, found by
 * the job and named on the page), roles and tenants.
 */
@Tag("integration")
class AuditPageTest {
    static final String PASSWORD = "a long enough passphrase";
    static final Pattern ENTRY = Pattern.compile("data-label=\"Entry\"><div>(\\d+)</div>");
    @TempDir
    static Path data;
    static ServerHarness server;
    static String acme;
    static String revoked;
    static String owner;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        acme = server.tenant("acme");
        long achievement = server.achievement(acme);
        for (String role : List.of("owner", "issuer", "analyst", "viewer")) {
            server.user(acme, role + "@acme.example", role, PASSWORD);
        }
        for (int i = 0; i < 55; i++) {
            var issued = server.send("POST", "/api/v1/credentials", acme, "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"P"
                    + i + "\", \"email\": \"p" + i + "@example.org\"}, \"notify\": false}");
            assertThat(issued.status()).isEqualTo(201);
            revoked = issued.json().get("number").asText();
        }
        owner = server.signIn("acme", "owner@acme.example", PASSWORD);
        // one change by the owner through the app, so the trail names a user
        var step = server.page("/app/credentials/" + revoked + "/revoke", owner).body();
        assertThat(server.form("/app/credentials/" + revoked + "/revoke", owner, "csrf", csrf(step), "confirm", "yes", "reason", "audit test")
                .status()).isEqualTo(303);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The background check's run, as the recurring job does it every minute. */
    static void checkChains() {
        checks().advanceAll();
    }

    static AuditChecks checks() {
        return new AuditChecks(server.credence.jdbi(), new AuditTrail(server.credence.jdbi()), Clock.systemUTC());
    }

    static long tenantId(String slug) {
        return server.credence.jdbi().withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = :slug").bind("slug", slug)
                .mapTo(Long.class).one());
    }

    static List<Long> entries(String page) {
        return ENTRY.matcher(page).results().map(r -> Long.parseLong(r.group(1))).toList();
    }

    @Test
    void the_trail_pages_newest_first_and_each_filter_narrows_it() {
        var page = server.page("/app/audit", owner);
        assertThat(page.status()).isEqualTo(200);
        List<Long> first = entries(page.body());
        assertThat(first).hasSize(50).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(page.body()).contains("aria-current=\"page\">Audit trail<").contains("credential.revoke").contains("audit test")
                .contains("owner &lt;owner@acme.example&gt;").contains("href=\"/app/credentials/" + revoked + "\"");
        Matcher older = Pattern.compile("href=\"(/app/audit\\?before=\\d+)\"").matcher(page.body());
        assertThat(older.find()).isTrue();
        List<Long> second = entries(server.page(older.group(1), owner).body());
        assertThat(second).isNotEmpty().allMatch(id -> id < first.get(first.size() - 1));

        assertThat(entries(server.page("/app/audit?action=credential.revoke", owner).body())).hasSize(1);
        // a user's e-mail address stands for the user: their revocation, nobody's issuance
        String byOwner = server.page("/app/audit?actor=owner%40acme.example", owner).body();
        assertThat(byOwner).contains("title=\"credential.revoke\">Credential revoked</a>").doesNotContain("title=\"credential.issue\">Credential issued</a>");
        assertThat(entries(byOwner)).isNotEmpty().hasSizeLessThan(10);
        assertThat(entries(server.page("/app/audit?actor=OWNER%40ACME.EXAMPLE&action=credential.issue", owner).body())).isEmpty();
        // a credential number typed as the object is that credential's entries: issued and revoked
        assertThat(server.page("/app/audit?subject=" + revoked.toLowerCase(java.util.Locale.ROOT), owner).body())
                .contains("title=\"credential.issue\">Credential issued</a>").contains("title=\"credential.revoke\">Credential revoked</a>").doesNotContain("title=\"user.create\">User created</a>");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(entries(server.page("/app/audit?from=" + today + "&to=" + today + "&action=credential.issue", owner).body())).hasSize(50);
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(server.page("/app/audit?from=" + tomorrow, owner).body()).contains("No entries match.");
        // a date that is none: said on the page, nothing listed
        var bad = server.page("/app/audit?from=yesterday", owner);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("from 'yesterday' is not a date").contains("value=\"yesterday\"");
        // actions in words of the page's language; the code stays in the tooltip and as the filter's value
        assertThat(server.page("/app/audit?lang=nb", owner).body()).contains("Revisjonslogg").contains("Integritetskontroll")
                .contains("title=\"credential.revoke\">Kompetansebevis tilbakekalt</a>")
                .contains("<option value=\"credential.revoke\" title=\"credential.revoke\">Kompetansebevis tilbakekalt</option>");
    }

    @Test
    void only_those_who_may_view_the_audit_trail_see_it() {
        for (String role : List.of("issuer", "analyst", "viewer")) {
            String cookie = server.signIn("acme", role + "@acme.example", PASSWORD);
            assertThat(server.page("/app/audit", cookie).status()).as(role).isEqualTo(403);
            assertThat(server.page("/app", cookie).body()).as(role).doesNotContain("href=\"/app/audit\"");
            String token = csrf(server.page("/app", cookie).body());
            assertThat(server.form("/app/audit/recheck", cookie, "csrf", token).status()).as(role).isEqualTo(403);
        }
        assertThat(server.page("/app/audit", null).status()).isEqualTo(303);
    }

    @Test
    void another_tenants_trail_is_not_shown() {
        String globex = server.tenant("globex");
        server.user(globex, "owner@globex.example", "owner", PASSWORD);
        String stranger = server.signIn("globex", "owner@globex.example", PASSWORD);
        checkChains();
        String page = server.page("/app/audit", stranger).body();
        assertThat(page).doesNotContain("credential.revoke").doesNotContain("acme.example").contains("title=\"user.create\">User created</a>");
        assertThat(server.page("/app/audit?subject=" + revoked, stranger).body()).contains("No entries match.");
        assertThat(page).contains("Verified from the first entry up to entry");
    }

    @Test
    void the_background_check_says_how_far_the_chain_is_verified_and_a_whole_check_names_an_older_edited_entry() {
        String fjord = server.tenant("fjord");
        server.user(fjord, "owner@fjord.example", "owner", PASSWORD);
        long achievement = server.achievement(fjord);
        String cookie = server.signIn("fjord", "owner@fjord.example", PASSWORD);
        long tenantId = tenantId("fjord");
        checks().advance(tenantId, 1_000);
        // the server's own minute's job waits while this holds the tenant's check lock, so it cannot take the new entries first
        try (var lock = server.credence.jdbi().open()) {
            lock.execute("SELECT pg_advisory_lock(?)", AuditChecks.lockKey(tenantId));
            server.send("POST", "/api/v1/credentials", fjord, "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"M\", \"email\": \"m@example.org\"}, \"notify\": false}");
            String waiting = server.page("/app/audit", cookie).body();
            assertThat(waiting).as("newer entries are counted, not walked, by the page").containsPattern("[1-9]\\d* newer entries are not yet checked");
            lock.execute("SELECT pg_advisory_unlock(?)", AuditChecks.lockKey(tenantId));
        }
        checkChains();
        String intact = server.page("/app/audit", cookie).body();
        long newest = entries(intact).get(0);
        assertThat(intact).contains("chain-intact").contains("Verified from the first entry up to entry " + newest)
                .contains("No newer entries wait to be checked.");
        long edited = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT min(id) FROM audit_event WHERE tenant_id = :t AND action = 'achievement.create'").bind("t", tenantId).mapTo(Long.class).one());
        String actor = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT actor FROM audit_event WHERE id = :id").bind("id", edited)
                .mapTo(String.class).one());
        try {
            // an entry edited behind Credence's back after it was verified: the minute's walk starts past it and does not see it …
            server.sql("UPDATE audit_event SET actor = 'someone-else' WHERE id = ?", edited);
            checkChains();
            assertThat(server.page("/app/audit", cookie).body()).contains("chain-intact");
            // … the check of the whole chain, queued by the button and run as a job, names it
            var recheck = server.form("/app/audit/recheck", cookie, "csrf", csrf(intact));
            assertThat(recheck.status()).isEqualTo(303);
            String queued = server.page(recheck.headers().firstValue("Location").orElseThrow(), cookie).body();
            assertThat(queued).contains("A check of the whole chain from its first entry is queued");
            server.credence.jobs().awaitIdle(Duration.ofMinutes(2));
            String broken = server.page("/app/audit", cookie).body();
            assertThat(broken).contains("chain-broken").contains("The hash chain breaks at entry " + edited).contains("stored hash");
            // the minute's job keeps reporting it; another tenant's chain is its own, and intact
            checkChains();
            assertThat(server.page("/app/audit", cookie).body()).contains("The hash chain breaks at entry " + edited);
            assertThat(server.page("/app/audit", owner).body()).contains("chain-intact");
        } finally {
            server.sql("UPDATE audit_event SET actor = ? WHERE id = ?", actor, edited);
        }
        // mended: the next run finds it intact again, and new entries are checked as they come
        server.send("POST", "/api/v1/credentials", fjord, "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"N\", \"email\": \"n@example.org\"}, \"notify\": false}");
        checkChains();
        String again = server.page("/app/audit", cookie).body();
        assertThat(again).contains("chain-intact").contains("Verified from the first entry up to entry " + entries(again).get(0))
                .contains("The whole chain was last walked from its first entry");
        assertThat(server.send("GET", "/api/v1/audit?limit=10", fjord, null).json().get("items").findValuesAsText("action")).contains("audit.chain.recheck");
    }

    @Test
    void the_minutes_check_finds_an_edit_to_the_entry_it_last_verified_and_reads_only_its_own_tenants_chain() {
        String north = server.tenant("north");
        String south = server.tenant("south");
        server.achievement(north);
        server.achievement(south);
        long northId = tenantId("north");
        long southId = tenantId("south");
        AuditChecks checks = checks();
        checks.advance(northId, 1_000);
        AuditChecks.Status southStatus = checks.advance(southId, 1_000);
        long southLast = southStatus.verifiedTo();
        long northEntries = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE tenant_id = :t")
                .bind("t", northId).mapTo(Long.class).one());
        String subject = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT subject FROM audit_event WHERE id = :id")
                .bind("id", southLast).mapTo(String.class).one());
        try {
            // south's checkpoint entry itself is edited: north's check neither sees nor counts south's entries
            server.sql("UPDATE audit_event SET subject = 'forged' WHERE id = ?", southLast);
            AuditChecks.Status northStatus = checks.checkWhole(northId);
            assertThat(northStatus.broken()).isEmpty();
            assertThat(northStatus.entries()).isEqualTo(northEntries);
            AuditChecks.Status found = checks.advance(southId, 1_000);
            assertThat(found.broken()).as("the checkpoint's own entry is hashed again").isPresent();
            assertThat(found.broken().get().id()).isEqualTo(southLast);
            assertThat(found.broken().get().expected()).isNotEqualTo(found.broken().get().found());
        } finally {
            server.sql("UPDATE audit_event SET subject = ? WHERE id = ?", subject, southLast);
        }
        assertThat(checks.advance(southId, 1_000).broken()).as("mended").isEmpty();
    }
}
