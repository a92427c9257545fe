package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.credence.analytics.AnalyticsFolder;
import org.credence.tracking.CredentialRef;
import org.credence.tracking.EventType;
import org.credence.tracking.RequestFacts;
import org.credence.tracking.TruncatedAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engagement and marketing figures over HTTP, from events recorded through the real tracking routes. */
@Tag("integration")
class AnalyticsApiTest {
    static final String BROWSER = TrackingRoutesTest.BROWSER;
    @TempDir
    static Path data;
    static ServerHarness server;
    static String key;
    static long achievement;
    static final List<String> numbers = new ArrayList<>();
    static int address = 1;

    /** Ten credentials: 6 claimed, 5 viewed, 4 shared (3 on LinkedIn post, 1 by e-mail), 2 of those with a referral click, 6 verifications from Norway. */
    @BeforeAll
    static void start() {
        server = new ServerHarness(data);
        key = server.tenant("insight");
        achievement = server.achievement(key);
        for (int i = 0; i < 10; i++) {
            var issued = server.send("POST", "/api/v1/credentials", key,
                    "{\"achievementId\": " + achievement + ", \"recipient\": {\"name\": \"Earner " + i + "\", \"email\": \"e" + i + "@example.org\"}}");
            numbers.add(issued.json().get("number").asText());
        }
        for (int i = 0; i < 6; i++) {
            server.sql("UPDATE credential SET claimed_at = now() WHERE number = ?", numbers.get(i));
        }
        for (int i = 0; i < 5; i++) {
            beacon(numbers.get(i), "view", "credential_page");
        }
        for (int i = 0; i < 3; i++) {
            server.send("GET", "/s/" + numbers.get(i) + "/linkedin_post", null, null, "User-Agent", BROWSER, "X-Forwarded-For", next());
        }
        server.send("GET", "/s/" + numbers.get(3) + "/email", null, null, "User-Agent", BROWSER);
        server.sql("UPDATE credential SET tracking_allowed = true WHERE number = ?", numbers.get(0));
        for (int i = 0; i < 2; i++) {
            server.send("GET", "/r/" + numbers.get(i) + "/program", null, null, "User-Agent", BROWSER);
        }
        for (int i = 0; i < 6; i++) {
            server.credence.tracker().record(new RequestFacts(TruncatedAddress.of("198.51.100." + (10 + i)).orElseThrow(), BROWSER, null, "NO", false),
                    EventType.VERIFICATION, CredentialRef.number(numbers.get(i)), "api");
        }
    }

    static String next() {
        return "203.0.113." + address++;
    }

    static void beacon(String number, String type, String channel) {
        server.send("GET", "/t/" + number + "?type=" + type + "&channel=" + channel, null, null, "User-Agent", BROWSER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode get(String path) {
        var response = server.send("GET", path, key, null);
        OpenApiContractTest.check(path.replaceAll("\\?.*", "").replaceAll("/credentials/[^/]+$", "/credentials/{id}"), "get", response);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static JsonNode figure(JsonNode figures, String id) {
        for (JsonNode f : figures) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no figure " + id + " in " + figures);
    }

    @Test
    void engagement_figures_come_from_the_rollups_with_their_denominators_and_intervals() {
        JsonNode body = get("/api/v1/analytics/engagement");
        JsonNode figures = body.get("figures");
        assertThat(figure(figures, "engagement.issued").get("value").asLong()).isEqualTo(10);
        assertThat(figure(figures, "engagement.claim_rate").get("value").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(figure(figures, "engagement.view_rate").get("value").decimalValue()).isEqualByComparingTo("0.5");
        JsonNode share = figure(figures, "engagement.share_rate");
        assertThat(share.get("value").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(share.at("/inputs/credentials_issued/value").asLong()).isEqualTo(10);
        assertThat(share.at("/inputs/credentials_issued/source").asText()).isEqualTo("measured");
        assertThat(share.at("/interval/method").asText()).isEqualTo("wilson_score");
        assertThat(share.get("warnings").toString()).contains("small_denominator");
        assertThat(figure(figures, "engagement.share_rate_by_channel.linkedin_post").get("value").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(figure(figures, "engagement.referral_rate").get("value").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(figure(figures, "engagement.net_new_visitors").get("value").isNull()).isTrue();
        assertThat(figure(figures, "engagement.net_new_visitors").at("/warnings/0/code").asText()).isEqualTo("not_measured");
        assertThat(body.get("shareRateByChannel")).hasSize(6);
    }

    @Test
    void the_funnel_runs_issued_claimed_viewed_shared_referral() {
        JsonNode steps = get("/api/v1/analytics/funnel").get("steps");
        assertThat(steps.findValuesAsText("step")).containsExactly("issued", "claimed", "viewed", "shared", "referral");
        assertThat(steps.findValues("credentials").stream().map(JsonNode::asLong).toList()).containsExactly(10L, 6L, 5L, 4L, 2L);
    }

    @Test
    void trends_achievements_verifications_geography_and_influencers_answer_with_the_same_counts() {
        JsonNode trends = get("/api/v1/analytics/trends?interval=week");
        assertThat(trends.get("series").findValues("issued").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(10);
        assertThat(trends.get("series").findValues("shares").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(4);
        assertThat(trends.get("series").findValues("verifications").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(6);
        JsonNode achievements = get("/api/v1/analytics/achievements").get("achievements");
        assertThat(achievements.get(0).get("issued").asLong()).isEqualTo(10);
        JsonNode verifications = get("/api/v1/analytics/verifications");
        assertThat(verifications.at("/volume/value").asLong()).isEqualTo(6);
        assertThat(verifications.at("/byCountry/cells/0/id").asText()).endsWith(".NO");
        JsonNode geography = get("/api/v1/analytics/geography");
        assertThat(geography.at("/views/cells/0/suppressed").asBoolean()).as("5 views of unknown origin are shown").isFalse();
        JsonNode oneAchievement = get("/api/v1/analytics/geography?achievementId=" + achievement);
        assertThat(oneAchievement.at("/verifications/cells/0/value").asLong()).isEqualTo(6);
        assertThat(oneAchievement.at("/verifications/cells/0/id").asText()).endsWith(".NO");
        JsonNode influencers = get("/api/v1/analytics/influencers").get("influencers");
        assertThat(influencers).hasSize(2);
        assertThat(influencers.findValuesAsText("label")).contains("Earner 0").doesNotContain("Earner 1");
    }

    @Test
    void the_measured_marketing_value_uses_shares_by_channel_and_the_assumptions_and_says_it_is_not_revenue() {
        JsonNode value = get("/api/v1/analytics/marketing-value");
        assertThat(value.get("kind").asText()).isEqualTo("measured");
        assertThat(value.get("note").asText()).contains("not revenue");
        // 4 shared credentials × 200 impressions per share = 800; 800 ÷ 1000 × 5 = 4.00
        assertThat(value.at("/impressions/value").asLong()).isEqualTo(800);
        assertThat(value.at("/equivalentMediaValue/value").decimalValue()).isEqualByComparingTo("4");
        assertThat(value.at("/equivalentMediaValue/inputs/shares_linkedin_post/source").asText()).isEqualTo("measured");
        assertThat(value.at("/equivalentMediaValue/inputs/cpm_linkedin_post/source").asText()).isEqualTo("assumed");
        assertThat(value.get("scenarios")).hasSize(9);
        assertThat(value.at("/sensitivity/points")).hasSize(11);
        var whatIf = server.send("GET", "/api/v1/analytics/marketing-value?recipients=1000&shareRate=0.30&impressionsPerShare=200&cpm=5", key, null);
        assertThat(whatIf.json().at("/equivalentMediaValue/value").decimalValue()).isEqualByComparingTo("300");
    }

    @Test
    void one_credentials_engagement_by_id_or_number() {
        JsonNode byNumber = get("/api/v1/analytics/credentials/" + numbers.get(0));
        assertThat(byNumber.get("views").asLong()).isEqualTo(1);
        assertThat(byNumber.at("/shares/byChannel/linkedin_post").asLong()).isEqualTo(1);
        assertThat(byNumber.get("verifications").asLong()).isEqualTo(1);
        assertThat(byNumber.get("referralClicks").asLong()).isEqualTo(1);
        assertThat(byNumber.at("/firsts/sharedAt").asText()).isNotBlank();
        JsonNode byId = get("/api/v1/analytics/credentials/" + byNumber.get("id").asText());
        assertThat(byId.get("number").asText()).isEqualTo(numbers.get(0));
    }

    @Test
    void tables_answer_as_csv() {
        var csv = server.send("GET", "/api/v1/analytics/trends?format=csv", key, null);
        OpenApiContractTest.check("/api/v1/analytics/trends", "get", csv);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).isEqualTo("period,start,issued,claims,views,shares,verifications,referralClicks");
        var accept = server.send("GET", "/api/v1/analytics/funnel", key, null, "Accept", "text/csv");
        assertThat(accept.body()).startsWith("step,credentials,rate").contains("issued,10,");
        assertThat(server.send("GET", "/api/v1/analytics/funnel?format=xml", key, null).status()).isEqualTo(422);
    }

    @Test
    void another_tenant_sees_only_its_own_empty_figures_and_never_ours() {
        String other = server.tenant("insight-other");
        var engagement = server.send("GET", "/api/v1/analytics/engagement", other, null);
        assertThat(figure(engagement.json().get("figures"), "engagement.issued").get("value").asLong()).isZero();
        assertThat(server.send("GET", "/api/v1/analytics/funnel?achievementId=" + achievement, other, null).status()).isEqualTo(404);
        var foreign = server.send("GET", "/api/v1/analytics/credentials/" + numbers.get(0), other, null);
        OpenApiContractTest.check("/api/v1/analytics/credentials/{id}", "get", foreign);
        assertThat(foreign.status()).isEqualTo(404);
        for (String path : List.of("/api/v1/analytics/trends", "/api/v1/analytics/achievements", "/api/v1/analytics/verifications",
                "/api/v1/analytics/geography", "/api/v1/analytics/influencers", "/api/v1/analytics/marketing-value")) {
            var answer = server.send("GET", path, other, null);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).doesNotContain("Earner").doesNotContain("\"issued\":10");
        }
        assertThat(server.send("GET", "/api/v1/analytics/engagement", null, null).status()).isEqualTo(401);
    }

    @Test
    void every_analytics_answer_says_whether_its_data_is_simulated() {
        for (String path : List.of("/api/v1/analytics/engagement", "/api/v1/analytics/funnel", "/api/v1/analytics/trends",
                "/api/v1/analytics/achievements", "/api/v1/analytics/verifications", "/api/v1/analytics/geography",
                "/api/v1/analytics/influencers", "/api/v1/analytics/marketing-value",
                "/api/v1/analytics/marketing-value?recipients=10&shareRate=0.5&impressionsPerShare=100&cpm=5",
                "/api/v1/analytics/credentials/" + numbers.get(0), "/api/v1/analytics/assumptions")) {
            JsonNode body = get(path);
            assertThat(body.get("simulated")).as(path).isNotNull();
            assertThat(body.get("simulated").isBoolean() && !body.get("simulated").asBoolean()).as(path).isTrue();
            assertThat(body.get("dataLabel").asText()).as(path).startsWith("Measured data");
        }
        String simulated = server.tenant("insight-sim");
        server.sql("INSERT INTO simulated_tenant (tenant_id, seed, recipients, months, period_end, credentials, events) "
                + "SELECT id, 1, 1, 1, current_date, 0, 0 FROM tenant WHERE slug = 'insight-sim'");
        for (String path : List.of("/api/v1/analytics/funnel", "/api/v1/analytics/assumptions")) {
            JsonNode body = server.send("GET", path, simulated, null).json();
            assertThat(body.get("simulated").asBoolean()).as(path).isTrue();
            assertThat(body.get("dataLabel").asText()).as(path).startsWith("Simulated data");
        }
    }

    @Test
    void a_credentials_shares_by_channel_outlive_the_raw_events() {
        // number 3 was shared once by e-mail; the retention job deletes raw events after 25 months, as this does now
        String number = numbers.get(3);
        server.credence.analyticsFolder().foldPending();
        server.sql("DELETE FROM tracking_event WHERE credential_id = (SELECT id FROM credential WHERE number = ?)", number);
        JsonNode body = get("/api/v1/analytics/credentials/" + number);
        assertThat(body.at("/shares/total").asLong()).isEqualTo(1);
        assertThat(body.at("/shares/byChannel/email").asLong()).as("read from the rollup, not the deleted events").isEqualTo(1);
        assertThat(body.at("/shares/byChannel/linkedin_post").asLong()).isZero();
    }

    @Test
    void a_fold_held_open_for_one_tenant_does_not_block_another_tenants_read() throws Exception {
        String otherKey = server.tenant("insight-lock");
        long otherAchievement = server.achievement(otherKey);
        server.send("POST", "/api/v1/credentials", otherKey,
                "{\"achievementId\": " + otherAchievement + ", \"recipient\": {\"name\": \"L\", \"email\": \"l@example.org\"}}");
        beacon(numbers.get(9), "download", "pdf"); // a delta pending for our tenant, counted in no figure the other tests check
        long ours = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = 'insight'").mapTo(Long.class).one());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService folding = Executors.newSingleThreadExecutor();
        Future<Long> fold = folding.submit(() -> server.credence.jdbi().inTransaction(h -> {
            long written = AnalyticsFolder.foldPending(h, ours);
            held.countDown();
            release.await(); // the fold stays open, its tenant lock and row locks held, until the other tenant has read
            return written;
        }));
        try {
            assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
            // with one lock for every tenant this read waited for the open fold, and the timeout failed the test
            var read = CompletableFuture.supplyAsync(() -> server.send("GET", "/api/v1/analytics/funnel", otherKey, null)).get(60, TimeUnit.SECONDS);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().at("/steps/0/credentials").asLong()).isEqualTo(1);
        } finally {
            release.countDown();
            fold.get(60, TimeUnit.SECONDS);
            folding.shutdown();
        }
        assertThat(get("/api/v1/analytics/funnel").at("/steps/0/credentials").asLong()).isEqualTo(10);
    }

    @Test
    void the_rollups_agree_with_the_tables_they_summarise() {
        server.credence.analyticsFolder().foldPending();
        Map<String, Object> rollup = server.credence.jdbi().withHandle(h -> h.createQuery("""
                SELECT sum(issued) AS issued, sum(claimed) AS claimed, sum(viewed) AS viewed, sum(shared) AS shared, sum(views) AS views
                  FROM analytics_cohort""").mapToMap().one());
        Map<String, Object> direct = server.credence.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) AS issued, count(c.claimed_at) AS claimed, count(t.first_viewed_at) AS viewed,
                       count(t.first_shared_at) AS shared, coalesce(sum(t.views), 0) AS views
                  FROM credential c LEFT JOIN tracking_credential t ON t.credential_id = c.id""").mapToMap().one());
        assertThat(rollup.toString()).isEqualTo(direct.toString());
        Map<String, Object> people = server.credence.jdbi().withHandle(h -> h.createQuery("""
                SELECT sum(recipients) AS recipients, sum(repeat_earners) AS repeat_earners FROM analytics_recipient_daily""").mapToMap().one());
        Map<String, Object> distinct = server.credence.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) AS recipients, count(*) FILTER (WHERE n >= 2) AS repeat_earners
                  FROM (SELECT count(*) AS n FROM credential GROUP BY tenant_id, recipient_email_hash) AS r""").mapToMap().one());
        assertThat(people.toString()).isEqualTo(distinct.toString());
        Map<String, Object> daily = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT (SELECT sum(counted) FROM analytics_daily) AS a, (SELECT sum(counted) FROM tracking_daily) AS b").mapToMap().one());
        assertThat(daily.get("a")).isEqualTo(daily.get("b"));
    }
}
