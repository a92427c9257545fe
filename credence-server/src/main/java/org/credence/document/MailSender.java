package org.credence.document;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/**
 * The checks of a tenant's mail sender settings (branding fields {@code mailSenderName} and {@code mailReplyTo}):
 * both end up in mail headers, so neither may carry a line break, and the reply-to must be one plain address.
 */
public final class MailSender {
    /** The longest sender name kept; mail programs show about 30 characters. */
    public static final int NAME_MAX = 100;

    private MailSender() {}

    /** The sender name as stored (null: none, the tenant's name is used), or why it cannot be. */
    public static String name(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip();
        if (name.length() > NAME_MAX || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new DomainException.InvalidInput("mailSenderName",
                    ErrorText.of("mail_sender.name_invalid", "max", NAME_MAX));
        }
        return name;
    }

    /** The reply-to address as stored (null: none), or why it cannot be. */
    public static String replyTo(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String address = value.strip();
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (parsed.getPersonal() != null || !parsed.getAddress().equals(address) || address.length() > 254 || !address.contains("@")) {
                throw new AddressException("not a plain address");
            }
            return address;
        } catch (AddressException e) {
            throw new DomainException.InvalidInput("mailReplyTo", ErrorText.of("mail_sender.reply_to_invalid"));
        }
    }
}
