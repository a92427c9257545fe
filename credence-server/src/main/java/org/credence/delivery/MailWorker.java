package org.credence.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due mail: renders it, hands it to the transport, and records the outcome. A failure worth
 * retrying goes back to the queue with exponential backoff and jitter; a 5xx refusal is a bounce;
 * after {@link #MAX_ATTEMPTS} the mail is failed with its last reason. Nothing is held in memory:
 * the queue is the table, so a restart loses nothing. It runs as jobs (docs/jobs.md): {@link Delivery} registers
 * the recurring poll and the "mail now" job a {@link #wake()} enqueues.
 */
public final class MailWorker {
    private static final Logger LOG = LoggerFactory.getLogger(MailWorker.class);
    static final int MAX_ATTEMPTS = 12;
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LONGEST_RETRY = Duration.ofHours(2);
    /** A sender that crashed mid-send gives its mail back after this long. */
    static final Duration LEASE = Duration.ofMinutes(5);
    /**
     * Mails taken at once: their claim links are minted in one transaction and their "sent" recorded in one, over one SMTP
     * session. A crash between sending and recording sends at most this many again (mail is at-least-once either way).
     */
    static final int BATCH = 50;
    /** How long {@link #runDue} waits after a batch that was not full, for the rest of a burst to arrive. */
    static final Duration GATHER = Duration.ofMillis(200);
    /** Wakes closer together than this share one "mail now" job: one insert for a burst of issuances, not one each. */
    private static final long WAKE_EVERY_NANOS = 100_000_000L;

    private final Jdbi jdbi;
    private final MailTransport transport;
    private final MailComposer composer;
    private final MailAttachments attachments;
    private final String from;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration gather;
    private final AtomicLong lastWake = new AtomicLong(System.nanoTime() - WAKE_EVERY_NANOS);
    private volatile Runnable waker;
    /** Mails a second the worker may send now; 0 for as fast as it can. Unpaced by default (set by {@link #paceWith}). */
    private volatile java.util.function.IntSupplier pace = () -> 0;
    /** Paced: the {@link System#nanoTime()} from which the rate allows the next batch, shared by every sending thread (the poll and "mail now" jobs). */
    private final AtomicLong pacedUntil = new AtomicLong(System.nanoTime());
    /** Set once at start, after the badges exist (they are built after delivery). */
    private volatile MailBrand brand = MailBrand.PLAIN;

    /** @param gather how long to wait after a batch that was not full ({@link #GATHER}; zero: look again at once, as tests want) */
    MailWorker(Jdbi jdbi, MailTransport transport, MailComposer composer, MailAttachments attachments, String from, Clock clock,
               SecureRandom random, Duration gather) {
        this.gather = gather;
        this.jdbi = jdbi;
        this.transport = transport;
        this.composer = composer;
        this.attachments = attachments;
        this.from = from;
        this.clock = clock;
        this.random = random;
    }

    void brandWith(MailBrand brand) {
        this.brand = brand;
    }

    /**
     * Caps the sending rate while {@code mailsPerSecondNow} answers more than 0: a bulk job's mail then goes out at a steady rate
     * behind the job instead of taking the job's CPU (issue 14); asked once per batch.
     */
    void paceWith(java.util.function.IntSupplier mailsPerSecondNow) {
        this.pace = mailsPerSecondNow;
    }

    /** What {@link #wake()} does: enqueue the "mail now" job; none (tests that send the queue themselves) by default. */
    void wakeWith(Runnable waker) {
        this.waker = waker;
    }

    /**
     * Has due mail looked for now rather than at the next poll (after an issuance, say). Runs after a commit, on the
     * request's thread: a failure is logged, never thrown, and the poll sends the mail anyway.
     */
    void wake() {
        Runnable wakeNow = waker;
        long now = System.nanoTime();
        long last = lastWake.get();
        if (wakeNow == null || now - last < WAKE_EVERY_NANOS || !lastWake.compareAndSet(last, now)) {
            return;
        }
        try {
            wakeNow.run();
        } catch (RuntimeException e) {
            LOG.warn("could not wake the mail job; the next poll sends the mail: {}", e.toString());
        }
    }

    /**
     * Sends every mail that is due at the clock's now, until none is; returns how many were attempted. Safe to call from
     * several threads or nodes. After a batch that was not full it waits {@link #gather} before looking again, so the mail of
     * a burst of issuances goes out in full batches rather than in batches of one or two that each pay a batch's statements
     * and commits (issue 14); the wait holds no connection and uses no CPU.
     */
    public int runDue() {
        int attempted = 0;
        while (true) {
            Instant now = clock.instant();
            List<MailQueue.Due> due = jdbi.inTransaction(h -> MailQueue.take(h, now, now.plus(LEASE), BATCH));
            if (due.isEmpty()) {
                transport.idle();
                return attempted;
            }
            long started = System.nanoTime();
            send(due, now);
            attempted += due.size();
            int mailsPerSecond = pace.getAsInt();
            long until = mailsPerSecond <= 0 ? started : pacedUntil.updateAndGet(previous -> nextBatchAt(previous, started, due.size(), mailsPerSecond));
            long pause = Math.max(0, until - System.nanoTime());
            if (due.size() < BATCH && !gather.isZero()) {
                pause = Math.max(pause, gather.toNanos());
            }
            if (pause > 0) {
                try {
                    Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // shutting down: the poll after the restart sends the rest
                    transport.idle();
                    return attempted;
                }
            }
        }
    }

    /**
     * When the next batch may start so that the mail of every sending thread together stays at most {@code mailsPerSecond}: a
     * batch of {@code sent} mails takes its share of time from the later of its start and the end of the share before it.
     */
    static long nextBatchAt(long previousUntil, long startedNanos, int sent, int mailsPerSecond) {
        return Math.max(previousUntil, startedNanos) + sent * 1_000_000_000L / mailsPerSecond;
    }

    /** Composes and sends a batch taken from the queue, then records it: sent in one statement, each failure at once. */
    private void send(List<MailQueue.Due> due, Instant now) {
        List<MailQueue.Sent> sent = new java.util.ArrayList<>(due.size());
        Map<Long, Optional<MailContent>> composed = composeAll(due, now);
        Map<Long, MailLook> looks = looks(due);
        for (MailQueue.Due mail : due) {
            MailQueue.Sent one = attempt(mail, composed, looks);
            if (one != null) {
                sent.add(one);
            }
        }
        if (!sent.isEmpty()) {
            jdbi.useTransaction(h -> MailQueue.sentAll(h, sent, clock.instant()));
        }
    }

    /**
     * The words of every mail of the batch but reports, composed in one transaction (one commit for all their claim links);
     * empty when that failed, and each is then composed alone, so a mail that cannot be composed fails only itself.
     */
    private Map<Long, Optional<MailContent>> composeAll(List<MailQueue.Due> due, Instant now) {
        try {
            return jdbi.inTransaction(h -> composer.composeAll(h, due, now));
        } catch (RuntimeException e) {
            LOG.info("composing {} mails at once failed, composing each alone: {}", due.size(), e.toString());
            return Map.of();
        }
    }

    /** Sends the mail (composed already, or now); what to record as sent, or null when it failed (recorded at once). */
    private MailQueue.Sent attempt(MailQueue.Due mail, Map<Long, Optional<MailContent>> composedAll, Map<Long, MailLook> looks) {
        Instant now = clock.instant();
        try {
            Optional<ReportMail.Rendered> composed = mail.kind() == MailKind.WEEKLY_REPORT ? composer.report(mail)
                    : (composedAll.containsKey(mail.id()) ? composedAll.get(mail.id()) : jdbi.inTransaction(h -> composer.compose(h, mail, now)))
                    .map(content -> new ReportMail.Rendered(content, attachments.attachments(mail.tenantId(), mail.credentialId(), mail.kind().column())));
            if (composed.isEmpty()) {
                String why = mail.kind() == MailKind.WEEKLY_REPORT ? "not sent: the report could not be rendered"
                        : mail.kind().survey() ? "not sent: the survey was answered or closed before the mail went out"
                        : mail.kind().account() ? "not sent: the link was used or expired before the mail went out"
                        : "not sent: the credential was revoked before the mail went out";
                jdbi.useTransaction(h -> MailQueue.end(h, mail, "failed", why, now));
                return null;
            }
            MailContent content = composed.get().content();
            MimeMessage message = MailTransport.build(transport.session(), from, mail.recipient(), content,
                    looks.containsKey(mail.id()) ? looks.get(mail.id()) : look(mail),
                    composed.get().attachments(), now);
            String messageId = transport.send(mail.id(), message);
            return new MailQueue.Sent(mail, content.subject(), messageId);
        } catch (MailFailure e) {
            failed(mail, e.permanent(), e.getMessage());
        } catch (MessagingException e) {
            failed(mail, SmtpTransport.permanent(e), "the message could not be built: " + e.getMessage());
        } catch (RuntimeException e) {
            // a rendering or attachment problem of ours: retried, and given up with the reason after MAX_ATTEMPTS
            failed(mail, false, e.toString());
        }
        return null;
    }

    /** The looks of the batch's mails by mail id, read together; empty when that failed, and each is then looked up alone. */
    private Map<Long, MailLook> looks(List<MailQueue.Due> due) {
        try {
            List<MailLook> looks = brand.looks(due.stream().map(MailQueue.Due::tenantId).toList(), due.stream().map(MailQueue.Due::credentialId).toList());
            Map<Long, MailLook> byMail = new java.util.HashMap<>();
            for (int i = 0; i < due.size(); i++) {
                byMail.put(due.get(i).id(), looks.get(i));
            }
            return byMail;
        } catch (RuntimeException e) {
            LOG.info("reading the looks of {} mails at once failed, reading each alone: {}", due.size(), e.toString());
            return Map.of();
        }
    }

    /** The tenant's look; Credence's plain one when it cannot be found (a badge that fails to draw must not hold up the mail). */
    private MailLook look(MailQueue.Due mail) {
        try {
            return brand.look(mail.tenantId(), mail.credentialId());
        } catch (RuntimeException e) {
            LOG.warn("mail {} goes out in the plain look: its branding could not be read: {}", mail.id(), e.toString());
            return MailLook.PLAIN;
        }
    }

    private void failed(MailQueue.Due mail, boolean permanent, String reason) {
        Instant now = clock.instant();
        LOG.info("mail {} ({}) attempt {} failed{}: {}", mail.id(), mail.kind().column(), mail.attempts(), permanent ? " for good" : "", reason);
        jdbi.useTransaction(h -> {
            if (permanent) {
                MailQueue.end(h, mail, "bounced", reason, now);
            } else if (mail.attempts() >= MAX_ATTEMPTS) {
                MailQueue.end(h, mail, "failed", "gave up after " + mail.attempts() + " attempts: " + reason, now);
            } else {
                MailQueue.retry(h, mail, reason, now.plus(backoff(mail.attempts())), now);
            }
        });
    }

    /** Exponential, capped, with "equal jitter": half the delay fixed, half random, so retries of many mails spread out. */
    Duration backoff(int attempts) {
        long full = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempts - 1, 20));
        return Duration.ofMillis(full / 2 + (long) (random.nextDouble() * (full / 2)));
    }
}
