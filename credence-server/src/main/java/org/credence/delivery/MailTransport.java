package org.credence.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Where a built message goes: an SMTP server ({@link SmtpTransport}) or the outbox folder ({@link OutboxTransport}). */
interface MailTransport {
    /**
     * Names Angus Mail's stream provider, which Jakarta Mail 2.1 otherwise looks up with a ServiceLoader scan of the class
     * path for every part it builds or writes (jakartaee/mail-api#699, #861): a tenth of a mail's CPU. Called before any
     * message is built; a provider named already (by an operator) is kept.
     */
    static void nameStreamProvider() {
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    /** Sends the message and returns its Message-ID. */
    String send(long mailId, MimeMessage message) throws MailFailure;

    /** The queue is empty for now: release what is held open between messages. */
    default void idle() {
    }

    /** The Jakarta Mail session messages are built in. */
    Session session();

    static Session plainSession() {
        return Session.getInstance(new Properties());
    }

    /** A multipart/alternative message (text and HTML), wrapped in multipart/mixed when it has attachments. */
    static MimeMessage build(Session session, String from, String to, MailContent content, List<MailAttachments.Attachment> attachments,
                             Instant now) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, true));
        message.setRecipients(Message.RecipientType.TO, new InternetAddress[] {new InternetAddress(to, true)});
        // a line break in a name must not become a header of its own
        message.setSubject(content.subject().replaceAll("[\\r\\n\\t]+", " "), "UTF-8");
        message.setSentDate(Date.from(now));
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(content.html(), "UTF-8", "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (attachments.isEmpty()) {
            message.setContent(alternative);
            return message;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        mixed.addBodyPart(body);
        for (MailAttachments.Attachment a : attachments) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
            part.setFileName(a.filename());
            mixed.addBodyPart(part);
        }
        message.setContent(mixed);
        return message;
    }
}
