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

    /**
     * A multipart/alternative message (text, and HTML with the look's images inline in a multipart/related), wrapped
     * in multipart/mixed when it has attachments. The sender keeps the installation's address (which its SPF and DKIM
     * cover) under the tenant's sender name; replies go to the tenant's reply-to address when it set one.
     */
    static MimeMessage build(Session session, String from, String to, MailContent content, MailLook look,
                             List<MailAttachments.Attachment> attachments, Instant now) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        InternetAddress sender = new InternetAddress(from, true);
        if (look.senderName().isPresent()) {
            try {
                sender.setPersonal(look.senderName().get(), "UTF-8");
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
        }
        message.setFrom(sender);
        if (look.replyTo().isPresent()) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(look.replyTo().get(), true)});
        }
        message.setRecipients(Message.RecipientType.TO, new InternetAddress[] {new InternetAddress(to, true)});
        // a line break in a name must not become a header of its own
        message.setSubject(content.subject().replaceAll("[\\r\\n\\t]+", " "), "UTF-8");
        message.setSentDate(Date.from(now));
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), "UTF-8");
        text.setHeader("Content-Transfer-Encoding", transferEncoding(content.text()));
        alternative.addBodyPart(text);
        alternative.addBodyPart(htmlWithImages(content, look));
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

    /**
     * The encoding Jakarta Mail would choose for a text part, decided from the characters: 7bit for ASCII in lines of at
     * most 998, else quoted-printable. Left to Jakarta Mail, each part's bytes went one by one through a scanner, about
     * 5 % of the server's CPU while issuing one by one (issue 14).
     */
    static String transferEncoding(String text) {
        int line = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == 0 || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                return "quoted-printable";
            }
            line = c == '\n' ? 0 : line + 1;
            if (line > 998) {
                return "quoted-printable";
            }
        }
        return "7bit";
    }

    /** The HTML part, and beside it in a multipart/related each image it shows by Content-ID. */
    private static MimeBodyPart htmlWithImages(MailContent content, MailLook look) throws MessagingException {
        MimeBodyPart html = new MimeBodyPart();
        String markup = content.html(look);
        html.setText(markup, "UTF-8", "html");
        html.setHeader("Content-Transfer-Encoding", transferEncoding(markup));
        List<MailLook.Image> images = java.util.stream.Stream.of(look.logo(), look.badge()).flatMap(java.util.Optional::stream).toList();
        if (images.isEmpty()) {
            return html;
        }
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(html);
        for (MailLook.Image image : images) {
            // encoded once per image, not per mail; a part of known encoding is not scanned again to choose one (issue 14)
            MimeBodyPart part = new jakarta.mail.internet.PreencodedMimeBodyPart("base64");
            part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(EncodedImages.base64(image.png()), "image/png")));
            part.setContentID("<" + image.cid() + ">");
            part.setDisposition(jakarta.mail.Part.INLINE);
            part.setFileName(image.cid().substring(0, image.cid().indexOf('@')) + ".png");
            related.addBodyPart(part);
        }
        MimeBodyPart wrapper = new MimeBodyPart();
        wrapper.setContent(related);
        return wrapper;
    }
}
