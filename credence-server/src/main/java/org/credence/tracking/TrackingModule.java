package org.credence.tracking;

import io.javalin.config.JavalinConfig;
import java.security.SecureRandom;
import java.time.Clock;
import org.credence.events.CredentialEvents;
import org.credence.jobs.Jobs;
import org.jdbi.v3.core.Jdbi;

/** Tracking wired together: the tracker pages call, its writer, the retention job and the routes. */
public final class TrackingModule implements AutoCloseable {
    private final Tracker tracker;
    private final EventWriter writer;

    private TrackingModule(Tracker tracker, EventWriter writer) {
        this.tracker = tracker;
        this.writer = writer;
    }

    /**
     * Builds tracking and registers its retention job (raw events older than the retention period are deleted).
     *
     * @param events told of each counted view, share and verification, in the transaction that stores it (webhooks)
     */
    public static TrackingModule create(Jdbi jdbi, TrackingSettings settings, Jobs jobs, Clock clock, SecureRandom random, CredentialEvents events) {
        Countries countries = settings.geoipFiles().isEmpty() ? Countries.none() : Countries.load(settings.geoipFiles());
        EventWriter writer = settings.groupCommit() ? EventWriter.groupCommit(jdbi, events) : EventWriter.direct(jdbi, events);
        Tracker tracker = new Tracker(jdbi, clock, settings, UserAgents.counterList(), countries, new VisitorKeys(jdbi, clock, random), writer);
        jobs.recurring(EventRetention.JOB, EventRetention.EVERY, new EventRetention(jdbi, clock, settings.retentionMonths())::run);
        return new TrackingModule(tracker, writer);
    }

    /** The API pages and services record events with. */
    public Tracker tracker() {
        return tracker;
    }

    /** Server-side counting for pages and files, with the recipient's own requests told apart by {@code recipients}. */
    public ServerEvents events(RecipientCheck recipients) {
        return new ServerEvents(tracker, recipients);
    }

    /** Registers {@code /r}, {@code /s} and {@code /t}; the share targets and the recipient check are the pages' to give. */
    public void register(JavalinConfig config, ShareTargets shares, RecipientCheck recipients) {
        TrackingRoutes.register(config, tracker, shares, recipients);
    }

    /** Writes the events already queued. */
    @Override
    public void close() {
        writer.close();
    }
}
