package org.credence.renewal;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.LongConsumer;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.delivery.Delivery;
import org.credence.delivery.Tokens;
import org.credence.events.CredentialEvents;
import org.credence.issuance.Issuance;
import org.credence.jobs.Jobs;
import org.credence.lifecycle.Lifecycle;
import org.jdbi.v3.core.Jdbi;

/** Expiry, recertification and renewal (docs/renewal.md): its services, built and wired once. */
public final class RenewalModule {
    private final Renewals renewals;
    private final EmailChanges emails;
    private final RenewalSettings settings;
    private final ExpiryScan scan;
    private final URI publicUrl;
    private final Jdbi jdbi;
    private final Delivery delivery;
    private final Clock clock;

    private RenewalModule(Renewals renewals, EmailChanges emails, RenewalSettings settings, ExpiryScan scan, URI publicUrl, Jdbi jdbi,
                          Delivery delivery, Clock clock) {
        this.jdbi = jdbi;
        this.delivery = delivery;
        this.clock = clock;
        this.renewals = renewals;
        this.emails = emails;
        this.settings = settings;
        this.scan = scan;
        this.publicUrl = publicUrl;
    }

    /** The recurring job that runs {@link ExpiryScan}. */
    public static final String SCAN_TASK = "expiry-scan";
    static final java.time.Duration SCAN_EVERY = java.time.Duration.ofHours(1);

    /**
     * Builds the module, plugs its mail (reminders, notices) into delivery and registers the expiry scan as a recurring job.
     *
     * @param outcomesChanged told a tenant's id after a renewal fee was recorded as a revenue line
     */
    public static RenewalModule create(Jdbi jdbi, Issuance issuance, Achievements achievements, Delivery delivery, AuditTrail audit,
                                       CredentialEvents events, Jobs jobs, LongConsumer outcomesChanged, URI publicUrl, Clock clock,
                                       SecureRandom random) {
        delivery.renderRenewalsWith(new RenewalMail(publicUrl, new Tokens(random)));
        Renewals renewals = new Renewals(jdbi, issuance, achievements, audit, clock, publicUrl, events, outcomesChanged);
        ExpiryScan scan = new ExpiryScan(jdbi, delivery, clock, events);
        // reminders are days apart: an hourly scan is on time, and one process at a time runs it
        jobs.recurring(SCAN_TASK, SCAN_EVERY, scan::run);
        return new RenewalModule(renewals, new EmailChanges(jdbi, delivery, renewals, audit, clock),
                new RenewalSettings(jdbi, achievements, audit, clock), scan, publicUrl, jdbi, delivery, clock);
    }

    /** The revocation and suspension notices, for {@link Lifecycle} (built before this module). */
    public static Lifecycle.StateListener stateNotices(Delivery delivery) {
        return new StateNotices(delivery);
    }

    public Renewals renewals() {
        return renewals;
    }

    public EmailChanges emails() {
        return emails;
    }

    public RenewalSettings settings() {
        return settings;
    }

    /** The expiry scan: the {@code expiry-scan} recurring job runs it; tests run it with a moved clock. */
    public ExpiryScan scan() {
        return scan;
    }

    /**
     * Another scanner of the same data telling its events to {@code events}, as a second process would: tests watch the
     * events it records, and that two scanners record each expiry once between them.
     */
    public ExpiryScan scanTelling(CredentialEvents events) {
        return new ExpiryScan(jdbi, delivery, clock, events);
    }

    Clock clock() {
        return clock;
    }

    URI publicUrl() {
        return publicUrl;
    }
}
