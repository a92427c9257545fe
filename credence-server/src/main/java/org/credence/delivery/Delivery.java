package org.credence.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.credence.audit.AuditTrail;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.issuance.CredentialStore;
import org.credence.issuance.IssuanceListener;
import org.credence.issuance.IssuedCredential;
import org.credence.jobs.Jobs;
import org.credence.json.JsonFields;
import org.credence.tenant.Caller;
import org.credence.tenant.Tenant;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Mail, claim links and the recipient's page. Queues the "your credential" mail in the issuing
 * transaction, sends it in the background (SMTP, or the outbox folder), and answers the issuer's
 * delivery questions: what happened to the mail, and send a new link.
 */
public final class Delivery implements IssuanceListener {
    /** The recurring job sending due mail. */
    public static final String MAIL_JOB = "mail";
    /** The one-time job a fresh mail enqueues (key "now", one queued at a time) so it is sent before the next poll. */
    public static final String MAIL_NOW_JOB = "mail-now";
    private static final java.time.Duration MAIL_NOW_GIVE_UP = java.time.Duration.ofHours(1);
    private final Jdbi jdbi;
    private final Tenants tenants;
    private final AuditTrail audit;
    private final Clock clock;
    private final MailWorker worker;
    private final MailSettings settings;
    private final Path outbox;
    private final Claims claims;
    private final Recipients recipients;
    private final boolean secureCookies;
    private final URI publicUrl;
    private final MailComposer composer;
    private final MailPreviews previews;
    private java.util.function.BiFunction<Long, String, java.util.List<org.credence.pathway.RecipientPathway>> pathways = (tenant, email) -> java.util.List.of();

    private Delivery(Jdbi jdbi, Tenants tenants, AuditTrail audit, Clock clock, MailWorker worker, MailComposer composer, MailSettings settings,
                     Path outbox, Tokens tokens, URI publicUrl, org.credence.events.CredentialEvents events) {
        this.composer = composer;
        this.previews = new MailPreviews(jdbi, tenants, publicUrl, settings.from(), clock);
        this.secureCookies = "https".equals(publicUrl.getScheme());
        this.publicUrl = publicUrl;
        this.jdbi = jdbi;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
        this.worker = worker;
        this.settings = settings;
        this.outbox = outbox;
        this.claims = new Claims(jdbi, audit, clock, this, tokens, events);
        this.recipients = new Recipients(jdbi, tenants, tokens, clock, this, audit);
    }

    /**
     * Builds delivery and registers its jobs: {@value #MAIL_JOB}, which sends due mail every {@link MailSettings#pollEvery()},
     * and {@value #MAIL_NOW_JOB}, which a fresh mail enqueues so it goes out before the next poll. A zero poll
     * registers neither: tests send the queue themselves ({@link MailWorker#runDue()}).
     *
     * @param attachments files attached when a mail is sent (the certificate PDF, once wired)
     * @param events      told of each first claim, inside its transaction (webhooks)
     */
    public static Delivery create(Jdbi jdbi, Tenants tenants, AuditTrail audit, MailSettings settings, Path dataDirectory, URI publicUrl,
                                  MailAttachments attachments, Jobs jobs, Clock clock, SecureRandom random,
                                  org.credence.events.CredentialEvents events) {
        Tokens tokens = new Tokens(random);
        MailTransport.nameStreamProvider();
        Path outbox = dataDirectory.resolve("outbox");
        MailTransport transport = settings.smtp().<MailTransport>map(SmtpTransport::new).orElseGet(() -> new OutboxTransport(outbox));
        MailComposer composer = new MailComposer(publicUrl, tokens);
        // no background worker (tests sending the queue themselves): nothing to gather for
        MailWorker worker = new MailWorker(jdbi, transport, composer, attachments, settings.from(), clock, random,
                settings.pollEvery().isZero() ? java.time.Duration.ZERO : MailWorker.GATHER);
        if (!settings.pollEvery().isZero()) {
            jobs.recurring(MAIL_JOB, settings.pollEvery(), worker::runDue);
            // each mail keeps its own retries (MailWorker's backoff); this job only has the queue looked at now
            jobs.oneTime(MAIL_NOW_JOB, MAIL_NOW_GIVE_UP, job -> worker.runDue());
            // the scheduler keeps real time (a test's moved clock is for the mail's own due times)
            worker.wakeWith(() -> jobs.enqueue(MAIL_NOW_JOB, null, "now", Instant.now()));
        }
        return new Delivery(jdbi, tenants, audit, clock, worker, composer, settings, outbox, tokens, publicUrl, events);
    }

    /** Claims, for the claim pages ({@link DeliveryRoutes}). */
    Claims claims() {
        return claims;
    }

    /** The recipients' sign-in and pages ({@link DeliveryRoutes}). */
    Recipients recipients() {
        return recipients;
    }

    /** The outbox folder's mails, shown only when no SMTP server is set. */
    Outbox outbox() {
        return new Outbox(outbox, settings.smtp().isEmpty());
    }

    /** Whether cookies are marked Secure: the public URL is https. */
    boolean secureCookies() {
        return secureCookies;
    }

    URI publicUrl() {
        return publicUrl;
    }

    java.util.function.BiFunction<Long, String, java.util.List<org.credence.pathway.RecipientPathway>> pathways() {
        return pathways;
    }

    Clock clock() {
        return clock;
    }

    /** The latest mail and the claim of each of the tenant's {@code credentialIds} (a page of them); missing ids are left out. */
    java.util.Map<java.util.UUID, CredentialDelivery> latest(long tenantId, java.util.List<java.util.UUID> credentialIds) {
        return credentialIds.isEmpty() ? java.util.Map.of() : jdbi.withHandle(h -> MailQueue.latest(h, tenantId, credentialIds));
    }

    /**
     * Whether {@code recipientSession} (the value of the recipient's session cookie, or null) is the credential's recipient,
     * signed in on {@code /me}: their own views and verifications are not counted as anyone else's
     * ({@link DeliveryRoutes#isRecipient} reads the cookie of a request).
     */
    public boolean isRecipient(String recipientSession, long tenantId, java.util.UUID credentialId) {
        return recipients.isRecipient(recipientSession, tenantId, credentialId);
    }

    /** The worker, for a command or a test that wants the queue sent now. */
    public MailWorker worker() {
        return worker;
    }

    @Override
    public void issued(Handle h, Tenant tenant, IssuedCredential credential, boolean notify) {
        if (notify) {
            queue(h, credential, MailKind.CREDENTIAL_ISSUED, tenant.locale());
        }
    }

    /** A batch's mails in one insert: the same mail {@link #issued} queues for each credential to notify. */
    @Override
    public void issuedAll(Handle h, Tenant tenant, java.util.List<IssuedCredential> credentials, java.util.List<Boolean> notify) {
        java.util.List<java.util.UUID> ids = new java.util.ArrayList<>();
        java.util.List<String> recipients = new java.util.ArrayList<>();
        for (int i = 0; i < credentials.size(); i++) {
            if (notify.get(i)) {
                ids.add(credentials.get(i).id());
                recipients.add(credentials.get(i).recipientEmail());
            }
        }
        if (!ids.isEmpty()) {
            MailQueue.enqueueAll(h, tenant.id(), ids, MailKind.CREDENTIAL_ISSUED, recipients, tenant.locale(), clock.instant());
            h.afterCommit(worker::wake);
        }
    }

    /** Queues a mail about a credential to its recipient; the worker is woken once the transaction commits. */
    long queue(Handle h, IssuedCredential credential, MailKind kind, String language) {
        long id = MailQueue.enqueue(h, credential.tenantId(), credential.id(), kind, credential.recipientEmail(), language, clock.instant());
        h.afterCommit(worker::wake);
        return id;
    }

    /**
     * Queues the weekly report to {@code email}, inside the caller's transaction; {@link ReportMail}
     * renders it when it is sent.
     *
     * @param week the ISO week reported on, "2026-W48"
     * @return the mail's id
     */
    public long queueWeeklyReport(Handle h, long tenantId, String email, String language, String week) {
        long id = MailQueue.enqueue(h, tenantId, null, MailKind.WEEKLY_REPORT, email, language, week, clock.instant());
        h.afterCommit(worker::wake);
        return id;
    }

    /**
     * Queues a survey invitation or reminder (rendered at send time by the renderer given to {@link #renderSurveysWith});
     * {@code credentialId} is null for a sampled non-completer. The worker is woken once the transaction commits.
     */
    public long queueSurvey(Handle h, long tenantId, java.util.UUID credentialId, boolean reminder, String recipient, String language) {
        long id = MailQueue.enqueue(h, tenantId, credentialId, reminder ? MailKind.SURVEY_REMINDER : MailKind.SURVEY_INVITATION, recipient,
                language, clock.instant());
        h.afterCommit(worker::wake);
        return id;
    }

    /** Shows each signed-in recipient their progress on the pathways they started (tenant id, e-mail); call before {@link #register}. */
    public void showPathwaysWith(java.util.function.BiFunction<Long, String, java.util.List<org.credence.pathway.RecipientPathway>> pathways) {
        this.pathways = pathways;
    }

    /**
     * Has the mail worker send at most {@code mailsPerSecondNow} mails a second while it answers more than 0 (a bulk job runs:
     * {@code IssuanceJobs#mailPaceNow}); call before the server starts.
     */
    public void paceWith(java.util.function.IntSupplier mailsPerSecondNow) {
        worker.paceWith(mailsPerSecondNow);
    }

    /** Plugs in the reports module, which renders report mails when they are sent. */
    public void renderReportsWith(ReportMail reports) {
        composer.renderReportsWith(reports);
    }

    /** Who renders survey mail (the survey module, built after delivery). */
    public void renderSurveysWith(MailRenderer renderer) {
        composer.renderSurveysWith(renderer);
    }

    /** Who renders password resets and invitations (the user module, built after delivery). */
    public void renderAccountsWith(MailRenderer renderer) {
        composer.renderAccountsWith(renderer);
    }

    /**
     * Queues a staff user's password-reset or invitation mail, inside the caller's transaction; rendered with a fresh
     * single-use link when sent (by the renderer given to {@link #renderAccountsWith}). Returns the mail's id.
     */
    public long queueAccountMail(Handle h, long tenantId, boolean invitation, String email, String language) {
        long id = MailQueue.enqueue(h, tenantId, null, invitation ? MailKind.USER_INVITATION : MailKind.PASSWORD_RESET, email, language,
                clock.instant());
        h.afterCommit(worker::wake);
        return id;
    }

    /** Who renders expiry reminders and state notices (the renewal module, built after delivery). */
    public void renderRenewalsWith(MailRenderer renderer) {
        composer.renderRenewalsWith(renderer);
    }

    /** Mail goes out in the tenant's look (logo, colours, badge, sender name and reply-to); plugged in at start, after the badges exist. */
    public void brandWith(MailBrand brand) {
        worker.brandWith(brand);
        previews.brandWith(brand);
    }

    /** Every recipient mail rendered with a sample credential in the tenant's look, for {@code /app/branding/mails}. */
    public MailPreviews previews() {
        return previews;
    }

    /**
     * Queues the reminder that {@code credential} expires in {@code offsetDays} days (its reference), inside the caller's
     * transaction; rendered with a fresh renewal link when sent. Returns the mail's id.
     */
    public long queueExpiryReminder(Handle h, IssuedCredential credential, int offsetDays, String language) {
        long id = MailQueue.enqueue(h, credential.tenantId(), credential.id(), MailKind.EXPIRY_REMINDER, credential.recipientEmail(), language,
                Integer.toString(offsetDays), clock.instant());
        h.afterCommit(worker::wake);
        return id;
    }

    /** Queues the recipient's notice that {@code credential} was revoked (or else suspended), inside the caller's transaction. */
    public long queueStateNotice(Handle h, IssuedCredential credential, boolean revoked, String language) {
        return queue(h, credential, revoked ? MailKind.CREDENTIAL_REVOKED : MailKind.CREDENTIAL_SUSPENDED, language);
    }

    /** Queues the recipient's notice that {@code credential}'s suspension ended, inside the caller's transaction. */
    public long queueReinstatedNotice(Handle h, IssuedCredential credential, String language) {
        return queue(h, credential, MailKind.CREDENTIAL_REINSTATED, language);
    }

    /**
     * The language to write to {@code email} in at the tenant: that of the latest mail sent to the address there (the
     * recipient was addressed in it), else the tenant's own.
     */
    public static String recipientLanguage(Handle h, long tenantId, String email) {
        return h.createQuery("""
                        SELECT coalesce((SELECT language FROM mail WHERE tenant_id = :tenant AND recipient = :email ORDER BY id DESC LIMIT 1),
                                        CASE WHEN t.locale = 'nb' THEN 'nb' ELSE 'en' END)
                          FROM tenant t
                         WHERE t.id = :tenant
                        """)
                .bind("tenant", tenantId).bind("email", email).mapTo(String.class).one();
    }

    /**
     * After the issuer changed the recipient's address of {@code credentials} (as they now read): claim links mailed to
     * the old address stop working, mail still queued goes to the new one, and, when {@code newClaimLinks}, each
     * unclaimed credential that is not revoked gets a fresh claim link at the new address. Inside the caller's transaction.
     */
    public void addressChanged(Handle h, List<IssuedCredential> credentials, boolean newClaimLinks, String language) {
        Instant now = clock.instant();
        for (IssuedCredential c : credentials) {
            ClaimTokens.supersede(h, c.tenantId(), c.id(), now);
            h.createUpdate("UPDATE mail SET recipient = :to WHERE tenant_id = :tenant AND credential_id = :id AND status = 'queued'")
                    .bind("to", c.recipientEmail()).bind("tenant", c.tenantId()).bind("id", c.id()).execute();
            boolean unclaimed = h.createQuery("SELECT claimed_at IS NULL FROM credential WHERE tenant_id = :tenant AND id = :id")
                    .bind("tenant", c.tenantId()).bind("id", c.id()).mapTo(Boolean.class).one();
            if (newClaimLinks && unclaimed && !c.state().equals("revoked")) {
                queue(h, c, MailKind.CLAIM_LINK, language);
            }
        }
    }

    long queueSignIn(Handle h, long tenantId, String email, String language) {
        long id = MailQueue.enqueue(h, tenantId, null, MailKind.RECIPIENT_SIGN_IN, email, language, clock.instant());
        h.afterCommit(worker::wake);
        return id;
    }

    /** Every mail about the credential and each step it went through. */
    ObjectNode history(Caller caller, String idOrNumber) {
        return jdbi.inTransaction(h -> {
            IssuedCredential credential = find(h, caller, idOrNumber);
            ObjectNode body = JsonFields.MAPPER.createObjectNode();
            body.put("credentialId", credential.id().toString());
            body.put("number", credential.number());
            // what the recipient chose when claiming: the issuer needs to know whether detailed tracking is consented to
            body.set("claim", h.createQuery("""
                            SELECT claimed_at
                                 , visibility
                                 , tracking_allowed
                              FROM credential
                             WHERE tenant_id = :tenant
                               AND id = :id
                            """)
                    .bind("tenant", credential.tenantId()).bind("id", credential.id())
                    .map((rs, ctx) -> JsonFields.MAPPER.createObjectNode()
                            .put("claimedAt", rs.getTimestamp("claimed_at") == null ? null : rs.getTimestamp("claimed_at").toInstant().toString())
                            .put("visibility", rs.getString("visibility")).put("trackingAllowed", rs.getBoolean("tracking_allowed")))
                    .one());
            ArrayNode mails = body.putArray("mails");
            for (MailQueue.Delivered d : MailQueue.ofCredential(h, credential.tenantId(), credential.id())) {
                ObjectNode mail = mails.addObject();
                mail.put("id", d.id()).put("kind", d.kind().column()).put("to", d.recipient()).put("status", d.status())
                        .put("attempts", d.attempts()).put("createdAt", d.createdAt().toString());
                putIfPresent(mail, "lastError", d.lastError());
                putIfPresent(mail, "sentAt", d.sentAt() == null ? null : d.sentAt().toString());
                putIfPresent(mail, "messageId", d.messageId());
                ArrayNode steps = mail.putArray("history");
                d.steps().forEach(s -> putIfPresent(steps.addObject().put("status", s.status()).put("at", s.at().toString()), "detail", s.detail()));
            }
            return body;
        });
    }

    /**
     * The newest {@code limit} mails about the tenant's credential, in the order they were queued, each with its steps
     * (the app's credential page).
     */
    public List<CredentialMail> mails(long tenantId, java.util.UUID credentialId, int limit) {
        return jdbi.withHandle(h -> MailQueue.ofCredential(h, tenantId, credentialId, limit)).stream()
                .map(d -> new CredentialMail(d.id(), d.kind().column(), d.recipient(), d.status(), d.attempts(), d.lastError(), d.createdAt(),
                        d.sentAt(), d.steps().stream().map(s -> new CredentialMail.Step(s.status(), s.detail(), s.at())).toList()))
                .toList();
    }

    /**
     * A new claim mail: every older claim link of the credential stops working now. Returns the queued mail's id. The
     * API's resend and the app's resend button both call this.
     *
     * @throws DomainException.NotFound when the tenant has no such credential
     * @throws DomainException.Conflict when it is revoked
     */
    public long resend(Caller caller, String idOrNumber) {
        return jdbi.inTransaction(h -> {
            IssuedCredential credential = find(h, caller, idOrNumber);
            if (credential.state().equals("revoked")) {
                throw new DomainException.Conflict(ErrorText.of("credential.revoked_nothing_to_claim", "number", credential.number()));
            }
            ClaimTokens.supersede(h, credential.tenantId(), credential.id(), clock.instant());
            long mail = queue(h, credential, MailKind.CLAIM_LINK, tenants.byId(credential.tenantId()).locale());
            audit.record(h, credential.tenantId(), caller.actor(), "credential.resend", "credential:" + credential.id(), null,
                    JsonFields.MAPPER.createObjectNode().put("mail", mail));
            return mail;
        });
    }

    private static IssuedCredential find(Handle h, Caller caller, String idOrNumber) {
        return CredentialStore.byIdOrNumber(h, caller.tenantId(), idOrNumber)
                .orElseThrow(() -> new DomainException.NotFound(ErrorText.of("credential.not_found", "id", idOrNumber)));
    }

    private static ObjectNode putIfPresent(ObjectNode node, String field, String value) {
        return value == null ? node : node.put(field, value);
    }
}
