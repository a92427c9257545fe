package org.credence.delivery;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How mail leaves this installation: an SMTP server, or (without one) {@code .eml} files in the
 * data directory's {@code outbox/}, listed on the {@code /outbox} page.
 *
 * @param smtp the SMTP server, or empty for the outbox
 * @param from the sender address, e.g. {@code Credence <no-reply@example.org>}
 * @param pollEvery how often the worker looks for due mail; {@link Duration#ZERO} runs no background
 *                  worker (tests drive {@link MailWorker#runDue()} themselves)
 * @param attachCertificates whether the "your credential" mail carries the certificate PDF ({@code CREDENCE_MAIL_ATTACH_PDF=true});
 *                  by default it links to it, and the PDF is drawn when first opened (docs/delivery.md, "The certificate: link
 *                  or attachment")
 */
public record MailSettings(Optional<Smtp> smtp, String from, Duration pollEvery, boolean attachCertificates) {
    public static final MailSettings OUTBOX = new MailSettings(Optional.empty(), "Credence <no-reply@localhost>", Duration.ofSeconds(1));

    /** Mail that links to the certificate rather than attaching it (the default). */
    public MailSettings(Optional<Smtp> smtp, String from, Duration pollEvery) {
        this(smtp, from, pollEvery, false);
    }

    /** The same, with the certificate PDF attached to (or only linked from) each credential's mail. */
    public MailSettings attachingCertificates(boolean attach) {
        return new MailSettings(smtp, from, pollEvery, attach);
    }

    /** Transport security towards the SMTP server. */
    public enum Tls { NONE, STARTTLS, TLS }

    /** An SMTP server. The password never reaches a log: {@link #toString()} leaves it out. */
    public record Smtp(String host, int port, Optional<String> username, Optional<String> password, Tls tls) {
        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + ", user=" + username.orElse("-") + ", password=[REDACTED], tls=" + tls + "]";
        }
    }

    /** From {@code CREDENCE_SMTP_HOST}, {@code _PORT}, {@code _USERNAME}, {@code _PASSWORD}, {@code _FROM}, {@code _TLS} (none|starttls|tls). */
    public static MailSettings fromEnvironment(Map<String, String> env) {
        return fromEnvironmentLinking(env).attachingCertificates(attach(env.get("CREDENCE_MAIL_ATTACH_PDF")));
    }

    private static boolean attach(String value) {
        String text = nonBlank(value).orElse("false").strip().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("CREDENCE_MAIL_ATTACH_PDF must be true or false, not '" + value + "'");
        }
        return text.equals("true");
    }

    private static MailSettings fromEnvironmentLinking(Map<String, String> env) {
        String from = nonBlank(env.get("CREDENCE_SMTP_FROM")).orElse(OUTBOX.from()).strip();
        try {
            new jakarta.mail.internet.InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException e) {
            // caught at start: otherwise every mail would be refused as if its recipient were wrong
            throw new IllegalArgumentException("CREDENCE_SMTP_FROM is not an address such as 'Acme <certs@acme.example>': " + e.getMessage());
        }
        Optional<String> host = nonBlank(env.get("CREDENCE_SMTP_HOST"));
        if (host.isEmpty()) {
            return new MailSettings(Optional.empty(), from, OUTBOX.pollEvery());
        }
        Tls tls;
        String tlsText = nonBlank(env.get("CREDENCE_SMTP_TLS")).orElse("starttls").toUpperCase(Locale.ROOT);
        try {
            tls = Tls.valueOf(tlsText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CREDENCE_SMTP_TLS must be none, starttls or tls, not '" + env.get("CREDENCE_SMTP_TLS") + "'");
        }
        int port = switch (tls) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        };
        Optional<String> portText = nonBlank(env.get("CREDENCE_SMTP_PORT"));
        if (portText.isPresent()) {
            try {
                port = Integer.parseInt(portText.get().strip());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("CREDENCE_SMTP_PORT must be a port number (1-65535), not '" + portText.get() + "'");
            }
        }
        Smtp smtp = new Smtp(host.get().strip(), port, nonBlank(env.get("CREDENCE_SMTP_USERNAME")), nonBlank(env.get("CREDENCE_SMTP_PASSWORD")), tls);
        return new MailSettings(Optional.of(smtp), from, OUTBOX.pollEvery());
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
