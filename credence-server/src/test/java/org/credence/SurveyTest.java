package org.credence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.survey.SurveyScan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Post-completion surveys end to end: the scan at 6 and 12 months on a moved clock, racing scans, the non-completer
 * sample, the public form in English and Norwegian over HTTP with the link taken from a real mail (GreenMail),
 * used and expired links, results on a known set, and tenant isolation.
 */
@Tag("integration")
class SurveyTest extends WithMailedServer {
    static final Pattern FORM_LINK = Pattern.compile("/s/([A-Za-z0-9_-]{43})");
    static final Duration SIX_MONTHS = Duration.ofDays(184);

    static void issue(ServerHarness.TestTenant t, String name, String email) {
        var response = server.send("POST", "/api/v1/credentials", t.key(), "{\"achievementId\": " + t.achievement()
                + ", \"recipient\": {\"name\": \"" + name + "\", \"email\": \"" + email + "\"}, \"notify\": false}");
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }

    static void putSurvey(ServerHarness.TestTenant t, String body) {
        var response = server.send("PUT", "/api/v1/achievements/" + t.achievement() + "/survey", t.key(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    static SurveyScan.Ran scan() {
        return server.credence.surveys().scan().run();
    }

    static long count(String sql, Object... binds) {
        return server.count(sql, binds);
    }

    static List<MimeMessage> mailTo(String address) {
        return MailDeliveryTest.mailTo(smtp, address);
    }

    static String link(MimeMessage mail) throws Exception {
        Matcher m = FORM_LINK.matcher(MailDeliveryTest.textPart(mail));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void earners_are_invited_once_at_6_and_at_12_months_and_reminded_once_when_they_do_not_answer() throws Exception {
        ServerHarness.TestTenant t = tenant("wave", "en");
        issue(t, "Wave Person", "wave@example.org");
        putSurvey(t, "{\"waveMonths\": [6, 12]}");
        scan();
        assertThat(count("SELECT count(*) FROM survey_invitation WHERE tenant_id = ?", t.id())).isZero();

        clock.advance(SIX_MONTHS);
        scan();
        scan(); // a second scan finds nothing more to do
        server.credence.mailWorker().runDue();
        assertThat(count("SELECT count(*) FROM survey_invitation WHERE tenant_id = ? AND wave_month = 6", t.id())).isEqualTo(1);
        List<MimeMessage> mails = mailTo("wave@example.org");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("wave Akademi asks: how has Certified Data Steward helped you?");
        String text = MailDeliveryTest.textPart(mails.get(0));
        assertThat(text).contains("Hello Wave Person,").contains(server.base() + "/s/");
        assertThat(MailDeliveryTest.part(mails.get(0), "text/html")).contains("Answer the survey");
        // survey mail is not the credential's delivery: the issuer's list still says no credential mail was sent
        server.send("POST", "/api/v1/users", t.key(), "{\"email\": \"owner@wave.example\", \"name\": \"O\", \"role\": \"owner\","
                + " \"password\": \"a long enough passphrase\"}");
        assertThat(get("/app/credentials", signIn("wave", "owner@wave.example")).body()).contains("No mail sent");

        clock.advance(Duration.ofDays(8));
        scan();
        scan();
        server.credence.mailWorker().runDue();
        assertThat(mailTo("wave@example.org")).hasSize(2);
        assertThat(mailTo("wave@example.org").get(1).getSubject()).startsWith("Reminder:");
        // the reminder's link and the invitation's both open the same form
        assertThat(server.send("GET", "/s/" + link(mailTo("wave@example.org").get(0)), null, null).status()).isEqualTo(200);
        assertThat(server.send("GET", "/s/" + link(mailTo("wave@example.org").get(1)), null, null).status()).isEqualTo(200);

        clock.advance(SIX_MONTHS);
        scan();
        server.credence.mailWorker().runDue();
        assertThat(count("SELECT count(*) FROM survey_invitation WHERE tenant_id = ? AND wave_month = 12", t.id())).isEqualTo(1);
        assertThat(mailTo("wave@example.org")).hasSize(3);
        // the 6-month wave closed meanwhile: its link no longer works
        var closed = server.send("GET", "/s/" + link(mailTo("wave@example.org").get(0)), null, null);
        assertThat(closed.status()).isEqualTo(410);
        assertThat(closed.body()).contains("The survey has closed");
    }

    @Test
    void two_scans_racing_invite_each_earner_once() throws Exception {
        ServerHarness.TestTenant t = tenant("race", "en");
        for (int i = 0; i < 30; i++) {
            issue(t, "Racer " + i, "racer" + i + "@example.org");
        }
        putSurvey(t, "{\"waveMonths\": [6]}");
        clock.advance(SIX_MONTHS);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SurveyScan.Ran>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return scan();
                }));
            }
            go.countDown();
            for (Future<SurveyScan.Ran> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count("SELECT count(*) FROM survey_invitation WHERE tenant_id = ?", t.id())).isEqualTo(30);
        assertThat(count("SELECT count(*) FROM mail WHERE tenant_id = ? AND kind = 'survey_invitation'", t.id())).isEqualTo(30);
    }

    @Test
    void a_non_completer_sample_stores_only_the_invited_addresses_and_forgets_them_when_the_wave_closes() throws Exception {
        ServerHarness.TestTenant t = tenant("sample", "en");
        issue(t, "Already Earned", "earner@example.org");
        putSurvey(t, "{\"waveMonths\": [6], \"openDays\": 30}");
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            listed.add("learner" + i + "@example.org");
        }
        List<String> upload = new ArrayList<>(listed);
        upload.add("EARNER@example.org");   // holds the credential: not a non-completer
        upload.add("learner3@example.org"); // listed twice
        upload.add("not an address");
        var response = server.send("POST", "/api/v1/achievements/" + t.achievement() + "/survey/non-completers", t.key(),
                ServerHarness.JSON.createObjectNode().put("sampleSize", 5).put("seed", 42).set("addresses", ServerHarness.JSON.valueToTree(upload)).toString());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("listed").asInt()).isEqualTo(21);
        assertThat(response.json().get("excludedEarners").asInt()).isEqualTo(1);
        assertThat(response.json().get("rejected").asInt()).isEqualTo(1);
        assertThat(response.json().get("invited").asInt()).isEqualTo(5);

        Set<String> stored = new HashSet<>(server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT email FROM survey_invitation WHERE tenant_id = :t AND email IS NOT NULL").bind("t", t.id()).mapTo(String.class).list()));
        assertThat(stored).hasSize(5).isSubsetOf(listed);
        Set<String> mailed = new HashSet<>(server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT recipient FROM mail WHERE tenant_id = :t").bind("t", t.id()).mapTo(String.class).list()));
        assertThat(mailed).isEqualTo(stored);
        // the same list in another order with the same seed gives the same sample (on a second achievement of the tenant)
        long second = server.achievement(t.key());
        assertThat(server.send("PUT", "/api/v1/achievements/" + second + "/survey", t.key(), "{\"waveMonths\": [6]}").status()).isEqualTo(200);
        List<String> shuffled = new ArrayList<>(listed);
        Collections.reverse(shuffled);
        server.send("POST", "/api/v1/achievements/" + second + "/survey/non-completers?sampleSize=5&seed=42", t.key(),
                "email\n" + String.join("\n", shuffled) + "\n", "Content-Type", "text/csv");
        Set<String> again = new HashSet<>(server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT email FROM survey_invitation WHERE tenant_id = :t AND achievement_id = :a").bind("t", t.id()).bind("a", second)
                .mapTo(String.class).list()));
        assertThat(again).isEqualTo(stored);
        // uploading the first list again invites nobody twice
        var repeat = server.send("POST", "/api/v1/achievements/" + t.achievement() + "/survey/non-completers", t.key(),
                ServerHarness.JSON.createObjectNode().put("sampleSize", 5).put("seed", 42).set("addresses", ServerHarness.JSON.valueToTree(upload)).toString());
        assertThat(repeat.json().get("invited").asInt()).isZero();
        // a list of earners only leaves nobody to sample: an empty sample, not an error (the sampler refuses an empty population)
        var onlyEarners = server.send("POST", "/api/v1/achievements/" + t.achievement() + "/survey/non-completers", t.key(),
                "{\"addresses\": [\"earner@example.org\"], \"sampleSize\": 5}");
        assertThat(onlyEarners.status()).as(onlyEarners.body()).isEqualTo(201);
        assertThat(onlyEarners.json().get("invited").asInt()).isZero();

        server.credence.mailWorker().runDue();
        String invited = stored.iterator().next();
        assertThat(mailTo(invited)).hasSize(2); // sampled for both achievements' surveys
        assertThat(MailDeliveryTest.textPart(mailTo(invited).get(0))).startsWith("Hello,");

        clock.advance(Duration.ofDays(31));
        scan();
        assertThat(count("SELECT count(*) FROM survey_invitation WHERE tenant_id = ? AND email IS NOT NULL", t.id())).isZero();
        assertThat(count("SELECT count(*) FROM mail WHERE tenant_id = ? AND recipient LIKE 'learner%'", t.id())).isZero();
        assertThat(count("SELECT count(*) FROM survey_invitation WHERE tenant_id = ? AND cohort = 'non_completer'", t.id())).isEqualTo(10);
    }

    @Test
    void the_form_is_answered_once_in_norwegian_and_in_english_and_answers_feed_the_results() throws Exception {
        ServerHarness.TestTenant nb = tenant("fjordskole", "nb");
        ServerHarness.TestTenant en = tenant("harbour", "en");
        issue(nb, "Kari Nordmann", "kari@example.no");
        issue(en, "Ann Smith", "ann@example.org");
        String items = """
                {"waveMonths": [6], "items": [
                  {"id": "mentor", "type": "choice", "label": {"en": "Did you have a mentor?", "nb": "Hadde du en mentor?"},
                   "options": [{"en": "Yes", "nb": "Ja"}, {"en": "No", "nb": "Nei"}]},
                  {"id": "comment", "type": "text", "label": {"en": "Anything else?", "nb": "Noe mer?"}}]}""";
        putSurvey(nb, items);
        putSurvey(en, items);
        clock.advance(SIX_MONTHS);
        scan();
        server.credence.mailWorker().runDue();

        MimeMessage norwegian = mailTo("kari@example.no").get(0);
        assertThat(norwegian.getSubject()).isEqualTo("fjordskole Akademi spør: hvordan har Certified Data Steward hjulpet deg?");
        String token = link(norwegian);
        var form = server.send("GET", "/s/" + token, null, null);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("lang=\"nb\"").contains("Hvor fornøyd er du med programmet").contains("Hadde du en mentor?")
                .contains("<label for=\"impact\">").contains("<legend>").doesNotContain("<script");
        assertThat(form.headers().firstValue("Cache-Control")).hasValue("no-store");
        var answered = server.form("/s/" + token, null, "satisfaction", "4", "skill", "partly", "career", "raise", "impact", "12000",
                "attribution", "50", "confidence", "80", "c_mentor", "0", "c_comment", "Nyttig");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("Takk");
        var twice = server.form("/s/" + token, null, "satisfaction", "1");
        assertThat(twice.status()).isEqualTo(410);
        assertThat(twice.body()).contains("Allerede besvart");
        assertThat(count("SELECT satisfaction FROM survey_answer a JOIN survey_invitation i ON i.id = a.invitation_id WHERE i.tenant_id = ?",
                nb.id())).isEqualTo(4);

        String english = link(mailTo("ann@example.org").get(0));
        var page = server.send("GET", "/s/" + english, null, null);
        assertThat(page.body()).contains("lang=\"en\"").contains("How satisfied are you with the program overall?").contains("Did you have a mentor?");
        var refused = server.form("/s/" + english, null, "career", "none", "career", "raise");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"");
        var crossSite = server.sendBytes("POST", "/s/" + english, null, "satisfaction=5".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Origin", "https://evil.example");
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(server.form("/s/" + english, null, "satisfaction", "5").status()).isEqualTo(200);

        assertThat(server.send("GET", "/s/" + "A".repeat(43), null, null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/s/short", null, null).status()).isEqualTo(404);
        JsonNode results = server.send("GET", "/api/v1/analytics/surveys?achievement=" + nb.achievement(), nb.key(), null).json();
        assertThat(results.at("/earners/invited").asInt()).isEqualTo(1);
        assertThat(results.at("/earners/answered").asInt()).isEqualTo(1);
        assertThat(results.at("/earners/responseRate/value").asDouble()).isEqualTo(1.0);
        assertThat(results.at("/earners/suppressed").asBoolean()).isTrue();
        assertThat(results.at("/earners/satisfaction").isMissingNode()).isTrue();
    }

    @Test
    void results_of_a_known_set_with_intervals_and_the_participant_estimate_counting_non_respondents_as_zero() {
        ServerHarness.TestTenant t = tenant("known", "en");
        putSurvey(t, "{\"waveMonths\": [6]}");
        long sample = count("""
                INSERT INTO survey_sample (tenant_id, achievement_id, wave_month, listed, excluded, sample_size, seed, created_by, created_at)
                VALUES (?, ?, 6, 3, 0, 3, 1, 'test', now()) RETURNING id""", t.id(), t.achievement());
        // ten earners (real credentials) and three sampled non-completers
        for (int i = 0; i < 10; i++) {
            issue(t, "Known " + i, "known" + i + "@example.org");
        }
        List<String> credentials = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT CAST(id AS TEXT) FROM credential WHERE tenant_id = :t ORDER BY recipient_email").bind("t", t.id()).mapTo(String.class).list());
        int[] satisfaction = {5, 4, 4, 3, 5, 3};
        for (int i = 0; i < 13; i++) {
            boolean earner = i < 10;
            long invitation = earner ? invite(t, credentials.get(i), "2026-03-01") : count("""
                    INSERT INTO survey_invitation (tenant_id, achievement_id, wave_month, cohort, sample_id, email_hash, language, invited_at, closes_at)
                    VALUES (?, ?, 6, 'non_completer', ?, ?, 'en', now(), now() + interval '30 days') RETURNING id""",
                    t.id(), t.achievement(), sample, "hash" + i);
            if (earner && i < 6) {
                server.sql("""
                        INSERT INTO survey_answer (invitation_id, tenant_id, satisfaction, skill_applied, career_outcomes, monetary_impact,
                                                   attribution_pct, confidence_pct, answered_at)
                        VALUES (?, ?, ?, ?, CAST(? AS TEXT[]), ?, ?, ?, now())""", invitation, t.id(), satisfaction[i],
                        i < 3 ? "yes" : i < 5 ? "partly" : "no", i == 0 ? "{promotion,raise}" : i == 1 ? "{raise}" : "{none}",
                        i == 0 ? new java.math.BigDecimal("10000") : i == 1 ? new java.math.BigDecimal("20000") : null,
                        i == 0 ? Integer.valueOf(50) : i == 1 ? Integer.valueOf(25) : null,
                        i == 0 ? Integer.valueOf(80) : i == 1 ? Integer.valueOf(50) : null);
            }
            if (i == 10) {
                server.sql("INSERT INTO survey_answer (invitation_id, tenant_id, satisfaction, answered_at) VALUES (?, ?, 2, now())",
                        invitation, t.id());
            }
        }
        JsonNode r = server.send("GET", "/api/v1/analytics/surveys?achievement=" + t.achievement(), t.key(), null).json();
        JsonNode e = r.get("earners");
        assertThat(e.get("invited").asInt()).isEqualTo(10);
        assertThat(e.get("answered").asInt()).isEqualTo(6);
        assertThat(e.at("/responseRate/value").asDouble()).isEqualTo(0.6);
        assertThat(e.at("/responseRate/low").asDouble()).isCloseTo(0.3127, within(0.0001));
        assertThat(e.at("/responseRate/high").asDouble()).isCloseTo(0.8318, within(0.0001));
        assertThat(e.at("/satisfaction/mean").asDouble()).isEqualTo(4.0);
        assertThat(e.at("/satisfaction/low").asDouble()).isCloseTo(3.061, within(0.001));
        assertThat(e.at("/satisfaction/high").asDouble()).isCloseTo(4.939, within(0.001));
        assertThat(e.at("/skillApplied/yes/value").asDouble()).isEqualTo(0.5);
        assertThat(e.at("/skillApplied/partly/n").asInt()).isEqualTo(6);
        assertThat(e.at("/careerOutcome/raise/successes").asInt()).isEqualTo(2);
        assertThat(e.at("/careerOutcome/none/successes").asInt()).isEqualTo(4);
        // 10,000 × 50 % × 80 % + 20,000 × 25 % × 50 % = 4,000 + 2,500; the eight others count as zero
        assertThat(e.at("/participantEstimate/total").decimalValue()).isEqualByComparingTo("6500");
        assertThat(e.at("/participantEstimate/contributing").asInt()).isEqualTo(2);
        assertThat(e.at("/participantEstimate/perInvited").decimalValue()).isEqualByComparingTo("650");
        JsonNode n = r.get("nonCompleters");
        assertThat(n.get("invited").asInt()).isEqualTo(3);
        assertThat(n.get("answered").asInt()).isEqualTo(1);
        assertThat(n.get("suppressed").asBoolean()).isTrue();
        assertThat(n.at("/responseRate/n").asInt()).isEqualTo(3);
        assertThat(n.has("satisfaction")).isFalse();

        // another tenant sees none of it
        ServerHarness.TestTenant other = tenant("otherco", "en");
        assertThat(server.send("GET", "/api/v1/analytics/surveys?achievement=" + t.achievement(), other.key(), null).status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/achievements/" + t.achievement() + "/survey", other.key(), null).status()).isEqualTo(404);
        assertThat(server.send("PUT", "/api/v1/achievements/" + t.achievement() + "/survey", other.key(), "{}").status()).isEqualTo(404);
        JsonNode own = server.send("GET", "/api/v1/analytics/surveys?achievement=" + other.achievement(), other.key(), null).json();
        assertThat(own.at("/earners/invited").asInt()).isZero();
    }

    @Test
    void a_survey_is_saved_with_its_items_audited_and_refused_when_malformed() {
        ServerHarness.TestTenant t = tenant("config", "en");
        JsonNode fresh = server.send("GET", "/api/v1/achievements/" + t.achievement() + "/survey", t.key(), null).json();
        assertThat(fresh.get("configured").asBoolean()).isFalse();
        assertThat(fresh.get("waveMonths").toString()).isEqualTo("[6,12]");
        assertThat(fresh.get("reminderDays").asInt()).isEqualTo(7);
        putSurvey(t, "{\"waveMonths\": [12, 6, 3], \"reminderDays\": 10, \"items\": [{\"type\": \"scale\", \"label\": {\"en\": \"Useful?\", \"nb\": \"Nyttig?\"}}]}");
        JsonNode saved = server.send("GET", "/api/v1/achievements/" + t.achievement() + "/survey", t.key(), null).json();
        assertThat(saved.get("waveMonths").toString()).isEqualTo("[3,6,12]");
        assertThat(saved.at("/items/0/id").asText()).isEqualTo("c1");
        assertThat(count("SELECT count(*) FROM audit_event WHERE tenant_id = ? AND action = 'survey.update'", t.id())).isEqualTo(1);
        var noNorwegian = server.send("PUT", "/api/v1/achievements/" + t.achievement() + "/survey", t.key(),
                "{\"items\": [{\"type\": \"text\", \"label\": {\"en\": \"Only English\"}}]}");
        assertThat(noNorwegian.status()).isBetween(400, 422);
        assertThat(noNorwegian.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(server.send("PUT", "/api/v1/achievements/" + t.achievement() + "/survey", t.key(), "{\"waveMonths\": [0]}").status())
                .isBetween(400, 422);
        assertThat(server.send("POST", "/api/v1/achievements/" + t.achievement() + "/survey/non-completers", t.key(),
                "{\"addresses\": [\"a@example.org\"], \"sampleSize\": 0}").status()).isBetween(400, 422);
    }

    @Test
    void the_surveys_page_shows_results_with_n_and_saves_settings_for_analysts_but_not_viewers() {
        ServerHarness.TestTenant t = tenant("pages", "en");
        for (String[] user : new String[][] {{"owner@pages.example", "owner"}, {"analyst@pages.example", "analyst"}, {"viewer@pages.example", "viewer"}}) {
            var created = server.send("POST", "/api/v1/users", t.key(), "{\"email\": \"" + user[0] + "\", \"name\": \"" + user[1]
                    + "\", \"role\": \"" + user[1] + "\", \"password\": \"a long enough passphrase\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        String analyst = signIn("pages", "analyst@pages.example");
        String viewer = signIn("pages", "viewer@pages.example");
        assertThat(get("/app/surveys", viewer).status()).isEqualTo(403);
        assertThat(get("/app/surveys", null).status()).isEqualTo(303);

        String list = get("/app/surveys", analyst).body();
        assertThat(list).contains("Certified Data Steward").contains("Not sent").contains("/app/surveys/" + t.achievement())
                .contains("href=\"/app/analytics\"").contains("aria-current=\"page\"");
        String page = get("/app/surveys/" + t.achievement(), analyst).body();
        assertThat(page).contains("Response rate (95 % interval)").contains("Invited (n)").contains("Send this survey");
        java.util.regex.Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        var saved = server.form("/app/surveys/" + t.achievement(), analyst, "csrf", csrf.group(1), "enabled", "on", "waves", "6, 18",
                "reminderDays", "5", "openDays", "21", "currency", "nok", "items", "");
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        JsonNode survey = server.send("GET", "/api/v1/achievements/" + t.achievement() + "/survey", t.key(), null).json();
        assertThat(survey.get("waveMonths").toString()).isEqualTo("[6,18]");
        assertThat(survey.get("currency").asText()).isEqualTo("NOK");
        assertThat(survey.get("updatedBy").asText()).startsWith("user:");
        var refused = server.form("/app/surveys/" + t.achievement(), analyst, "csrf", csrf.group(1), "waves", "0", "reminderDays", "5",
                "openDays", "21", "currency", "EUR", "items", "");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Not saved");
        assertThat(server.form("/app/surveys/" + t.achievement(), analyst, "waves", "6", "reminderDays", "5", "openDays", "21",
                "currency", "EUR").status()).isEqualTo(403);
        String norwegian = get("/app/surveys/" + t.achievement() + "?lang=nb", analyst).body();
        assertThat(norwegian).contains("Svarprosent (95 % intervall)").contains("Vises ikke: færre enn 5 svar");
        // another tenant's achievement is not found
        ServerHarness.TestTenant other = tenant("otherpages", "en");
        assertThat(get("/app/surveys/" + other.achievement(), analyst).status()).isEqualTo(404);
    }

    @Test
    void the_demo_has_simulated_surveys_with_answers_and_mails_no_simulated_recipient() {
        var loaded = server.credence.demo().load(new org.credence.demo.SimulationSettings(7, 300, 14, java.time.LocalDate.of(2026, 11, 1)),
                (tenant, batch, credentials) -> { });
        String key = loaded.apiKey().orElseThrow();
        JsonNode achievements = server.send("GET", "/api/v1/achievements", key, null).json().get("items");
        long answered = 0;
        for (JsonNode a : achievements) {
            JsonNode r = server.send("GET", "/api/v1/analytics/surveys?achievement=" + a.get("id").asLong(), key, null).json();
            assertThat(r.get("simulated").asBoolean()).isTrue();
            assertThat(r.at("/nonCompleters/invited").asInt()).isEqualTo(60);
            answered += r.at("/earners/answered").asLong();
            assertThat(server.send("GET", "/api/v1/achievements/" + a.get("id").asLong() + "/survey", key, null).json().get("enabled").asBoolean())
                    .isFalse();
        }
        assertThat(answered).isPositive();
        scan();
        assertThat(count("SELECT count(*) FROM mail WHERE tenant_id = ?", loaded.tenant().id())).isZero();
    }

    /** An earner's invitation made by SQL at a fixed date (for figures over a period). */
    static long invite(ServerHarness.TestTenant t, String credential, String day) {
        return count("""
                INSERT INTO survey_invitation (tenant_id, achievement_id, wave_month, cohort, credential_id, language, invited_at, closes_at)
                VALUES (?, ?, 6, 'earner', CAST(? AS UUID), 'en', CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ) + interval '30 days') RETURNING id""",
                t.id(), t.achievement(), credential, day, day);
    }

    @Test
    void the_roi_model_takes_its_survey_benefit_from_the_earners_answers_with_non_respondents_as_zero() {
        ServerHarness.TestTenant t = tenant("roifeed", "en");
        putSurvey(t, "{\"waveMonths\": [6]}");
        for (int i = 0; i < 4; i++) {
            issue(t, "Feed " + i, "feed" + i + "@example.org");
        }
        List<String> credentials = server.credence.jdbi().withHandle(h -> h.createQuery(
                "SELECT CAST(id AS TEXT) FROM credential WHERE tenant_id = :t ORDER BY recipient_email").bind("t", t.id()).mapTo(String.class).list());
        long answered = invite(t, credentials.get(0), "2026-03-01");
        for (int i = 1; i < 4; i++) {
            invite(t, credentials.get(i), "2026-03-01");
        }
        server.sql("""
                INSERT INTO survey_answer (invitation_id, tenant_id, monetary_impact, attribution_pct, confidence_pct, answered_at)
                VALUES (?, ?, 120000, 40, 75, now())""", answered, t.id());
        var benefit = server.send("POST", "/api/v1/analytics/benefits", t.key(), """
                {"name": "participants' estimate", "fromSurvey": true, "currency": "EUR", "isolation": "participant_estimate",
                 "attribution": 1, "confidence": 1, "reason": "the post-completion surveys already adjust for attribution and confidence"}""");
        assertThat(benefit.status()).as(benefit.body()).isIn(200, 201);
        JsonNode roi = server.send("GET", "/api/v1/analytics/roi/program?from=2026-01-01&to=2026-12-31&currency=EUR", t.key(), null).json();
        // 120,000 × 40 % × 75 % = 36,000 from the one respondent; the three others count as no improvement
        assertThat(roi.at("/survey/adjustedBenefit").decimalValue()).isEqualByComparingTo("36000");
        assertThat(roi.at("/survey/respondents").asInt()).isEqualTo(1);
        assertThat(roi.at("/survey/surveyed").asInt()).isEqualTo(4);
    }

    static String signIn(String slug, String email) {
        var response = server.form("/login", null, "tenant", slug, "email", email, "password", "a long enough passphrase", "next", "/app");
        assertThat(response.status()).as(response.body()).isEqualTo(303);
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence_session=")).findFirst().orElseThrow();
        return header.substring("credence_session=".length(), header.indexOf(';'));
    }

    static ServerHarness.Response get(String path, String cookie) {
        return server.sendBytes("GET", path, null, null, "Cookie", cookie == null ? null : "credence_session=" + cookie);
    }
}
