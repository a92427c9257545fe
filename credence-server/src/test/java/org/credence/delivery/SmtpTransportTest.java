package org.credence.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.Socket;
import java.util.Optional;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** Which failures are bounces (given up at once) and which are retried. */
class SmtpTransportTest {
    static SendFailedException refused(int code) throws Exception {
        InternetAddress to = new InternetAddress("a@example.org");
        return new SendFailedException("Invalid Addresses", new SMTPAddressFailedException(to, "RCPT TO:<a@example.org>", code, code + " no"),
                new Address[0], new Address[0], new Address[] {to});
    }

    @Test
    void a_5xx_for_the_recipient_or_the_message_is_permanent() throws Exception {
        assertThat(SmtpTransport.permanent(refused(550))).isTrue();
        assertThat(SmtpTransport.permanent(new SMTPSendFailedException("DATA", 554, "554 spam", null, null, null, null))).isTrue();
    }

    @Test
    void a_4xx_an_unreachable_server_or_refused_credentials_are_retried() throws Exception {
        assertThat(SmtpTransport.permanent(refused(450))).isFalse();
        assertThat(SmtpTransport.permanent(new MessagingException("Couldn't connect", new ConnectException("refused")))).isFalse();
        assertThat(SmtpTransport.permanent(new AuthenticationFailedException("535 bad credentials"))).isFalse();
    }

    @Test
    void the_smtp_sockets_send_small_writes_at_once_plain_starttls_and_tls() throws Exception {
        // with Nagle on, a message's last small write waited for the server's delayed ACK: about 22 messages a second per connection
        for (MailSettings.Tls tls : MailSettings.Tls.values()) {
            var props = new SmtpTransport(new MailSettings.Smtp("localhost", 25, Optional.empty(), Optional.empty(), tls)).session().getProperties();
            for (String factory : new String[] {"mail.smtp.socketFactory", "mail.smtp.ssl.socketFactory"}) {
                try (Socket socket = ((SocketFactory) props.get(factory)).createSocket()) {
                    assertThat(socket.getTcpNoDelay()).as(tls + " " + factory).isTrue();
                }
            }
        }
    }
}
