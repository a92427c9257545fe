package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the account tests share: a page's CSRF token, the session cookie of an answer, and mail from the outbox folder. */
final class AccountsHttp {
    private AccountsHttp() {}

    /** The CSRF token in a page's forms. */
    static String csrf(String page) {
        return match(page, "name=\"csrf\" value=\"([^\"]+)\"");
    }

    /** The first group of {@code regex} in {@code text}, which must match. */
    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }

    /** The session cookie an answer sets. */
    static String sessionCookie(ServerHarness.Response response) {
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("credence_session=")).findFirst().orElseThrow();
        return header.substring("credence_session=".length(), header.indexOf(';'));
    }

    /** Sends the queue, and waits while the background "mail now" job still holds a mail it took. */
    static void sendMail(ServerHarness server) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (true) {
            server.credence.mailWorker().runDue();
            int pending = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM mail WHERE status IN ('queued', 'sending')")
                    .mapTo(Integer.class).one());
            if (pending == 0 || System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The mails in the outbox to {@code email}, after sending the queue. */
    static long mailsTo(ServerHarness server, String email) {
        sendMail(server);
        Path outbox = server.data.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return 0;
        }
        try (var files = Files.list(outbox)) {
            return files.filter(p -> p.toString().endsWith(".eml")).map(AccountsHttp::read).filter(mail -> mail.contains("To: " + email)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest outbox mail to {@code email}, after sending the queue. */
    static String mailTo(ServerHarness server, String email) {
        sendMail(server);
        try (var files = Files.list(server.data.resolve("outbox"))) {
            return files.filter(p -> p.toString().endsWith(".eml"))
                    .sorted(Comparator.comparingLong((Path p) -> Long.parseLong(p.getFileName().toString().replaceAll("\\D", ""))).reversed())
                    .map(AccountsHttp::read).filter(mail -> mail.contains("To: " + email)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token of the {@code /password-reset/…} link in a mail. */
    static String resetToken(String mail) {
        return match(mail, "/password-reset/([A-Za-z0-9_-]{43})");
    }

    private static String read(Path p) {
        try {
            // quoted-printable soft line breaks would split a link
            return Files.readString(p).replace("=\r\n", "").replace("=3D", "=");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
