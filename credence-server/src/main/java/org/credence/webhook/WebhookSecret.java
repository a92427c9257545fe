package org.credence.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An endpoint's signing secret in the Standard Webhooks form ({@code whsec_} + base64 of 32 random bytes) and the
 * signature made with it: {@code v1,} + base64 of HMAC-SHA256 over {@code "{id}.{timestamp}.{body}"}, keyed with
 * the secret's decoded bytes (the JDK's {@link Mac}).
 */
final class WebhookSecret {
    static final String PREFIX = "whsec_";
    private static final int BYTES = 32;

    private WebhookSecret() {}

    /** Fresh secret bytes. */
    static byte[] generate(SecureRandom random) {
        byte[] key = new byte[BYTES];
        random.nextBytes(key);
        return key;
    }

    /** The secret as the endpoint's owner is shown it once: {@code whsec_…}. */
    static String text(byte[] key) {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header's value for one attempt. */
    static String signature(byte[] key, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
