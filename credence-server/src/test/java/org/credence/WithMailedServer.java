package org.credence;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class's server whose mail goes to a real SMTP server (GreenMail on a free port, no background mail worker: a
 * test sends the queue itself) and whose clock the test moves ({@link MovableClock}, fresh for each class). Extended by
 * the tests that read the mails a scan sends (renewal reminders, survey invitations).
 */
abstract class WithMailedServer {
    @TempDir
    static Path data;
    static GreenMail smtp;
    static MovableClock clock;
    static ServerHarness server;

    @BeforeAll
    static void startServerAndSmtp() throws Exception {
        int port = MailDeliveryTest.freePort();
        smtp = MailDeliveryTest.startSmtp(port);
        clock = new MovableClock();
        server = new ServerHarness(data, MailDeliveryTest.smtpOn(port), clock);
    }

    @AfterAll
    static void stopServerAndSmtp() {
        server.close();
        smtp.stop();
    }

    /** A new tenant speaking {@code locale}, with one achievement. */
    static ServerHarness.TestTenant tenant(String slug, String locale) {
        return server.tenantWithAchievement(slug, locale);
    }
}
