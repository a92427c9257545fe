package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.credence.domain.DomainException;
import org.credence.issuance.BatchResult;
import org.credence.issuance.Idempotency;
import org.credence.issuance.IssueCommand;
import org.credence.tenant.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Issuance.issueAll}, the batch engine under bulk jobs, on a real server and PostgreSQL. */
class IssueAllTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static Caller acme;
    static Caller globex;
    static long acmeAchievement;
    static long globexAchievement;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        acme = tenant("acme-batch");
        acmeAchievement = achievement("acme-batch");
        globex = tenant("globex-batch");
        globexAchievement = achievement("globex-batch");
    }

    private static final java.util.Map<String, String> KEYS = new java.util.HashMap<>();

    private static Caller tenant(String slug) {
        String key = server.send("POST", "/api/v1/tenants", ServerHarness.ADMIN_KEY,
                "{\"slug\":\"" + slug + "\",\"name\":\"" + slug + "\",\"url\":\"https://" + slug + ".example\"}").json().get("apiKey").asText();
        KEYS.put(slug, key);
        long id = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = :slug").bind("slug", slug)
                .mapTo(Long.class).one());
        return new Caller(id, Set.of("issue"), "api-key:" + slug);
    }

    private static long achievement(String slug) {
        return server.send("POST", "/api/v1/achievements", KEYS.get(slug),
                "{\"name\":\"Batch Certificate\",\"kind\":\"certificate\",\"description\":\"d\",\"criteria\":\"c\",\"validityDays\":365}")
                .json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static IssueCommand command(long achievement, String email, String key) {
        return new IssueCommand(achievement, "Name " + email, email, null, null, null, List.of(), true,
                key == null ? null : new Idempotency(key, "sha-of-" + email));
    }

    private static long count(String sql, long tenant) {
        return server.credence.jdbi().withHandle(h -> h.createQuery(sql).bind("tenant", tenant).mapTo(Long.class).one());
    }

    @Test
    void a_bad_command_gets_its_own_error_and_every_good_one_is_issued_signed_logged_audited_and_mailed() {
        long credentialsBefore = count("SELECT count(*) FROM credential WHERE tenant_id = :tenant", acme.tenantId());
        long leavesBefore = count("SELECT count(*) FROM transparency_leaf WHERE tenant_id = :tenant", acme.tenantId());
        long auditBefore = count("SELECT count(*) FROM audit_event WHERE tenant_id = :tenant AND action = 'credential.issue'", acme.tenantId());
        long mailBefore = count("SELECT count(*) FROM mail WHERE tenant_id = :tenant", acme.tenantId());
        List<IssueCommand> commands = List.of(
                command(acmeAchievement, "ada@example.org", null),
                command(999_999, "nobody@example.org", null),                                       // unknown achievement
                new IssueCommand(acmeAchievement, "Late", "late@example.org", Instant.parse("2026-01-02T00:00:00Z"),
                        Instant.parse("2026-01-01T00:00:00Z"), null, List.of(), true, null),       // expires before it is issued
                command(acmeAchievement, "grace@example.org", "row-4"),
                command(acmeAchievement, "ada@example.org", null),                                  // the same recipient again: a replay
                new IssueCommand(acmeAchievement, "Other", "other@example.org", null, null, null, List.of(), true,
                        new Idempotency("row-4", "sha-of-another-request")),                        // a key used for another row
                command(acmeAchievement, "nul\u0000@example.org", null));                            // text PostgreSQL cannot store

        List<BatchResult> results = server.credence.issuance().issueAll(acme, commands);

        assertThat(results).extracting(BatchResult::index).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(results.get(0).issued().created()).isTrue();
        assertThat(results.get(1).error()).isInstanceOf(DomainException.NotFound.class);
        assertThat(results.get(2).error()).isInstanceOf(DomainException.InvalidInput.class);
        assertThat(results.get(3).issued().created()).isTrue();
        assertThat(results.get(4).issued().created()).isFalse();
        assertThat(results.get(4).issued().credential().id()).isEqualTo(results.get(0).issued().credential().id());
        assertThat(results.get(5).error()).isInstanceOf(DomainException.InvalidInput.class);
        assertThat(results.get(5).error().getMessage()).contains("row-4");
        assertThat(results.get(6).error()).isInstanceOf(DomainException.InvalidInput.class);

        for (int i : new int[] {0, 3}) {
            String number = results.get(i).issued().credential().number();
            var report = server.send("GET", "/api/v1/verify/" + number, null, null).json();
            assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("valid");
        }
        assertThat(count("SELECT count(*) FROM credential WHERE tenant_id = :tenant", acme.tenantId())).isEqualTo(credentialsBefore + 2);
        assertThat(count("SELECT count(*) FROM transparency_leaf WHERE tenant_id = :tenant", acme.tenantId())).isEqualTo(leavesBefore + 2);
        assertThat(count("SELECT count(*) FROM audit_event WHERE tenant_id = :tenant AND action = 'credential.issue'", acme.tenantId()))
                .isEqualTo(auditBefore + 2);
        assertThat(count("SELECT count(*) FROM mail WHERE tenant_id = :tenant", acme.tenantId())).isEqualTo(mailBefore + 2);
        // the leaves stay dense and every credential has its own status index
        assertThat(count("SELECT max(idx) + 1 - count(*) FROM transparency_leaf WHERE tenant_id = :tenant", acme.tenantId())).isZero();
        assertThat(count("SELECT count(*) - count(DISTINCT (status_list_id, status_index)) FROM credential WHERE tenant_id = :tenant",
                acme.tenantId())).isZero();
        assertThat(server.credence.jdbi().withHandle(org.credence.audit.AuditChain::verify).broken()).isEmpty();
    }

    @Test
    void a_batch_replayed_after_a_crash_returns_what_was_issued_and_issues_only_the_rest() {
        List<IssueCommand> firstPart = new ArrayList<>();
        List<IssueCommand> whole = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            IssueCommand row = command(acmeAchievement, "row" + i + "@replay.example", "job-7/row-" + i);
            whole.add(row);
            if (i < 15) {
                firstPart.add(row);
            }
        }
        List<BatchResult> first = server.credence.issuance().issueAll(acme, firstPart);
        assertThat(first).allMatch(r -> r.issued() != null && r.issued().created());

        List<BatchResult> again = server.credence.issuance().issueAll(acme, whole);

        assertThat(again).allMatch(r -> r.error() == null);
        for (int i = 0; i < 40; i++) {
            assertThat(again.get(i).issued().created()).as("row %d", i).isEqualTo(i >= 15);
        }
        for (int i = 0; i < 15; i++) {
            assertThat(again.get(i).issued().credential().id()).isEqualTo(first.get(i).issued().credential().id());
        }
        assertThat(count("SELECT count(*) FROM credential WHERE tenant_id = :tenant AND recipient_email LIKE '%@replay.example'",
                acme.tenantId())).isEqualTo(40);
        assertThat(server.credence.issuance().issueAll(acme, whole)).allMatch(r -> !r.issued().created());
    }

    @Test
    void a_batch_sees_only_its_own_tenant() {
        // the same key in two tenants is two rows; another tenant's achievement does not exist for this one
        List<BatchResult> mine = server.credence.issuance().issueAll(globex, List.of(
                command(globexAchievement, "shared@example.org", "shared-key"),
                command(acmeAchievement, "intruder@example.org", null)));
        List<BatchResult> theirs = server.credence.issuance().issueAll(acme, List.of(command(acmeAchievement, "shared@example.org", "shared-key")));

        assertThat(mine.get(0).issued().created()).isTrue();
        assertThat(mine.get(1).error()).isInstanceOf(DomainException.NotFound.class);
        assertThat(theirs.get(0).issued().created()).isTrue();
        assertThat(theirs.get(0).issued().credential().id()).isNotEqualTo(mine.get(0).issued().credential().id());
        assertThat(mine.get(0).issued().credential().tenantId()).isEqualTo(globex.tenantId());
        assertThat(count("SELECT count(*) FROM credential WHERE tenant_id = :tenant AND recipient_email = 'intruder@example.org'",
                acme.tenantId())).isZero();
    }

    @Test
    void a_nul_character_in_a_recipient_is_refused_with_422_rather_than_failing_in_the_database() {
        var response = server.send("POST", "/api/v1/credentials", KEYS.get("acme-batch"),
                "{\"achievementId\": " + acmeAchievement + ", \"recipient\": {\"name\": \"A\\u0000B\", \"email\": \"nul@example.org\"}}");

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("recipient.name");
    }

    @Test
    void an_empty_batch_issues_nothing() {
        assertThat(server.credence.issuance().issueAll(acme, List.of())).isEmpty();
    }
}
