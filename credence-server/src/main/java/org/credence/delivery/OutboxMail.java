package org.credence.delivery;

/** One mail in the outbox list: its file, addressee, subject, date and text part. */
public record OutboxMail(String name, String to, String subject, String date, String text) {}
