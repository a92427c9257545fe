package org.credence.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Without an SMTP server, mail is written as {@code .eml} files that any mail program opens, and listed on /outbox. */
final class OutboxTransport implements MailTransport {
    private final Path folder;
    private final Session session = MailTransport.plainSession();

    OutboxTransport(Path folder) {
        this.folder = folder;
    }

    static String fileName(long mailId) {
        return "mail-" + mailId + ".eml";
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public String send(long mailId, MimeMessage message) throws MailFailure {
        try {
            Files.createDirectories(folder);
            message.saveChanges();
            // written beside, then moved: the outbox page never sees half a mail
            Path partial = folder.resolve(fileName(mailId) + ".partial");
            // buffered: a message is written as thousands of 76-character base64 lines
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial), 64 * 1024)) {
                message.writeTo(out);
            }
            Files.move(partial, folder.resolve(fileName(mailId)), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return message.getMessageID();
        } catch (IOException | MessagingException e) {
            throw new MailFailure(false, "could not write to the outbox " + folder + ": " + e.getMessage(), e);
        }
    }
}
