package org.credence.delivery;

import java.util.List;

/** One mail in the outbox list: its file, addressee, subject, date, text part and the names of its attachments (with their size). */
public record OutboxMail(String name, String to, String subject, String date, String text, List<String> attachments) {}
