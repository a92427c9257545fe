package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.credence.delivery.MailSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pathways over HTTP on PostgreSQL: the rule's API and its refusals, the pathway credential issued by the
 * pathway-check job (all of, N of M, in order; once under a concurrent double finish; with the components as
 * evidence, verifiable), revoked and suspended components, the funnel, tenant isolation, the recipient's page.
 */
@Tag("integration")
class PathwayTest {
    @TempDir
    static Path data;
    static ServerHarness server;
    static String acme;
    static String globex;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data, new MailSettings(java.util.Optional.empty(), MailSettings.OUTBOX.from(), Duration.ZERO), new MovableClock());
        acme = server.tenant("acme");
        globex = server.tenant("globex");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static long achievement(String key, String name) {
        var created = server.send("POST", "/api/v1/achievements", key, "{\"name\": \"" + name + "\", \"kind\": \"badge\", \"description\": \"" + name
                + ".\", \"criteria\": \"Complete " + name + ".\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    static ServerHarness.Response pathway(String key, long id, String body) {
        return server.send("PUT", "/api/v1/achievements/" + id + "/pathway", key, body);
    }

    static JsonNode issue(String key, long achievement, String email, String issuedAt) {
        var issued = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"Kari Nordmann\", \"email\": \""
                + email + "\"}" + (issuedAt == null ? "" : ", \"issuedAt\": \"" + issuedAt + "\"") + "}");
        assertThat(issued.status()).as(issued.body()).isIn(200, 201);
        return issued.json();
    }

    static JsonNode issue(String key, long achievement, String email) {
        return issue(key, achievement, email, null);
    }

    /** Runs the queued pathway checks to the end; none of them may have failed (a race lost would show here). */
    static void awaitJobs() {
        server.credence.jobs().awaitIdle(Duration.ofSeconds(60));
        List<String> errors = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT last_error FROM job_errors WHERE task_name = 'pathway-check'")
                .mapTo(String.class).list());
        assertThat(errors).isEmpty();
    }

    /** The recipient's credentials of the achievement: their numbers. */
    static List<String> held(long achievement, String email) {
        return server.credence.jdbi().withHandle(h -> h.createQuery("SELECT number FROM credential WHERE achievement_id = :a AND recipient_email = :e")
                .bind("a", achievement).bind("e", email).mapTo(String.class).list());
    }

    @Test
    void earning_the_last_of_all_components_issues_the_pathway_with_them_as_verifiable_evidence() {
        long sql = achievement(acme, "SQL basics");
        long python = achievement(acme, "Python basics");
        long analyst = achievement(acme, "Data analyst");
        var set = pathway(acme, analyst, "{\"requires\": [" + sql + ", " + python + "]}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("minimum").asInt()).isEqualTo(2);
        assertThat(set.json().get("allOf").asBoolean()).isTrue();
        assertThat(server.send("GET", "/api/v1/achievements/" + analyst + "/pathway", acme, null).json().get("requires"))
                .extracting(JsonNode::asLong).containsExactly(sql, python);

        String first = issue(acme, sql, "all@example.org").get("number").asText();
        awaitJobs();
        assertThat(held(analyst, "all@example.org")).as("one of two is not enough").isEmpty();
        String second = issue(acme, python, "all@example.org").get("number").asText();
        awaitJobs();
        List<String> pathway = held(analyst, "all@example.org");
        assertThat(pathway).hasSize(1);

        JsonNode credential = server.send("GET", "/c/" + pathway.get(0) + "/credential.json", null, null).json();
        JsonNode evidence = credential.get("evidence");
        assertThat(evidence).hasSize(2);
        assertThat(evidence.get(0).get("id").asText()).isEqualTo(server.base() + "/c/" + first);
        assertThat(evidence.get(0).get("name").asText()).isEqualTo("SQL basics");
        assertThat(evidence.get(1).get("id").asText()).isEqualTo(server.base() + "/c/" + second);
        assertThat(evidence.get(1).get("description").asText()).contains(second);
        assertThat(server.send("POST", "/api/v1/verify", null, credential.toString()).json().get("status").asText()).isEqualTo("valid");
        assertThat(server.send("GET", "/api/v1/audit", acme, null).body()).contains("achievement.pathway.set").contains("pathway:" + analyst);
    }

    @Test
    void any_two_of_three_complete_an_n_of_m_pathway() {
        long a = achievement(acme, "Module A");
        long b = achievement(acme, "Module B");
        long c = achievement(acme, "Module C");
        long p = achievement(acme, "Two modules");
        assertThat(pathway(acme, p, "{\"requires\": [" + a + ", " + b + ", " + c + "], \"minimum\": 2}").status()).isEqualTo(200);
        issue(acme, c, "nofm@example.org");
        awaitJobs();
        assertThat(held(p, "nofm@example.org")).isEmpty();
        issue(acme, a, "nofm@example.org");
        awaitJobs();
        assertThat(held(p, "nofm@example.org")).hasSize(1);
    }

    @Test
    void an_ordered_pathway_completes_only_when_earned_in_the_listed_order() {
        long intro = achievement(acme, "Intro");
        long advanced = achievement(acme, "Advanced");
        long p = achievement(acme, "Intro then advanced");
        assertThat(pathway(acme, p, "{\"requires\": [" + intro + ", " + advanced + "], \"ordered\": true}").json().get("ordered").asBoolean()).isTrue();
        issue(acme, advanced, "backwards@example.org", "2026-01-10T10:00:00Z");
        issue(acme, intro, "backwards@example.org", "2026-02-10T10:00:00Z");
        issue(acme, intro, "inorder@example.org", "2026-01-10T10:00:00Z");
        issue(acme, advanced, "inorder@example.org", "2026-02-10T10:00:00Z");
        awaitJobs();
        assertThat(held(p, "backwards@example.org")).as("out of order").isEmpty();
        assertThat(held(p, "inorder@example.org")).hasSize(1);
    }

    @Test
    void two_components_finishing_at_once_and_a_replayed_check_make_exactly_one_pathway_credential() throws Exception {
        for (int round = 0; round < 3; round++) {
            long a = achievement(acme, "Concurrent A");
            long b = achievement(acme, "Concurrent B");
            long p = achievement(acme, "Concurrent pathway");
            pathway(acme, p, "{\"requires\": [" + a + ", " + b + "]}");
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<JsonNode>> both = new ArrayList<>();
            for (long component : List.of(a, b)) {
                both.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return issue(acme, component, "race@example.org");
                }));
            }
            JsonNode last = both.get(1).get();
            both.get(0).get();
            awaitJobs();
            assertThat(held(p, "race@example.org")).hasSize(1);
            // the check run again (a retried or replayed job) changes nothing
            server.credence.jobs().enqueue("pathway-check", tenantId("acme"), p + ":" + last.get("id").asText(), java.time.Instant.now());
            awaitJobs();
            assertThat(held(p, "race@example.org")).hasSize(1);
        }
    }

    @Test
    void a_check_queued_with_the_last_component_survives_a_stop_before_it_ran() {
        long a = achievement(acme, "Durable A");
        long b = achievement(acme, "Durable B");
        long p = achievement(acme, "Durable pathway");
        pathway(acme, p, "{\"requires\": [" + a + ", " + b + "]}");
        issue(acme, a, "durable@example.org");
        awaitJobs();
        server.credence.jobs().close(); // no scheduler runs it now: as if the process died right after the commit
        String last = issue(acme, b, "durable@example.org").get("id").asText();
        List<String> queued = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT task_instance FROM scheduled_tasks WHERE task_name = 'pathway-check'").mapTo(String.class).list());
        assertThat(queued).as("committed with the component").anySatisfy(instance -> assertThat(instance).contains(p + ":" + last));
        assertThat(held(p, "durable@example.org")).isEmpty();
        server.restart();
        awaitJobs();
        assertThat(held(p, "durable@example.org")).hasSize(1);
    }

    @Test
    void a_revoked_component_does_not_count_a_reinstated_one_does_and_an_issued_pathway_stays() {
        long a = achievement(acme, "Revocable A");
        long b = achievement(acme, "Revocable B");
        long p = achievement(acme, "Revocable pathway");
        pathway(acme, p, "{\"requires\": [" + a + ", " + b + "]}");
        String revoked = issue(acme, a, "revoked@example.org").get("number").asText();
        server.send("POST", "/api/v1/credentials/" + revoked + "/revoke", acme, "{\"reason\": \"issued in error\"}");
        issue(acme, b, "revoked@example.org");
        awaitJobs();
        assertThat(held(p, "revoked@example.org")).isEmpty();

        String suspended = issue(acme, a, "suspended@example.org").get("number").asText();
        server.send("POST", "/api/v1/credentials/" + suspended + "/suspend", acme, "{\"reason\": \"under review\"}");
        issue(acme, b, "suspended@example.org");
        awaitJobs();
        assertThat(held(p, "suspended@example.org")).isEmpty();
        server.send("POST", "/api/v1/credentials/" + suspended + "/reinstate", acme, null);
        awaitJobs();
        List<String> pathway = held(p, "suspended@example.org");
        assertThat(pathway).as("reinstating the component completes it").hasSize(1);

        server.send("POST", "/api/v1/credentials/" + suspended + "/revoke", acme, "{\"reason\": \"cheating\"}");
        awaitJobs();
        assertThat(server.send("GET", "/api/v1/verify/" + pathway.get(0), null, null).json().get("status").asText())
                .as("the pathway credential stays valid (docs/pathways.md)").isEqualTo("valid");
    }

    @Test
    void bad_rules_are_refused_as_problems_cycles_included() {
        long a = achievement(acme, "Cycle A");
        long b = achievement(acme, "Cycle B");
        long c = achievement(acme, "Cycle C");
        assertThat(pathway(acme, a, "{\"requires\": [" + b + "]}").status()).isEqualTo(200);
        assertThat(pathway(acme, b, "{\"requires\": [" + c + "]}").status()).isEqualTo(200);
        var cycle = pathway(acme, c, "{\"requires\": [" + a + "]}");
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(cycle.json().get("field").asText()).isEqualTo("requires");
        assertThat(cycle.json().get("detail").asText()).contains("cycle").contains(c + " requires " + a + " requires " + b + " requires " + c);
        assertThat(pathway(acme, a, "{\"requires\": [" + a + "]}").json().get("detail").asText()).contains("itself");
        assertThat(pathway(acme, a, "{\"requires\": [999999]}").json().get("detail").asText()).contains("no achievement 999999");
        assertThat(pathway(acme, a, "{\"requires\": [" + b + ", " + c + "], \"minimum\": 3}").json().get("field").asText()).isEqualTo("minimum");
        assertThat(pathway(acme, a, "{\"requires\": [" + b + "], \"minimum\": 0}").status()).isEqualTo(422);
        assertThat(pathway(acme, a, "{\"requires\": []}").status()).isEqualTo(422);
        assertThat(pathway(acme, a, "{\"requires\": [" + b + ", " + b + "]}").status()).isEqualTo(422);
        assertThat(pathway(acme, a, "{\"requires\": \"" + b + "\"}").status()).isEqualTo(422);
        assertThat(pathway(acme, 999999, "{\"requires\": [" + b + "]}").status()).isEqualTo(404);
        assertThat(server.send("DELETE", "/api/v1/achievements/" + b + "/pathway", acme, null).status()).isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/achievements/" + b + "/pathway", acme, null).status()).isEqualTo(404);
        assertThat(pathway(acme, c, "{\"requires\": [" + a + "]}").status()).as("no cycle once b's rule is gone").isEqualTo(200);
    }

    @Test
    void another_tenants_achievement_is_never_a_component_and_its_pathways_are_not_seen() {
        long mine = achievement(acme, "Mine");
        long own = achievement(acme, "Own pathway");
        long theirs = achievement(globex, "Theirs");
        long theirPathway = achievement(globex, "Their pathway");
        var refused = pathway(acme, own, "{\"requires\": [" + mine + ", " + theirs + "]}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).contains("no achievement " + theirs + " in this tenant");
        assertThat(pathway(acme, theirPathway, "{\"requires\": [" + mine + "]}").status()).isEqualTo(404);
        assertThat(pathway(globex, theirPathway, "{\"requires\": [" + theirs + "]}").status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/achievements/" + theirPathway + "/pathway", acme, null).status()).isEqualTo(404);
        assertThat(server.send("DELETE", "/api/v1/achievements/" + theirPathway + "/pathway", acme, null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/analytics/pathways/" + theirPathway, acme, null).status()).isEqualTo(404);
        // the same person earning the same-named thing at acme does not complete globex's pathway
        issue(acme, mine, "both@example.org");
        issue(globex, theirs, "both@example.org");
        awaitJobs();
        assertThat(held(theirPathway, "both@example.org")).hasSize(1);
        assertThat(held(own, "both@example.org")).isEmpty();
    }

    @Test
    void the_funnel_counts_recipients_by_stage_with_small_groups_withheld() {
        long a = achievement(acme, "Funnel A");
        long b = achievement(acme, "Funnel B");
        long c = achievement(acme, "Funnel C");
        long p = achievement(acme, "Funnel pathway");
        pathway(acme, p, "{\"requires\": [" + a + ", " + b + ", " + c + "]}");
        for (int i = 0; i < 6; i++) {
            issue(acme, a, "one" + i + "@example.org");
        }
        for (int i = 0; i < 5; i++) {
            issue(acme, a, "two" + i + "@example.org");
            issue(acme, c, "two" + i + "@example.org");
        }
        for (int i = 0; i < 7; i++) {
            for (long component : List.of(a, b, c)) {
                issue(acme, component, "done" + i + "@example.org");
            }
        }
        issue(acme, b, "lonely@example.org"); // "1 of 3" by another component: 7 there
        awaitJobs();
        var funnel = server.send("GET", "/api/v1/analytics/pathways/" + p, acme, null);
        assertThat(funnel.status()).as(funnel.body()).isEqualTo(200);
        JsonNode body = funnel.json();
        assertThat(body.get("started").get("value").asInt()).isEqualTo(19);
        assertThat(stage(body, "pathway.stage.1_of_3").get("value").asInt()).isEqualTo(7);
        assertThat(stage(body, "pathway.stage.2_of_3").get("value").asInt()).isEqualTo(5);
        assertThat(stage(body, "pathway.stage.completed").get("value").asInt()).isEqualTo(7);
        assertThat(reached(body, "2_of_3").get("recipients").get("value").asInt()).isEqualTo(12);
        assertThat(reached(body, "completed").get("shareOfStarted").get("value").asDouble()).isCloseTo(7 / 19.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(reached(body, "completed").get("shareOfStarted").get("interval")).isNotNull();

        assertThat(server.send("GET", "/api/v1/analytics/pathways/" + p, globex, null).status()).as("another tenant").isEqualTo(404);

        // a single finisher is a group of one: withheld, with the smallest other stage so it cannot be worked out
        long x = achievement(acme, "Small X");
        long y = achievement(acme, "Small Y");
        long q = achievement(acme, "Small pathway");
        pathway(acme, q, "{\"requires\": [" + x + ", " + y + "]}");
        for (int i = 0; i < 6; i++) {
            issue(acme, x, "started" + i + "@example.org");
        }
        issue(acme, x, "solo@example.org");
        issue(acme, y, "solo@example.org");
        awaitJobs();
        JsonNode small = server.send("GET", "/api/v1/analytics/pathways/" + q, acme, null).json();
        assertThat(small.get("started").get("value").asInt()).isEqualTo(7);
        assertThat(stage(small, "pathway.stage.completed").get("suppressed").asBoolean()).isTrue();
        assertThat(stage(small, "pathway.stage.1_of_2").get("suppressed").asBoolean()).isTrue();
        assertThat(reached(small, "completed").get("recipients").get("value").isNull()).isTrue();
        assertThat(small.toString()).doesNotContain("solo");

        // the analytics page shows the same figures as a person reads them
        server.user(acme, "analyst@acme.example", "analyst", "correct horse battery staple");
        String session = server.signIn("acme", "analyst@acme.example", "correct horse battery staple");
        String page = server.page("/app/analytics/pathways", session).body();
        assertThat(page).contains("Funnel pathway").contains("all of 3").contains("Reached 2 of 3").contains("<td>12</td>")
                .contains("36.8 %").contains("Small pathway").contains("withheld").contains("href=\"/app/analytics/pathways\"");
        assertThat(server.page("/app/analytics/pathways?lang=nb", session).body()).contains("Læringsstier").contains("Nådd 2 av 3")
                .contains("36,8 %");
        assertThat(server.page("/app/analytics/pathways", null).status()).isEqualTo(303);
    }

    @Test
    void the_recipients_page_shows_progress_on_each_pathway_they_started_in_english_and_norwegian() {
        long a = achievement(acme, "Page A");
        long b = achievement(acme, "Page B");
        long other = achievement(acme, "Page C");
        long p = achievement(acme, "Page pathway");
        long unstarted = achievement(acme, "Unstarted pathway");
        pathway(acme, p, "{\"requires\": [" + a + ", " + b + "]}");
        pathway(acme, unstarted, "{\"requires\": [" + other + "]}");
        String number = issue(acme, a, "page@example.org").get("number").asText();
        awaitJobs();
        String cookie = signIn("acme", "page@example.org");
        String page = server.send("GET", "/me", null, null, "Cookie", cookie).body();
        assertThat(page).contains("Your pathways").contains("Page pathway").contains("1 of 2 required achievements earned")
                .contains("href=\"#" + number + "\"").contains("Page B").contains("not yet earned").doesNotContain("Unstarted pathway");
        assertThat(server.send("GET", "/me?lang=nb", null, null, "Cookie", cookie).body()).contains("Dine læringsstier")
                .contains("1 av 2 påkrevde kvalifikasjoner oppnådd");
        issue(acme, b, "page@example.org");
        awaitJobs();
        String held = held(p, "page@example.org").get(0);
        assertThat(server.send("GET", "/me", null, null, "Cookie", cookie).body()).contains("2 of 2 required achievements earned")
                .contains("href=\"#" + held + "\">you hold this pathway");
    }

    /** Signs in on /me by the magic link mailed to the outbox; the session cookie ({@code name=value}). */
    static String signIn(String tenant, String email) {
        server.sendBytes("POST", "/me/sign-in", null, ("tenant=" + tenant + "&email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded");
        server.credence.mailWorker().runDue();
        String token;
        try (var files = java.nio.file.Files.list(data.resolve("outbox"))) {
            String mail = files.map(f -> {
                try {
                    return java.nio.file.Files.readString(f).replace("=\r\n", "").replace("=3D", "=");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(m -> m.contains("To: " + email) && m.contains("/me/sign-in/")).findFirst().orElseThrow();
            var m = java.util.regex.Pattern.compile("/me/sign-in/([A-Za-z0-9_-]{43})").matcher(mail);
            assertThat(m.find()).isTrue();
            token = m.group(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return server.sendBytes("POST", "/me/sign-in/" + token, null, new byte[0], "Content-Type", "application/x-www-form-urlencoded")
                .headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    static JsonNode stage(JsonNode funnel, String id) {
        for (JsonNode s : funnel.get("stages")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no stage " + id + " in " + funnel);
    }

    static JsonNode reached(JsonNode funnel, String stage) {
        for (JsonNode s : funnel.get("reached")) {
            if (s.get("stage").asText().equals(stage)) {
                return s;
            }
        }
        throw new AssertionError("no stage " + stage + " in " + funnel);
    }

    static long tenantId(String slug) {
        return server.tenantId(slug);
    }
}
