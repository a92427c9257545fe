package org.credence;

import io.javalin.config.JavalinConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.credence.achievement.AchievementRoutes;
import org.credence.achievement.Achievements;
import org.credence.analytics.AnalyticsFolder;
import org.credence.analytics.AnalyticsReports;
import org.credence.analytics.AnalyticsRoutes;
import org.credence.analytics.CompareRoutes;
import org.credence.analytics.DashboardAnswers;
import org.credence.analytics.DashboardRoutes;
import org.credence.analytics.EngagementQueries;
import org.credence.analytics.EngagementRoutes;
import org.credence.analytics.AssumptionChanges;
import org.credence.analytics.MarketingAssumptionStore;
import org.credence.analytics.OperationsQueries;
import org.credence.analytics.OperationsPageRoutes;
import org.credence.analytics.OperationsReport;
import org.credence.analytics.OperationsRoutes;
import org.credence.analytics.ProgramCostRoutes;
import org.credence.analytics.BenefitStore;
import org.credence.analytics.Maturity;
import org.credence.analytics.MaturityQueries;
import org.credence.analytics.ProgramCosts;
import org.credence.analytics.ProgramRoi;
import org.credence.analytics.RoiRoutes;
import org.credence.analytics.SupportTickets;
import org.credence.analytics.CostAvoidedAssumptionStore;
import org.credence.analytics.costs.ProgramCostLedger;
import org.credence.analytics.outcomes.OutcomeQueries;
import org.credence.analytics.outcomes.OutcomeReports;
import org.credence.analytics.outcomes.OutcomeRoutes;
import org.credence.analytics.outcomes.OutcomeWarmer;
import org.credence.analytics.outcomes.ProgramStore;
import org.credence.audit.AuditChain;
import org.credence.audit.AuditChecks;
import org.credence.audit.AuditPage;
import org.credence.audit.AuditReader;
import org.credence.audit.AuditTrail;
import org.credence.integration.CompletionRoutes;
import org.credence.integration.Completions;
import org.credence.integration.CourseAchievements;
import org.credence.integration.ImportsPage;
import org.credence.integration.OutcomeImports;
import org.credence.integration.OutcomePeople;
import org.credence.integration.OutcomeImportRoutes;
import org.credence.integration.XapiRoutes;
import org.credence.badge.AchievementImages;
import org.credence.bulk.BulkSettings;
import org.credence.bulk.IssuanceJobRoutes;
import org.credence.bulk.IssuanceJobs;
import org.credence.bulk.LargeJobAttachments;
import org.credence.badge.BadgeRoutes;
import org.credence.badge.Badges;
import org.credence.credential.CredentialJwtRoutes;
import org.credence.credential.CredentialJwts;
import org.credence.credential.CredentialPageRoutes;
import org.credence.credential.CredentialPages;
import org.credence.db.Database;
import org.credence.delivery.Delivery;
import org.credence.delivery.DeliveryRoutes;
import org.credence.delivery.MailWorker;
import org.credence.events.CredentialEvents;
import org.credence.jobs.JobSettings;
import org.credence.jobs.Jobs;
import org.credence.jobs.JobsRoutes;
import org.credence.jobs.JobsStatus;
import org.credence.delivery.RecipientFiles;
import org.credence.demo.DemoLoader;
import org.credence.demo.SimulationSettings;
import org.credence.document.BrandingRoutes;
import org.credence.document.BrandingUpdates;
import org.credence.document.Brandings;
import org.credence.document.CertificateAttachments;
import org.credence.document.CertificateRoutes;
import org.credence.document.Certificates;
import org.credence.document.DesignChanges;
import org.credence.document.Designs;
import org.credence.document.DocumentEdition;
import org.credence.document.StoredDocuments;
import org.credence.http.ApiDocsRoutes;
import org.credence.http.Auth;
import org.credence.http.HealthRoutes;
import org.credence.http.HomeRoutes;
import org.credence.http.HttpServer;
import org.credence.issuance.CredentialListing;
import org.credence.issuance.CredentialReadRoutes;
import org.credence.issuance.Issuance;
import org.credence.issuance.IssuanceRoutes;
import org.credence.lifecycle.Lifecycle;
import org.credence.manage.CredentialDetailRoutes;
import org.credence.manage.CredentialDetails;
import org.credence.manage.CredentialSubjects;
import org.credence.lifecycle.StatusListRoutes;
import org.credence.lifecycle.StatusLists;
import org.credence.pathway.PathwayCompletion;
import org.credence.pathway.PathwayPage;
import org.credence.pathway.PathwayRoutes;
import org.credence.pathway.PathwayTrigger;
import org.credence.pathway.Pathways;
import org.credence.standards.dataintegrity.EddsaRdfc2022;
import org.credence.standards.jsonld.ShapeTemplateCanonicalizer;
import org.credence.renewal.RenewalModule;
import org.credence.renewal.RenewalRoutes;
import org.credence.report.ReportModule;
import org.credence.report.ReportRoutes;
import org.credence.report.ReportSources;
import org.credence.tenant.ApiKeys;
import org.credence.tenant.MasterKey;
import org.credence.tenant.TenantKeys;
import org.credence.tenant.TenantRoutes;
import org.credence.tenant.Tenants;
import org.credence.settings.SettingsPages;
import org.credence.survey.SurveyModule;
import org.credence.survey.SurveyRoutes;
import org.credence.tracking.RecipientCheck;
import org.credence.tracking.ServerEvents;
import org.credence.tracking.SimulatedEvents;
import org.credence.tracking.Tracker;
import org.credence.tracking.TrackingModule;
import org.credence.transparency.TransparencyLog;
import org.credence.transparency.TransparencyRoutes;
import org.credence.user.HashingLimit;
import org.credence.user.UserModule;
import org.credence.vcapi.PresentationVerifier;
import org.credence.vcapi.VcApiIssuer;
import org.credence.vcapi.VcApiRoutes;
import org.credence.verification.RemoteFetcher;
import org.credence.verification.ServerVerification;
import org.credence.verification.VerificationRoutes;
import org.credence.webhook.WebhookModule;
import org.credence.webhook.WebhookRoutes;
import org.credence.events.CredentialEvent;
import org.credence.events.CredentialEventType;
import org.credence.issuance.IssuanceListener;

/** The composition root: builds every module with its constructor, in dependency order. */
public final class Credence implements AutoCloseable {
    private final Database database;
    private final HttpServer http;
    private final Optional<String> firstAdministratorKey;
    private final DemoLoader demo;
    private final Delivery delivery;
    private final TrackingModule tracking;
    private final AnalyticsFolder analytics;
    private final RemoteFetcher remoteFetcher;
    private final HashingLimit passwordHashing;
    private final ReportModule reports;
    private final Jobs jobs;
    private boolean closed;

    private final HealthRoutes health;
    private SurveyModule surveys;
    private OutcomeWarmer outcomeWarmer;
    private WebhookModule webhooks;
    private Completions completions;
    private IssuanceJobs issuanceJobs;
    private Issuance issuance;
    private RenewalModule renewal;
    private org.credence.bulk.StagedUploads stagedUploads;
    private Optional<String> setupCode = Optional.empty();

    private Credence(Database database, HttpServer http, Optional<String> firstAdministratorKey, DemoLoader demo, Delivery delivery,
                     TrackingModule tracking, AnalyticsFolder analytics, HashingLimit passwordHashing,
                     HealthRoutes health, RemoteFetcher remoteFetcher, ReportModule reports, Jobs jobs) {
        this.reports = reports;
        this.jobs = jobs;
        this.health = health;
        this.remoteFetcher = remoteFetcher;
        this.database = database;
        this.delivery = delivery;
        this.http = http;
        this.firstAdministratorKey = firstAdministratorKey;
        this.demo = demo;
        this.tracking = tracking;
        this.analytics = analytics;
        this.passwordHashing = passwordHashing;
    }

    /**
     * Starts every module and HTTP on {@code settings.host()} and port.
     *
     * @throws IllegalStateException when the port is taken (checked before anything is created) or the data directory
     *         is in use; a {@link StartFailure} carries the administrator key when it was made before the failure
     */
    public static Credence start(Settings settings, Clock clock) {
        return start(settings, clock, jobs -> { });
    }

    /** Starts like {@link #start(Settings, Clock)} with more jobs: tests register their own tasks before the scheduler starts. */
    static Credence start(Settings settings, Clock clock, Consumer<Jobs> moreTasks) {
        SecureRandom random = new SecureRandom();
        if (settings.port() != 0) {
            refuseUnusablePort(settings.host(), settings.port());
        }
        Database database = Database.open(settings.databaseUrl(), settings.dataDirectory(), settings.durable());
        AnalyticsFolder analytics = null;
        OutcomeWarmer warmer = null;
        WebhookModule webhooks = null;
        Jobs jobs = null;
        Optional<String> firstKey = Optional.empty();
        try {
            var jdbi = database.jdbi();
            // modules register their background tasks while they are built; the scheduler starts once all are wired
            jobs = new Jobs(database.dataSource(), jdbi, JobSettings.fromEnvironment(System.getenv()));
            AuditTrail audit = new AuditTrail(jdbi);
            ApiKeys apiKeys = new ApiKeys(jdbi, random, audit, clock);
            if (settings.bootstrapApiKey().isPresent()) {
                apiKeys.ensureAdministratorKey(settings.bootstrapApiKey().get());
            } else if (!apiKeys.anyAdministratorKey()) {
                firstKey = Optional.of(jdbi.inTransaction(h -> apiKeys.create(h, null, java.util.Set.of("admin"), "first start")));
            }
            // after the first administrator key exists: a refused master key still leaves the operator a key (ServeProcessTest)
            MasterKey master = MasterKey.load(settings.masterKey(), settings.dataDirectory(), random);
            // webhooks hear of credential events inside the transaction that made them (the webhook outbox); loopback
            // endpoints only where the verifier may fetch from loopback too
            WebhookModule webhookModule = WebhookModule.create(jdbi, audit, master, jobs, clock, random, settings.fetchPrivateNetworks());
            webhooks = webhookModule; // its HTTP client is stopped if a later step fails
            CredentialEvents credentialEvents = webhookModule.events();
            // the public URL names did:web identities, so it must be known before routes exist
            int port = settings.port() == 0 ? freePort() : settings.port();
            var publicUrl = settings.publicUrl(port);
            TenantKeys keys = new TenantKeys(jdbi, master, random);
            Tenants tenants = new Tenants(jdbi, keys, apiKeys, audit, publicUrl);
            Auth auth = new Auth(apiKeys);
            ShapeTemplateCanonicalizer canonicalizer = new ShapeTemplateCanonicalizer();
            EddsaRdfc2022 suite = new EddsaRdfc2022(canonicalizer);
            Designs designs = new Designs(jdbi);
            Achievements achievements = new Achievements(jdbi, audit, (tenant, name) -> designs.find(tenant, name).isPresent());
            Brandings brandings = new Brandings(jdbi);
            StoredDocuments documents = new StoredDocuments(jdbi, DocumentEdition.current());
            Certificates certificates = new Certificates(jdbi, designs, brandings, tenants, documents);
            DesignChanges designChanges = new DesignChanges(jdbi, designs, certificates, audit);
            TrackingModule tracking = TrackingModule.create(jdbi, settings.tracking(), jobs, clock, random, credentialEvents);
            StatusLists statusLists = new StatusLists(jdbi, keys, suite, clock);
            TransparencyLog log = new TransparencyLog(jdbi, keys, clock, publicUrl);
            // entries written before the audit chain existed are chained once; a rewritten log stops the start (docs/integrity.md)
            AuditChain.chainUnchained(jdbi);
            log.refuseRewrittenHistory();
            Delivery mail = Delivery.create(jdbi, tenants, audit, settings.mail(), settings.dataDirectory(), publicUrl,
                    // the mail links to the certificate, drawn when first opened, unless CREDENCE_MAIL_ATTACH_PDF (docs/delivery.md)
                    settings.mail().attachCertificates() ? new LargeJobAttachments(jdbi, new CertificateAttachments(certificates))
                            : org.credence.delivery.MailAttachments.NONE, jobs, clock, random, credentialEvents);
            // a credential whose achievement is a pathway's component queues that pathway's check in its own transaction
            PathwayTrigger pathwayTrigger = new PathwayTrigger(jdbi, jobs);
            // subscribers hear of each new credential in its own transaction
            IssuanceListener webhookIssued = (h, tenant, credential, notify) -> credentialEvents.record(h, new CredentialEvent(
                    CredentialEventType.ISSUED, tenant.id(), credential.id(), credential.number(), Long.toString(credential.achievementId()),
                    clock.instant(), Map.of()));
            IssuanceListener issued = IssuanceListener.all(mail, pathwayTrigger, webhookIssued);
            Issuance issuance = new Issuance(jdbi, tenants, keys, achievements, statusLists, suite, audit, log, clock, random, issued);
            Pathways pathways = new Pathways(jdbi, audit, clock);
            PathwayCompletion pathwayCompletion = new PathwayCompletion(jdbi, issuance, publicUrl);
            jobs.oneTime(PathwayCompletion.TASK, Duration.ofDays(1), job -> pathwayCompletion.run(job.tenantId(), job.key()));
            // the audit chains are checked in the background, so the audit page reads a checkpoint instead of walking entries
            AuditChecks auditChecks = new AuditChecks(jdbi, audit, clock);
            jobs.recurring(AuditChecks.ADVANCE_TASK, Duration.ofMinutes(1), auditChecks::advanceAll);
            jobs.oneTime(AuditChecks.WHOLE_TASK, Duration.ofHours(6), job -> auditChecks.checkWhole(job.tenantId()));
            Runnable wakeJobs = jobs::wake;
            mail.showPathwaysWith(pathways::startedBy);
            java.util.function.LongToIntFunction smallestGroup = new org.credence.report.ReportQueries(jdbi)::minGroupSize;
            RemoteFetcher remoteFetcher = RemoteFetcher.forServer(settings.fetchPrivateNetworks());
            ServerVerification verification = new ServerVerification(jdbi, tenants, keys, statusLists, log, canonicalizer, clock, remoteFetcher);
            UserModule users = UserModule.create(jdbi, tenants, audit, clock, random, master, mail::queueAccountMail,
                    new org.credence.user.Sessions(jdbi, clock, random, publicUrl, new org.credence.http.SameOrigin(publicUrl)::crossSite));
            mail.renderAccountsWith(users.passwordTokens());
            BrandingUpdates brandingUpdates = new BrandingUpdates(jdbi, brandings, audit);
            AchievementImages achievementImages = new AchievementImages(jdbi, achievements, audit);
            Badges badges = new Badges(jdbi, achievements, achievementImages, brandings, tenants, documents);
            var previews = new org.credence.program.PreviewRoutes.Services(certificates, designs, badges, achievements, tenants, clock);
            // mail goes out in the tenant's look: logo, colours, the credential's badge, sender name and reply-to
            mail.brandWith(new org.credence.badge.BrandedMail(jdbi, brandings, badges, tenants, clock));
            CredentialPages credentialPages = new CredentialPages(jdbi, tenants, brandings, verification);
            // a revocation or a recipient's privacy choice reaches the caches of tracking and of the share redirect at once
            Consumer<String> forgetCached = number -> {
                tracking.tracker().forget(number);
                credentialPages.forget(number);
            };
            // a reinstated component may complete a pathway: its checks are queued again
            Lifecycle.StateListener notices = RenewalModule.stateNotices(mail);
            Lifecycle lifecycle = new Lifecycle(jdbi, statusLists, audit, log, forgetCached.andThen(pathwayTrigger::changed), (h, before, after) -> {
                notices.changed(h, before, after);
                webhookModule.stateChanged(h, after);
            });
            VcApiIssuer vcApi = new VcApiIssuer(jdbi, tenants, keys, statusLists, suite, audit, clock);
            // the recipient signed in on /me is not counted as a viewer of their own credential
            RecipientCheck recipients = (ctx, credential) -> DeliveryRoutes.isRecipient(mail, ctx, credential.tenantId(), credential.id());
            ServerEvents events = tracking.events(recipients);
            MarketingAssumptionStore assumptions = new MarketingAssumptionStore(jdbi, clock);
            ProgramCostLedger costs = new ProgramCostLedger(jdbi, audit, clock);
            AnalyticsFolder folder = new AnalyticsFolder(jdbi).start();
            analytics = folder; // stopped if a later step fails
            EngagementQueries engagement = new EngagementQueries(jdbi);
            AnalyticsReports reports = new AnalyticsReports(engagement, assumptions);
            BenefitStore benefits = new BenefitStore(jdbi, clock);
            // survey invitations are scanned for once a minute; none in tests that send the mail queue themselves
            SurveyModule surveys = SurveyModule.create(jdbi, achievements, audit, mail, publicUrl, jobs,
                    settings.mail().pollEvery().isZero() ? Duration.ZERO : Duration.ofMinutes(1), clock, random);
            ProgramRoi programRoi = new ProgramRoi(jdbi, benefits, ProgramCosts.of(costs), surveys.estimates(), engagement, assumptions);
            CostAvoidedAssumptionStore costAvoided = new CostAvoidedAssumptionStore(jdbi, clock);
            OperationsReport operations = new OperationsReport(new OperationsQueries(jdbi), engagement, folder, costs, costAvoided);
            OperationsRoutes.Services operationsServices = new OperationsRoutes.Services(jdbi, operations, new SupportTickets(jdbi, audit, clock),
                    costAvoided, costs, achievements, audit, auth, clock);
            ProgramStore programs = new ProgramStore(jdbi, audit);
            OutcomeReports outcomes = new OutcomeReports(new OutcomeQueries(jdbi), programs);
            Maturity maturity = new Maturity(new MaturityQueries(jdbi));
            // the board and weekly reports read every layer's service; the weekly mail scan runs while mail is polled
            ReportModule boardReports = ReportModule.create(jdbi, new ReportSources(engagement, assumptions, folder, operations, outcomes,
                    programRoi, achievements, SurveyModule.outcomesOf(jdbi), maturity), mail, publicUrl, jobs, clock,
                    settings.mail().pollEvery().isZero() ? Duration.ZERO : Duration.ofMinutes(10));
            CredentialListing listing = new CredentialListing(jdbi, clock);
            IssuanceJobs issuanceJobs = new IssuanceJobs(jdbi, issuance, jobs, credentialEvents, audit,
                    BulkSettings.fromEnvironment(System.getenv()).attachingPdfs(settings.mail().attachCertificates()), clock);
            mail.paceWith(issuanceJobs::mailPaceNow);
            // uploads wait in the data directory: a CSV staged on the page survives a restart until it expires
            org.credence.bulk.Spool spool = new org.credence.bulk.Spool(settings.dataDirectory());
            org.credence.bulk.StagedUploads stagedUploads = new org.credence.bulk.StagedUploads(jdbi, issuanceJobs, spool, clock, random);
            stagedUploads.registerJobs(jobs);
            HealthRoutes health = new HealthRoutes(
                    () -> jdbi.useHandle(h -> h.createQuery("SELECT 1").setQueryTimeout(3).mapTo(Integer.class).one()));
            // after an import, an erasure or a program change, the outcome answers are recomputed off the request
            OutcomeWarmer outcomeWarmer = new OutcomeWarmer(outcomes, achievements, clock);
            warmer = outcomeWarmer; // stopped if a later step fails
            // the cache lives in memory: after a restart, tenants holding outcome data are warmed before anyone asks
            jdbi.withHandle(h -> h.createQuery("""
                    SELECT DISTINCT tenant_id FROM outcome_import
                    UNION SELECT DISTINCT tenant_id FROM outcome_person
                    """).mapTo(Long.class).list()).forEach(outcomeWarmer::changed);
            OutcomeImports outcomeImports = new OutcomeImports(jdbi, audit, clock, outcomeWarmer::changed, outcomeWarmer::pending,
                    outcomeWarmer::writing, jobs);
            outcomeImports.registerJobs(jobs); // a bulk import's ANALYZE runs after it answered
            RenewalModule renewal = RenewalModule.create(jdbi, issuance, achievements, mail, audit, credentialEvents, jobs,
                    outcomeWarmer::changed, publicUrl, clock, random);
            // LMS and xAPI completions: a course mapped later issues the completions stored for it, and a new completion
            // renews a credential due for renewal (docs/completions.md)
            Completions completions = new Completions(jdbi, issuance, renewal.renewals()::issueOrRenew, clock);
            completions.schedule(jobs);
            CourseAchievements courses = new CourseAchievements(jdbi, audit, outcomeWarmer::changed, completions.onMapped());
            AssumptionChanges assumptionChanges = new AssumptionChanges(jdbi, assumptions, costAvoided, achievements, audit);
            AuditReader auditReader = new AuditReader(jdbi);
            List<Consumer<JavalinConfig>> routes = List.of(
                    health::register,
                    config -> HomeRoutes.register(config, users.setup()::done),
                    config -> ApiDocsRoutes.register(config),
                    config -> TenantRoutes.register(config, tenants, apiKeys, auth),
                    config -> AchievementRoutes.register(config, achievements, auth),
                    config -> PathwayRoutes.register(config, pathways, auth, smallestGroup),
                    config -> IssuanceRoutes.register(config, issuance, lifecycle, audit, auth, publicUrl, clock),
                    config -> StatusListRoutes.register(config, statusLists, tenants),
                    config -> VerificationRoutes.register(config, verification, tenants, events),
                    config -> CredentialPageRoutes.register(config, credentialPages, events,
                            (ctx, tenant, id) -> DeliveryRoutes.isRecipient(mail, ctx, tenant, id)),
                    config -> CredentialJwtRoutes.register(config, credentialPages, new CredentialJwts(keys), events),
                    config -> TransparencyRoutes.register(config, log, tenants, jdbi),
                    config -> VcApiRoutes.register(config, vcApi, new PresentationVerifier(verification), verification, auth),
                    config -> AnalyticsRoutes.register(config, jdbi, assumptions, assumptionChanges, achievements, auth),
                    config -> EngagementRoutes.register(config, reports, achievements, tracking.tracker(), folder, auth, clock),
                    config -> CompareRoutes.register(config, auth),
                    config -> DashboardRoutes.register(config, reports, new DashboardAnswers(jdbi, reports), achievements, folder, users.sessions(), clock),
                    config -> ProgramCostRoutes.register(config, costs, auth),
                    config -> RoiRoutes.register(config, jdbi, programRoi, benefits, maturity, reports, folder, audit,
                            auth, users.sessions(), clock),
                    config -> OperationsRoutes.register(config, operationsServices, assumptionChanges),
                    config -> OutcomeRoutes.register(config, outcomes, outcomeWarmer, programs, achievements, auth, users.sessions(), clock),
                    config -> OperationsPageRoutes.register(config, operationsServices, users.sessions()),
                    config -> ReportRoutes.register(config, boardReports, auth, users.sessions(), clock),
                    config -> org.credence.user.AccountRoutes.register(config, users, auth, apiKeys),
                    config -> CredentialReadRoutes.register(config, listing, auth, publicUrl, clock),
                    config -> DeliveryRoutes.registerPages(config, mail, listing, achievements, users.sessions()),
                    config -> CredentialDetailRoutes.register(config, new CredentialDetailRoutes.Services(
                            new CredentialDetails(jdbi, auditReader, mail, clock), lifecycle, mail, renewal.renewals(), renewal.emails(), listing,
                            auditReader, publicUrl), users.sessions()),
                    config -> AuditPage.register(config, auditReader, auditChecks, users.sessions(), new CredentialSubjects(jdbi), wakeJobs),
                    config -> BrandingRoutes.register(config, brandings, brandingUpdates, auth),
                    config -> BadgeRoutes.register(config, badges, achievementImages, auth, events),
                    config -> CertificateRoutes.register(config, certificates, designs, designChanges, auth, events),
                    config -> org.credence.program.PreviewRoutes.register(config, previews, users.sessions()),
                    config -> org.credence.program.AchievementPages.register(config,
                            new org.credence.program.AchievementPages.Services(achievements, designs, renewal.settings(), achievementImages, auditReader), users.sessions()),
                    config -> org.credence.program.DesignerPages.register(config,
                            new org.credence.program.DesignerPages.Services(designs, designChanges, previews), users.sessions()),
                    config -> DeliveryRoutes.register(config, mail, auth, events, forgetCached, (credential, name) -> Optional.ofNullable(switch (name) {
                        case RecipientFiles.CERTIFICATE -> certificates.pdf(credential);
                        case RecipientFiles.BADGE -> badges.bakedPng(credential);
                        default -> null;
                    }).map(file -> new RecipientFiles.File(file.contentType(), file.bytes()))),
                    config -> tracking.register(config, credentialPages.shareTargets(), recipients),
                    config -> OutcomeImportRoutes.register(config, outcomeImports, new OutcomePeople(jdbi, audit, outcomeWarmer::changed),
                            courses, auth, users.sessions()),
                    config -> CompletionRoutes.register(config, completions, auth, publicUrl),
                    config -> XapiRoutes.register(config, completions, auth),
                    config -> ImportsPage.register(config, outcomeImports, users.sessions()),
                    config -> IssuanceJobRoutes.register(config, issuanceJobs, spool, auth, users.sessions(), publicUrl,
                            id -> tenants.byId(id).slug()),
                    config -> org.credence.issuance.IssuePage.register(config, issuance, achievements, users.sessions()),
                    config -> org.credence.bulk.IssuanceJobsPage.register(config, issuanceJobs,
                            stagedUploads, achievements, users.sessions()),
                    config -> SurveyRoutes.register(config, surveys, auth, users.sessions(), achievements),
                    config -> PathwayPage.register(config, pathways, users.sessions(), smallestGroup),
                    config -> RenewalRoutes.register(config, renewal, auth),
                    config -> WebhookRoutes.register(config, webhookModule.webhooks(), auth, users.sessions()),
                    config -> SettingsPages.register(config, new SettingsPages.Services(brandings, brandingUpdates, webhookModule.webhooks(),
                            courses, assumptions, costAvoided, assumptionChanges, costs, achievements, users.users(), publicUrl, users.sessions())),
                    config -> JobsRoutes.register(config, new JobsStatus(jdbi), auth),
                    config -> org.credence.app.HomePage.register(config, new org.credence.app.HomeFigures(jdbi, engagement, folder, clock),
                            users.sessions()),
                    config -> org.credence.delivery.MailPreviewPage.register(config, mail.previews(), users.sessions()));
            HttpServer http = new HttpServer(routes).start(settings.host(), port);
            DemoLoader demo = new DemoLoader(jdbi, tenants, achievements, issuance, users.users(), random);
            moreTasks.accept(jobs);
            jobs.start();
            health.ready(true);
            Credence started = new Credence(database, http, firstKey, demo, mail, tracking, folder, users.hashing(), health, remoteFetcher,
                    boardReports, jobs);
            started.surveys = surveys;
            started.outcomeWarmer = outcomeWarmer;
            started.webhooks = webhookModule;
            started.completions = completions;
            started.issuanceJobs = issuanceJobs;
            started.issuance = issuance;
            started.renewal = renewal;
            started.stagedUploads = stagedUploads;
            // a fresh installation (no user yet) is claimed in the browser with this code, printed by `credence serve`
            started.setupCode = users.setup().prepare();
            return started;
        } catch (RuntimeException e) {
            if (jobs != null) {
                jobs.close();
            }
            if (analytics != null) {
                analytics.close();
            }
            if (warmer != null) {
                warmer.close();
            }
            if (webhooks != null) {
                webhooks.close();
            }
            database.close();
            if (firstKey.isPresent()) {
                // the key is stored: a later start makes no new one, so it must reach the administrator now
                throw new StartFailure(e, firstKey.get());
            }
            throw e;
        }
    }

    /** A start that failed after it made the first administrator key, which the caller must still show. */
    public static final class StartFailure extends IllegalStateException {
        private final transient String administratorKey;

        StartFailure(RuntimeException cause, String administratorKey) {
            super(cause.getMessage(), cause);
            this.administratorKey = administratorKey;
        }

        /** The administrator key made before the failure; no later start prints it. */
        public String administratorKey() {
            return administratorKey;
        }
    }

    /**
     * Fails before anything is created when HTTP could not listen on {@code host:port}: a newcomer whose port is
     * taken must not end up with a stored administrator key that was never shown.
     */
    private static void refuseUnusablePort(String host, int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true); // as Jetty does: a port in TIME_WAIT is free
            socket.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): stop what uses the port, or choose another with --port (or the address with --host)");
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public int port() {
        return http.port();
    }

    /** The database, for tests that arrange what no route does yet (e.g. a recipient making a credential private). */
    org.jdbi.v3.core.Jdbi jdbi() {
        return database.jdbi();
    }

    /** The bound on concurrent password hashes, for tests that observe it. */
    HashingLimit passwordHashing() {
        return passwordHashing;
    }

    /** Every registered route as {@code METHOD path}. */
    public List<String> routes() {
        return http.routes();
    }

    /** The administrator key made on the very first start, to print once. */
    public Optional<String> firstAdministratorKey() {
        return firstAdministratorKey;
    }

    /** The one-time code the setup page asks for, while this installation has no user yet (made at each start; shown once). */
    public Optional<String> setupCode() {
        return setupCode;
    }

    /** Fills the simulated demo tenant (once per data directory). */
    public DemoLoader demo() {
        return demo;
    }

    /** Fills the simulated demo tenant (once per data directory), its events through tracking's bulk path. */
    public DemoLoader.Loaded loadDemo(SimulationSettings settings) {
        DemoLoader.Loaded loaded = demo.load(settings, new SimulatedEvents(database.jdbi(), new SecureRandom()));
        // the demo writes outcome rows without an import, so nothing else tells the outcome cache to warm
        outcomeWarmer.changed(loaded.tenant().id());
        return loaded;
    }

    /** Sends the mail queue now: for tests and commands that cannot wait for the next poll. */
    public MailWorker mailWorker() {
        return delivery.worker();
    }

    /** LMS and xAPI completions: tests run the sweep of interrupted issuing without waiting a minute. */
    public Completions completions() {
        return completions;
    }

    /** The persistent job scheduler: tests wait for queued jobs with {@link Jobs#awaitIdle}. */
    public Jobs jobs() {
        return jobs;
    }

    /** The reports module: tests run its weekly mail scan at a clock of their choosing. */
    public ReportModule reports() {
        return reports;
    }

    /** Post-completion surveys: tests run their scan with a moved clock. */
    public SurveyModule surveys() {
        return surveys;
    }

    /** CSV uploads waiting on the issuance page: tests run their sweep with a moved clock. */
    public org.credence.bulk.StagedUploads stagedUploads() {
        return stagedUploads;
    }

    /** Expiry and renewal: tests run its expiry scan with a moved clock. */
    public RenewalModule renewal() {
        return renewal;
    }

    /** Recomputes outcome answers after changes: tests wait for it with {@link OutcomeWarmer#awaitIdle}. */
    public OutcomeWarmer outcomeWarmer() {
        return outcomeWarmer;
    }

    /** Outbound webhooks: tests and benchmarks send due deliveries now with {@code webhooks().sender().deliverDue()}. */
    public WebhookModule webhooks() {
        return webhooks;
    }

    /** Issuance, for benchmarks and tests that issue without HTTP (a batch through {@link Issuance#issueAll}). */
    public Issuance issuance() {
        return issuance;
    }

    /** The engagement tracker pages and services record events with. */
    public Tracker tracker() {
        return tracking.tracker();
    }

    /** The analytics folder: tests and benchmarks that read the rollup tables themselves fold the pending deltas first. */
    public AnalyticsFolder analyticsFolder() {
        return analytics;
    }

    /**
     * Stops HTTP first (no new connections; requests in flight finish, for at most {@link HttpServer#DRAIN_MILLIS}), then the jobs (mail, scans), then tracking's writer
     * (queued events are written), then the analytics folder (what it has not folded stays pending), then the database.
     */
    @Override
    public synchronized void close() {
        // once; synchronized, so a second stop (a shutdown hook, a second signal) waits for the first to finish
        if (closed) {
            return;
        }
        closed = true;
        try {
            health.ready(false); // /ready answers 503 from now: a load balancer stops sending work
            http.close();
            if (issuanceJobs != null) {
                issuanceJobs.stop(); // a running bulk job stops after its batch, to carry on at the next start
            }
            jobs.close(); // before the modules its jobs use
            tracking.close();
            analytics.close();
            if (outcomeWarmer != null) {
                outcomeWarmer.close(); // before the database: a recompute in flight reads it
            }
            remoteFetcher.close();
            if (webhooks != null) {
                webhooks.close();
            }
        } finally {
            database.close();
        }
    }
}
