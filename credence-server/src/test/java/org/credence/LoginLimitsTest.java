package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an attacker's flood of sign-ins costs the server: hashes at once, audit rows, throttle rows. */
@Tag("integration")
class LoginLimitsTest {
    static final String PASSWORD = "a long enough passphrase";
    @TempDir
    static Path data;
    static SettableClock clock = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    static ServerHarness server;
    static String acme;

    @BeforeAll
    static void start() {
        server = new ServerHarness(data, clock);
        acme = server.tenant("acme");
        var created = server.send("POST", "/api/v1/users", acme,
                "{\"email\": \"owner@acme.example\", \"name\": \"Owner\", \"role\": \"owner\", \"password\": \"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static int login(String email, String password) {
        return server.form("/login", null, "tenant", "acme", "email", email, "password", password, "next", "/app").status();
    }

    static long count(String sql, Object... binds) {
        return server.count(sql, binds);
    }

    @Test
    void forty_parallel_failed_logins_never_run_more_password_hashes_at_once_than_the_bound() throws Exception {
        int bound = server.credence.passwordHashing().concurrent();
        assertThat(bound).as("sized from this JVM's heap and processors").isBetween(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                // half guess at the owner's password, half at e-mails nobody has: both cost one hash
                String email = i % 2 == 0 ? "owner@acme.example" : "nobody-" + i + "@acme.example";
                String guess = "wrong guess number " + i;
                answers.add(pool.submit(() -> login(email, guess)));
            }
            for (Future<Integer> answer : answers) {
                // 401 refused, 429 the owner's e-mail locked after five, 503 no hashing slot in time: never a 500
                assertThat(answer.get()).isIn(401, 429, 503);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.credence.passwordHashing().peak()).isBetween(1, bound);
        assertThat(login("owner@acme.example", PASSWORD)).as("the lock from the guesses still holds").isEqualTo(429);
        clock.advance(Duration.ofMinutes(16));
        assertThat(login("owner@acme.example", PASSWORD)).isEqualTo(303);
    }

    @Test
    void a_sign_in_that_finds_no_hashing_slot_in_time_answers_503_with_retry_after_instead_of_queueing_forever() throws Exception {
        org.credence.user.HashingLimit limit = server.credence.passwordHashing();
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(limit.concurrent());
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(limit.concurrent());
        try {
            for (int i = 0; i < limit.concurrent(); i++) {
                holders.submit(() -> limit.run(() -> {
                    held.countDown();
                    try {
                        return release.await(5, java.util.concurrent.TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }));
            }
            held.await();
            // every slot is held until both answers are in, so each request waits out its limit and is refused
            var page = server.form("/login", null, "tenant", "acme", "email", "owner@acme.example", "password", "wrong guess", "next", "/app");
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.body()).contains("busy");
            var api = server.send("POST", "/api/v1/users", acme,
                    "{\"email\": \"busy@acme.example\", \"name\": \"B\", \"role\": \"viewer\", \"password\": \"" + PASSWORD + "\"}");
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(api.headers().firstValue("Retry-After")).isPresent();
        } finally {
            release.countDown();
            holders.shutdown();
        }
    }

    @Test
    void a_locked_out_email_tried_again_and_again_writes_one_audit_row_and_its_count_once_the_lock_is_over() {
        String email = "flood@acme.example";
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, "wrong " + i)).isEqualTo(401);
        }
        for (int i = 0; i < 60; i++) {
            assertThat(login(email, "wrong again " + i)).isEqualTo(429);
        }
        assertThat(count("SELECT count(*) FROM audit_event WHERE subject = ? AND action = 'user.login.failed'", "email:" + email)).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM audit_event WHERE subject = ? AND action = 'user.login.throttled'", "email:" + email)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE subject = ?", "email:" + email)).isEqualTo(6);

        clock.advance(Duration.ofMinutes(16));
        assertThat(login(email, "after the lock")).isEqualTo(401);
        var ended = server.send("GET", "/api/v1/audit", acme, null).json().get("items").findParents("action").stream()
                .filter(e -> e.get("action").asText().equals("user.login.throttle.ended") && e.get("subject").asText().equals("email:" + email))
                .toList();
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).get("after").get("refusedAttempts").asInt()).isEqualTo(60);
    }

    @Test
    void throttle_rows_whose_window_is_over_are_purged() {
        for (int i = 0; i < 10; i++) {
            assertThat(login("guess-" + i + "@acme.example", "wrong")).isEqualTo(401);
        }
        assertThat(count("SELECT count(*) FROM login_throttle WHERE email LIKE 'guess-%'")).isEqualTo(10);
        clock.advance(Duration.ofMinutes(16));
        assertThat(login("later@acme.example", "wrong")).isEqualTo(401);
        assertThat(count("SELECT count(*) FROM login_throttle WHERE email LIKE 'guess-%'")).isZero();
        assertThat(count("SELECT count(*) FROM login_throttle WHERE email = 'later@acme.example'")).isEqualTo(1);
    }
}
