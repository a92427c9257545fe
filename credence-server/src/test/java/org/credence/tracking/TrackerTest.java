package org.credence.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counting rules of {@link Tracker} against a real PostgreSQL, with a clock the test moves. */
class TrackerTest {
    static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    final TrackingFixture db = TrackingFixture.shared();
    final org.credence.SettableClock clock = new org.credence.SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
    long tenant;
    long achievement;

    @BeforeEach
    void clean() {
        db.clearEvents();
        tenant = db.tenant("acme");
        achievement = db.achievement(tenant);
    }

    static RequestFacts visitor(String address, String agent, boolean recipient) {
        return new RequestFacts(TruncatedAddress.of(address).orElseThrow(), agent, "www.linkedin.com", "NO", recipient);
    }

    Tracker tracker() {
        return db.tracker(clock, TrackingSettings.DEFAULTS);
    }

    @Test
    void the_recipients_own_views_are_stored_but_not_counted() {
        var credential = db.credential(tenant, achievement, true, clock.instant());
        Tracker tracker = tracker();
        var own = tracker.record(visitor("192.0.2.10", CHROME, true), EventType.VIEW, CredentialRef.number(credential.number()), "credential_page");
        var other = tracker.record(visitor("198.51.100.7", CHROME, false), EventType.VIEW, CredentialRef.number(credential.number()), "credential_page");
        assertThat(own).isEqualTo(Recorded.notCounted(NotCounted.RECIPIENT_SELF));
        assertThat(other.counted()).isTrue();
        var engagement = tracker.engagement(tenant, credential.id()).orElseThrow();
        assertThat(engagement.views()).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM tracking_event")).isEqualTo(2);
        assertThat(db.count("SELECT recipient_self FROM tracking_daily WHERE type = 'view'")).isEqualTo(1);
    }

    @Test
    void the_recipients_own_shares_count() {
        var credential = db.credential(tenant, achievement, false, clock.instant());
        var shared = tracker().record(visitor("192.0.2.10", CHROME, true), EventType.SHARE_CLICK, CredentialRef.number(credential.number()), "linkedin_post");
        assertThat(shared.counted()).isTrue();
        assertThat(tracker().engagement(tenant, credential.id()).orElseThrow().sharedChannels()).containsExactly("linkedin_post");
    }

    @Test
    void a_repeat_within_30_seconds_counts_once_and_the_window_slides() {
        var credential = db.credential(tenant, achievement, false, clock.instant());
        Tracker tracker = tracker();
        var ref = CredentialRef.number(credential.number());
        assertThat(tracker.record(visitor("192.0.2.10", CHROME, false), EventType.VIEW, ref, "credential_page").counted()).isTrue();
        clock.advance(Duration.ofSeconds(29));
        assertThat(tracker.record(visitor("192.0.2.10", CHROME, false), EventType.VIEW, ref, "credential_page"))
                .isEqualTo(Recorded.notCounted(NotCounted.DOUBLE_CLICK));
        clock.advance(Duration.ofSeconds(29)); // 58 s after the first, 29 s after the repeat
        assertThat(tracker.record(visitor("192.0.2.10", CHROME, false), EventType.VIEW, ref, "credential_page").counted()).isFalse();
        // another item, another visitor (same /24 but another browser): not a repeat
        assertThat(tracker.record(visitor("192.0.2.10", CHROME, false), EventType.VIEW, ref, "pdf").counted()).isTrue();
        assertThat(tracker.record(visitor("192.0.2.99", CHROME + " Edg/131.0", false), EventType.VIEW, ref, "credential_page").counted()).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(tracker.record(visitor("192.0.2.10", CHROME, false), EventType.VIEW, ref, "credential_page").counted()).isTrue();
    }

    @Test
    void bots_link_previews_and_mail_scanners_are_stored_as_not_counted() {
        var credential = db.credential(tenant, achievement, false, clock.instant());
        Tracker tracker = tracker();
        var ref = CredentialRef.number(credential.number());
        for (String agent : new String[] {"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "Mozilla/5.0 (compatible; Mimecast URL scanner)", ""}) {
            assertThat(tracker.record(visitor("203.0.113.5", agent, false), EventType.VIEW, ref, "credential_page"))
                    .as(agent).isEqualTo(Recorded.notCounted(NotCounted.BOT));
        }
        assertThat(db.count("SELECT bots FROM tracking_daily")).isEqualTo(6);
        assertThat(db.count("SELECT counted FROM tracking_daily")).isZero();
        assertThat(db.count("SELECT count(DISTINCT ua_class) FROM tracking_event")).isEqualTo(3);
    }

    @Test
    void without_consent_the_visitor_key_and_referrer_are_not_stored() {
        var allowed = db.credential(tenant, achievement, true, clock.instant());
        var denied = db.credential(tenant, achievement, false, clock.instant());
        Tracker tracker = tracker();
        tracker.record(visitor("192.0.2.10", CHROME, false), EventType.VIEW, CredentialRef.number(allowed.number()), "credential_page");
        tracker.record(visitor("192.0.2.10", CHROME, false), EventType.VIEW, CredentialRef.number(denied.number()), "credential_page");
        Map<String, Object> withConsent = db.jdbi.withHandle(h -> h.createQuery(
                "SELECT visitor_key, referrer_host, country FROM tracking_event WHERE credential_id = :id").bind("id", allowed.id()).mapToMap().one());
        Map<String, Object> without = db.jdbi.withHandle(h -> h.createQuery(
                "SELECT visitor_key, referrer_host, country FROM tracking_event WHERE credential_id = :id").bind("id", denied.id()).mapToMap().one());
        assertThat((byte[]) withConsent.get("visitor_key")).hasSize(16);
        assertThat(withConsent.get("referrer_host")).isEqualTo("www.linkedin.com");
        assertThat(without.get("visitor_key")).isNull();
        assertThat(without.get("referrer_host")).isNull();
        assertThat(without.get("country")).as("coarse country is not per-person detail").isEqualTo("NO");
        assertThat(db.count("SELECT sum(counted) FROM tracking_daily")).as("both counted, anonymously or not").isEqualTo(2);
    }

    @Test
    void another_tenants_credential_or_an_unknown_number_is_refused_and_nothing_is_stored() {
        long other = db.tenant("other");
        var theirs = db.credential(other, db.achievement(other), true, clock.instant());
        Tracker tracker = tracker();
        assertThat(tracker.record(visitor("192.0.2.10", CHROME, false), EventType.VERIFICATION, CredentialRef.id(tenant, theirs.id()), "api"))
                .isEqualTo(Recorded.UNKNOWN);
        assertThat(tracker.record(visitor("192.0.2.10", CHROME, false), EventType.VIEW, CredentialRef.number("CRD-0000-0000-00"), "credential_page"))
                .isEqualTo(Recorded.UNKNOWN);
        assertThat(tracker.engagement(tenant, theirs.id())).isEmpty();
        assertThat(db.count("SELECT count(*) FROM tracking_event")).isZero();
    }

    @Test
    void a_channel_that_does_not_belong_to_the_type_is_refused() {
        var credential = db.credential(tenant, achievement, false, clock.instant());
        assertThatThrownBy(() -> tracker().record(visitor("192.0.2.10", CHROME, false), EventType.SHARE_CLICK,
                CredentialRef.number(credential.number()), "myspace")).hasMessageContaining("linkedin_post");
    }

    @Test
    void past_the_rate_events_are_stored_as_rate_limited_and_past_the_flood_limit_dropped() {
        var credential = db.credential(tenant, achievement, false, clock.instant());
        Tracker tracker = db.tracker(clock, TrackingSettings.DEFAULTS.withRateLimits(2, 4));
        var ref = CredentialRef.number(credential.number());
        var outcomes = new java.util.ArrayList<Recorded>();
        for (int i = 0; i < 6; i++) {
            // a new item each time, so the double-click rule stays out of it
            outcomes.add(tracker.record(visitor("198.51.100." + i, CHROME, false), i % 2 == 0 ? EventType.DOWNLOAD : EventType.VIEW, ref,
                    i % 2 == 0 ? "pdf" : "badge"));
        }
        assertThat(outcomes).extracting(Recorded::outcome).containsExactly(Recorded.Outcome.COUNTED, Recorded.Outcome.COUNTED,
                Recorded.Outcome.NOT_COUNTED, Recorded.Outcome.NOT_COUNTED, Recorded.Outcome.DROPPED, Recorded.Outcome.DROPPED);
        assertThat(outcomes.get(2).notCounted()).isEqualTo(NotCounted.RATE_LIMITED);
        assertThat(db.count("SELECT count(*) FROM tracking_event")).isEqualTo(4);
        // another network has its own budget
        assertThat(tracker.record(visitor("198.51.101.1", CHROME, false), EventType.VIEW, ref, "pdf").counted()).isTrue();
    }

    @Test
    void a_recipient_returning_after_30_days_is_re_engagement_and_firsts_stay_first() {
        Instant issued = clock.instant();
        var credential = db.credential(tenant, achievement, false, issued);
        Tracker tracker = tracker();
        var ref = CredentialRef.number(credential.number());
        tracker.record(visitor("192.0.2.10", CHROME, true), EventType.CLAIM, ref, null);
        clock.advance(Duration.ofDays(10));
        tracker.record(visitor("192.0.2.10", CHROME, true), EventType.VIEW, ref, "credential_page");
        clock.advance(Duration.ofDays(25));
        tracker.record(visitor("192.0.2.10", CHROME, true), EventType.DOWNLOAD, ref, "pdf");
        clock.advance(Duration.ofDays(1));
        tracker.record(visitor("192.0.2.10", CHROME, true), EventType.CLAIM, ref, "");
        var engagement = tracker.engagement(tenant, credential.id()).orElseThrow();
        assertThat(engagement.firstClaimedAt()).isEqualTo(issued);
        assertThat(engagement.recipientReturnedAt()).isEqualTo(issued.plus(Duration.ofDays(35)));
        assertThat(engagement.downloads()).isEqualTo(1);
        assertThat(engagement.views()).isZero();
    }

    @Test
    void retention_deletes_raw_events_past_the_period_and_keeps_the_rollups() {
        var credential = db.credential(tenant, achievement, false, clock.instant());
        Tracker tracker = tracker();
        var ref = CredentialRef.number(credential.number());
        tracker.record(visitor("192.0.2.10", CHROME, false), EventType.VIEW, ref, "credential_page");
        clock.advance(Duration.ofDays(400));
        tracker.record(visitor("192.0.2.10", CHROME, false), EventType.VIEW, ref, "credential_page");
        clock.set(Instant.parse("2028-04-02T10:00:01Z")); // 25 months and a second after the first event
        long deleted = new EventRetention(db.jdbi, clock, 25).runOnce();
        assertThat(deleted).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM tracking_event")).isEqualTo(1);
        assertThat(db.count("SELECT sum(counted) FROM tracking_daily")).isEqualTo(2);
        assertThat(tracker.engagement(tenant, credential.id()).orElseThrow().views()).isEqualTo(2);
    }
}
