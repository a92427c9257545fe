package org.credence.delivery;

import java.util.List;

/**
 * One rendered mail: the same words as plain text (user text as it is) and as HTML (user text
 * escaped by the JTE template {@code mail/message.jte}, in the tenant's {@link MailLook}).
 */
public record MailContent(String lang, String subject, String greeting, String body, String actionLabel, String actionUrl,
                          String after, List<Link> links, String footer) {
    /** A link under the main action. */
    public record Link(String label, String url) {}

    String text() {
        StringBuilder text = new StringBuilder();
        text.append(greeting).append("\n\n").append(body).append("\n\n")
                .append(actionLabel).append(":\n").append(actionUrl).append("\n\n").append(after).append("\n");
        for (Link link : links) {
            text.append("\n").append(link.label()).append(":\n").append(link.url()).append("\n");
        }
        return text.append("\n-- \n").append(footer).append("\n").toString();
    }

    /** The HTML part in the tenant's look: its logo or name on its colour, the badge, and the action as a button. */
    String html(MailLook look) {
        return org.credence.http.Pages.render("mail/message.jte", java.util.Map.of("mail", this, "look", look,
                "badgeAlt", MailText.of(lang, "look.badge", java.util.Map.of())));
    }
}
