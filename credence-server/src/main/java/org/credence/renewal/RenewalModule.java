package org.credence.renewal;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.LongConsumer;
import org.credence.achievement.Achievements;
import org.credence.audit.AuditTrail;
import org.credence.delivery.Delivery;
import org.credence.delivery.Tokens;
import org.credence.issuance.Issuance;
import org.credence.lifecycle.Lifecycle;
import org.jdbi.v3.core.Jdbi;

/** Expiry, recertification and renewal (docs/renewal.md): its services, built and wired once. */
public final class RenewalModule {
    private final Renewals renewals;
    private final EmailChanges emails;
    private final RenewalSettings settings;
    private final ExpiryScan scan;
    private final URI publicUrl;

    private RenewalModule(Renewals renewals, EmailChanges emails, RenewalSettings settings, ExpiryScan scan, URI publicUrl) {
        this.renewals = renewals;
        this.emails = emails;
        this.settings = settings;
        this.scan = scan;
        this.publicUrl = publicUrl;
    }

    /**
     * Builds the module and plugs its mail (reminders, notices) into delivery.
     *
     * @param outcomesChanged told a tenant's id after a renewal fee was recorded as a revenue line
     */
    public static RenewalModule create(Jdbi jdbi, Issuance issuance, Achievements achievements, Delivery delivery, AuditTrail audit,
                                       Renewals.Listener renewed, ExpiryScan.Listener expired, LongConsumer outcomesChanged,
                                       URI publicUrl, Clock clock, SecureRandom random) {
        delivery.renderRenewalsWith(new RenewalMail(publicUrl, new Tokens(random)));
        Renewals renewals = new Renewals(jdbi, issuance, achievements, audit, clock, publicUrl, renewed, outcomesChanged);
        return new RenewalModule(renewals, new EmailChanges(jdbi, delivery, renewals, audit, clock),
                new RenewalSettings(jdbi, achievements, audit, clock), new ExpiryScan(jdbi, delivery, clock, expired), publicUrl);
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

    URI publicUrl() {
        return publicUrl;
    }
}
