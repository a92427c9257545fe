package org.credence.delivery;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Sends through an SMTP server with Angus Mail, and tells a bounce (5xx for the message) from a failure worth retrying. */
final class SmtpTransport implements MailTransport {
    private final MailSettings.Smtp smtp;
    private final Session session;
    private Transport connection; // guarded by this
    private long lastSent; // guarded by this: System.nanoTime() of the connection's last message
    private static final long TRUST_NANOS = 2_000_000_000L;

    SmtpTransport(MailSettings.Smtp smtp) {
        this.smtp = smtp;
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", String.valueOf(smtp.port()));
        // a hung server must not hold the worker: 10 s to connect, 30 s per read/write
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        p.put("mail.smtp.writetimeout", "30000");
        p.put("mail.smtp.auth", String.valueOf(smtp.username().isPresent()));
        // Nagle off: each message's last small write otherwise waited 40 ms for the server's delayed acknowledgement
        p.put("mail.smtp.socketFactory", NoDelaySockets.plain());
        p.put("mail.smtp.ssl.socketFactory", NoDelaySockets.tls());
        switch (smtp.tls()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case TLS -> p.put("mail.smtp.ssl.enable", "true");
            case NONE -> { }
        }
        this.session = Session.getInstance(p);
    }

    @Override
    public Session session() {
        return session;
    }

    /**
     * Sends over a connection kept open across the messages of a run (connect, TLS and login once,
     * not per message), checked before each use; {@link #idle()} closes it. A temporary failure on a
     * connection that had already been used (the server dropped it, or allows only so many messages
     * per connection) is retried once at once on a fresh one.
     */
    @Override
    public synchronized String send(long mailId, MimeMessage message) throws MailFailure {
        try {
            message.saveChanges();
        } catch (MessagingException e) {
            throw new MailFailure(permanent(e), describe(e), e);
        }
        boolean reused = connection != null && connection.isConnected();
        try {
            return sendOnce(message);
        } catch (MessagingException first) {
            close();
            if (!reused || permanent(first)) {
                throw new MailFailure(permanent(first), describe(first), first);
            }
            try {
                return sendOnce(message);
            } catch (MessagingException e) {
                close();
                throw new MailFailure(permanent(e), describe(e), e);
            }
        }
    }

    private String sendOnce(MimeMessage message) throws MessagingException {
        // isConnected() costs a NOOP round trip: skipped for a connection that sent a moment ago (a dropped one fails the send,
        // which is retried once on a fresh connection)
        boolean fresh = connection != null && System.nanoTime() - lastSent < TRUST_NANOS;
        if (connection == null || !fresh && !connection.isConnected()) {
            Transport opened = session.getTransport("smtp");
            if (smtp.username().isPresent()) {
                opened.connect(smtp.username().get(), smtp.password().orElse(""));
            } else {
                opened.connect();
            }
            connection = opened;
        }
        connection.sendMessage(message, message.getAllRecipients());
        lastSent = System.nanoTime();
        return message.getMessageID();
    }

    /** Nothing more to send for now: the connection is closed rather than left for the server to time out. */
    @Override
    public synchronized void idle() {
        close();
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (MessagingException e) {
                // already broken: nothing to close
            }
            connection = null;
        }
    }

    /**
     * Permanent when the server answered 5xx for this message or its recipient, or the address
     * cannot be written at all. Refused credentials and unreachable servers are our side: retried.
     */
    static boolean permanent(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return false;
        }
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof AddressException) {
                return true;
            }
            if (x instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                return true;
            }
            if (x instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    private static String describe(MessagingException e) {
        StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()).strip());
        Exception next = e.getNextException();
        if (next == null && e.getCause() != null && e.getCause() != e) {
            reason.append(": ").append(e.getCause().getMessage());
        }
        for (; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            reason.append(": ").append(String.valueOf(next.getMessage()).strip());
        }
        if (e instanceof SendFailedException s && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0) {
            reason.append(" (refused recipient)");
        }
        return reason.toString().replaceAll("\\s+", " ");
    }
}
