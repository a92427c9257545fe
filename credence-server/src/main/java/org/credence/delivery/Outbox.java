package org.credence.delivery;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The outbox folder read back: the mails written when no SMTP server is configured. */
final class Outbox {
    private final Path folder;
    private final boolean inUse;

    Outbox(Path folder, boolean inUse) {
        this.folder = folder;
        this.inUse = inUse;
    }

    /** False when mail goes to an SMTP server: then there is no outbox to show. */
    boolean inUse() {
        return inUse;
    }

    /** Newest first, at most {@code limit}. */
    List<OutboxMail> list(int limit) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> names = files.filter(p -> valid(p.getFileName().toString()))
                    .sorted(Comparator.comparingLong(Outbox::number).reversed()).limit(limit).toList();
            List<OutboxMail> entries = new ArrayList<>();
            for (Path p : names) {
                MimeMessage m = read(p);
                entries.add(new OutboxMail(p.getFileName().toString(), InternetAddress.toUnicodeString(m.getAllRecipients()), m.getSubject(),
                        m.getSentDate() == null ? "" : m.getSentDate().toInstant().toString(), part(m, "text/plain").orElse(""), attachments(m)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("an outbox mail could not be read: " + e.getMessage(), e);
        }
    }

    /** The HTML part of the mail {@code name}, if there is such a mail. */
    Optional<String> html(String name) {
        if (!valid(name) || !Files.isRegularFile(folder.resolve(name))) {
            return Optional.empty();
        }
        try {
            return part(read(folder.resolve(name)), "text/html");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the outbox mail " + name + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Only names the outbox writes: nothing like {@code ../} reaches the file system. */
    static boolean valid(String name) {
        return name.matches("mail-[0-9]{1,19}\\.eml");
    }

    private static long number(Path p) {
        String name = p.getFileName().toString();
        return Long.parseLong(name.substring(5, name.length() - 4));
    }

    private static MimeMessage read(Path p) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(p)) {
            return new MimeMessage(MailTransport.plainSession(), in);
        }
    }

    /** "CRD-….pdf (25 kB)" for each attached file, so a newcomer sees the certificate went with the mail. */
    private static List<String> attachments(MimeMessage m) throws MessagingException, IOException {
        List<String> names = new ArrayList<>();
        if (m.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) m.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    try (InputStream in = child.getInputStream()) {
                        names.add(child.getFileName() + " (" + Math.max(1, in.readAllBytes().length / 1024) + " kB)");
                    }
                }
            }
        }
        return names;
    }

    private static Optional<String> part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return Optional.of((String) part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = part(child, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
