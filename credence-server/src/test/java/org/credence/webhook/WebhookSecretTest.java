package org.credence.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretTest {
    @Test
    void the_signature_matches_the_standard_webhooks_worked_example() {
        // the Standard Webhooks reference libraries' test vector (secret, msg id, timestamp, payload → signature)
        byte[] key = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(WebhookSecret.signature(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void a_secret_is_whsec_and_base64_of_thirty_two_random_bytes() {
        SecureRandom random = new SecureRandom();
        byte[] one = WebhookSecret.generate(random);
        assertThat(one).hasSize(32).isNotEqualTo(WebhookSecret.generate(random));
        String text = WebhookSecret.text(one);
        assertThat(text).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(text.substring(6))).isEqualTo(one);
    }

    @Test
    void backoff_doubles_with_jitter_and_is_capped() {
        SecureRandom random = new SecureRandom();
        for (int attempt = 1; attempt <= 30; attempt++) {
            Duration full = Duration.ofSeconds(5).multipliedBy(1L << Math.min(attempt - 1, 20));
            Duration cap = full.compareTo(Duration.ofHours(2)) > 0 ? Duration.ofHours(2) : full;
            Duration wait = WebhookSender.backoff(attempt, random);
            assertThat(wait).isBetween(cap.dividedBy(2), cap);
        }
    }
}
