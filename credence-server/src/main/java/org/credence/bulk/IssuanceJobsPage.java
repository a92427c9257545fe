package org.credence.bulk;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credence.achievement.Achievement;
import org.credence.achievement.Achievements;
import org.credence.app.AppBar;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.http.FormMessage;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * {@code /app/issuance-jobs}: issue to a CSV of recipients in the browser. Upload (streamed to disk), choose which
 * column gives which field (the header matcher's guess filled in), see the dry run with each refused row by line,
 * start, and follow the job to its result file. The page calls the API's {@link IssuanceJobs#preview} and
 * {@link IssuanceJobs#submit} with the same typed {@link IssuanceJobs.Upload}; every form works without JavaScript.
 */
public final class IssuanceJobsPage {
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int RECENT = 20;
    private static final int PROBLEMS_SHOWN = 200;

    /** A job as a row of the recent list; texts already formatted. */
    public record JobRow(long id, String filename, String state, String stateLabel, int total, int issued, int alreadyIssued, int failed,
                         String created) {}

    /** A header of the uploaded file with its sample value and the choice made for it. */
    public record HeaderRow(int index, String header, String sample, String chosen) {}

    /** A choice of a select. */
    public record Option(String value, String label, boolean selected) {}

    /** A refused row: its line, the column at fault, the reason. */
    public record Problem(int line, String field, String message) {}

    private IssuanceJobsPage() {}

    /** The pages, for signed-in users who may issue; {@code staged} holds uploads between their steps. */
    public static void register(JavalinConfig config, IssuanceJobs jobs, StagedUploads staged, Achievements achievements, Sessions sessions) {
        config.routes.get("/app/issuance-jobs", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.ISSUE);
            String lang = lang(ctx);
            ctx.html(list(lang, signedIn, jobs, null, notice(ctx, lang)));
        });
        config.routes.post("/app/issuance-jobs", ctx -> upload(ctx, jobs, staged, sessions));
        config.routes.get("/app/issuance-jobs/uploads/{token}", onStep(sessions, staged, false, (ctx, step) -> {
            StagedUploads.Staged upload = step.upload();
            if (upload.jobId() != null) {
                ctx.redirect(job(upload.jobId(), step.lang(), null), HttpStatus.SEE_OTHER);
                return;
            }
            ColumnMapping chosen = upload.mapping() != null ? upload.mapping() : new ColumnMapping(upload.detected().suggested(), null);
            ctx.html(mapping(step.lang(), step.signedIn(), upload, chosen, achievements.offered(step.tenant()), null));
        }));
        config.routes.post("/app/issuance-jobs/uploads/{token}", onStep(sessions, staged, true, (ctx, step) -> {
            StagedUploads.Staged upload = step.upload();
            String lang = step.lang();
            long tenant = step.tenant();
            if (upload.jobId() != null) {
                ctx.redirect(job(upload.jobId(), lang, null), HttpStatus.SEE_OTHER);
                return;
            }
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < upload.detected().headers().size(); i++) {
                String target = ctx.formParam("column." + i);
                targets.add(target == null ? ColumnMapping.IGNORE : target);
            }
            Long forAll = null;
            ColumnMapping chosen = new ColumnMapping(targets, null);
            try {
                String given = ctx.formParam("achievementForAll");
                if (given != null && !given.isBlank()) {
                    try {
                        var achievement = achievements.get(tenant, Long.parseLong(given.strip()));
                        Achievements.requireOffered(achievement, "achievementForAll");
                        forAll = achievement.id();
                    } catch (NumberFormatException | DomainException.NotFound e) {
                        throw new DomainException.InvalidInput("achievementForAll", ErrorText.of("bulk.choose_achievement"));
                    }
                }
                chosen = new ColumnMapping(targets, forAll);
                staged.map(upload, chosen);
                ctx.redirect(upload(upload, "/dry-run", lang), HttpStatus.SEE_OTHER);
            } catch (DomainException refused) {
                FormMessage message = FormMessage.of(refused, lang);
                ctx.status(message.status()).html(mapping(lang, step.signedIn(), upload, chosen, achievements.offered(tenant), localised(message, lang)));
            }
        }));
        config.routes.get("/app/issuance-jobs/uploads/{token}/dry-run", onStep(sessions, staged, false, (ctx, step) -> {
            StagedUploads.Staged upload = step.upload();
            String lang = step.lang();
            if (upload.jobId() != null) {
                ctx.redirect(job(upload.jobId(), lang, null), HttpStatus.SEE_OTHER);
                return;
            }
            if (upload.mapped() == null) {
                ctx.redirect(upload(upload, "", lang), HttpStatus.SEE_OTHER);
                return;
            }
            long tenant = step.tenant();
            try {
                // the preview streams the mapped file from disk: rows are counted and checked, only the first few and the problems kept
                IssuanceJobs.Preview preview = jobs.preview(tenant, new IssuanceJobs.Upload(upload.mapped(), BulkFile.Format.CSV, upload.filename(), true));
                ctx.html(dryRun(lang, step.signedIn(), upload, preview));
            } catch (DomainException refused) {
                // the mapped file is refused as a whole (no rows, say): back to the mapping, with the reason above it
                FormMessage message = FormMessage.of(refused, lang);
                ctx.status(message.status()).html(mapping(lang, step.signedIn(), upload, upload.mapping(), achievements.offered(tenant),
                        new FormMessage(null, message.text(), message.status())));
            }
        }));
        config.routes.post("/app/issuance-jobs/uploads/{token}/start", onStep(sessions, staged, true, (ctx, step) -> {
            boolean mail = ctx.formParam("notify") != null;
            // a second click (or a resent form) answers the job the first one started
            long id = staged.start(step.upload(), step.signedIn().actor(), mail);
            ctx.redirect(job(id, step.lang(), "started"), HttpStatus.SEE_OTHER);
        }));
        config.routes.get("/app/issuance-jobs/{id}", onJob(sessions, jobs, false, (ctx, found) -> {
            IssuanceJob job = found.job();
            ctx.html(jobPage(found.lang(), found.signedIn(), job, jobs.errors(job.tenantId(), job.id()), notice(ctx, found.lang())));
        }));
        config.routes.get("/app/issuance-jobs/{id}/cancel", onJob(sessions, jobs, false, (ctx, found) -> {
            Map<String, Object> model = model(found.lang(), found.signedIn());
            model.put("job", row(found.job(), text(found.lang()), found.lang()));
            ctx.html(Pages.render("uploads/cancel.jte", model));
        }));
        config.routes.post("/app/issuance-jobs/{id}/cancel", onJob(sessions, jobs, true, (ctx, found) -> {
            long id = found.job().id();
            String outcome = "cancelled";
            try {
                jobs.cancel(found.signedIn().user().tenantId(), found.signedIn().actor(), id);
            } catch (DomainException.Conflict finished) {
                outcome = "already_finished";
            }
            ctx.redirect(job(id, found.lang(), outcome), HttpStatus.SEE_OTHER);
        }));
    }

    /** Streams the uploaded file to the staging area (never whole into memory) and shows the mapping step. */
    private static void upload(Context ctx, IssuanceJobs jobs, StagedUploads staged, Sessions sessions) throws IOException {
        long max = jobs.settings().maxUploadBytes();
        String lang = lang(ctx);
        if (ctx.req().getContentLengthLong() > max + (1 << 16)) {
            // refused from its Content-Length, before a byte is read (so before the session's CSRF field could be)
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("lang", lang);
            model.put("t", text(lang));
            model.put("maxMb", max >> 20);
            ctx.status(413).html(Pages.render("uploads/too_large.jte", model));
            return;
        }
        // this page's own limit, not the server's 2 MB; parts over 1 MB go to disk, then are copied to the staging area
        ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(staged.spool().toString(), max, max + (1 << 16), 1 << 20));
        SignedIn signedIn = sessions.require(ctx, Permission.ISSUE); // checks the origin and the form's CSRF token
        try {
            Part part;
            try {
                part = ctx.req().getPart("file");
            } catch (IllegalStateException | jakarta.servlet.ServletException e) {
                throw String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("exceeded")
                        ? new DomainException.TooLarge(ErrorText.of("bulk.file_too_large", "mb", (max >> 20)))
                        : new DomainException.InvalidInput("file", ErrorText.of("bulk.upload_unreadable"));
            }
            if (part == null || part.getSize() == 0) {
                throw new DomainException.InvalidInput("file", ErrorText.of("bulk.choose_csv"));
            }
            String filename = part.getSubmittedFileName();
            StagedUploads.Staged upload;
            try (InputStream in = part.getInputStream()) {
                upload = staged.stage(signedIn.user().tenantId(), signedIn.user().id(),
                        filename == null ? null : filename.length() > 200 ? filename.substring(0, 200) : filename, in);
            } finally {
                part.delete();
            }
            ctx.redirect(upload(upload, "", lang), HttpStatus.SEE_OTHER);
        } catch (DomainException refused) {
            FormMessage message = FormMessage.of(refused, lang);
            ctx.status(message.status()).html(list(lang, signedIn, jobs, new FormMessage("file", uploadError(refused, lang, max), message.status()), ""));
        }
    }

    private static String uploadError(DomainException refused, String lang, long max) {
        Messages m = Messages.of("uploads", lang);
        return refused instanceof DomainException.TooLarge ? m.format("error.too_large", Map.of("mb", max >> 20))
                : m.format("error.file", Map.of("reason", FormMessage.of(refused, lang).text()));
    }

    private static String list(String lang, SignedIn signedIn, IssuanceJobs jobs, FormMessage error, String notice) {
        Map<String, String> t = text(lang);
        Map<String, Object> model = model(lang, signedIn);
        model.put("rows", jobs.list(signedIn.user().tenantId(), null, RECENT).stream().map(j -> row(j, t, lang)).toList());
        model.put("error", error);
        model.put("notice", notice);
        model.put("maxMb", jobs.settings().maxUploadBytes() >> 20);
        return Pages.render("uploads/list.jte", model);
    }

    private static String mapping(String lang, SignedIn signedIn, StagedUploads.Staged upload, ColumnMapping chosen, List<Achievement> achievements,
                                  FormMessage error) {
        Map<String, String> t = text(lang);
        ColumnMapping.Detected detected = upload.detected();
        List<HeaderRow> headers = new ArrayList<>();
        for (int i = 0; i < detected.headers().size(); i++) {
            String sample = detected.sample().isEmpty() || detected.sample().get(0).size() <= i ? "" : detected.sample().get(0).get(i);
            headers.add(new HeaderRow(i, detected.headers().get(i), sample.length() > 60 ? sample.substring(0, 60) + "…" : sample,
                    i < chosen.targets().size() ? chosen.targets().get(i) : ColumnMapping.IGNORE));
        }
        // no column gives the achievement: one for every row, the first, is the likely wish
        boolean fromColumn = chosen.targets().contains("achievement");
        String forAll = chosen.achievementForAll() != null ? String.valueOf(chosen.achievementForAll())
                : fromColumn || achievements.isEmpty() ? "" : String.valueOf(achievements.get(0).id());
        List<Option> achievementOptions = new ArrayList<>();
        achievementOptions.add(new Option("", t.get("mapping.from_column"), forAll.isEmpty()));
        achievements.forEach(a -> achievementOptions.add(new Option(String.valueOf(a.id()), a.name(), forAll.equals(String.valueOf(a.id())))));
        Map<String, Object> model = model(lang, signedIn);
        model.put("upload", upload);
        model.put("headers", headers);
        model.put("targets", ColumnMapping.choices().stream().map(c -> new Option(c, t.get("target." + c), false)).toList());
        model.put("achievements", achievementOptions);
        model.put("error", error);
        model.put("action", upload(upload, "", "en"));
        return Pages.render("uploads/mapping.jte", model);
    }

    private static String dryRun(String lang, SignedIn signedIn, StagedUploads.Staged upload, IssuanceJobs.Preview preview) {
        Map<String, Object> model = model(lang, signedIn);
        model.put("upload", upload);
        model.put("preview", preview);
        model.put("problems", preview.errors().stream().limit(PROBLEMS_SHOWN).map(p -> new Problem(p.line(), column(lang, p.field()),
                p.message())).toList());
        model.put("moreProblems", Math.max(0, preview.refused() + preview.alreadyIssued() - Math.min(PROBLEMS_SHOWN, preview.errors().size())));
        model.put("mappingLink", upload(upload, "", lang));
        model.put("action", upload(upload, "/start", "en"));
        return Pages.render("uploads/dryrun.jte", model);
    }

    private static String jobPage(String lang, SignedIn signedIn, IssuanceJob job, List<IssuanceJob.RowResult> errors, String notice) {
        Map<String, Object> model = model(lang, signedIn);
        model.put("job", row(job, text(lang), lang));
        model.put("over", job.over());
        model.put("cancelled", job.cancelled());
        model.put("percent", (int) Math.floor(job.progress() * 100));
        model.put("done", job.done());
        model.put("problems", errors.stream().limit(PROBLEMS_SHOWN).map(e -> new Problem(e.line(), column(lang, e.field()),
                e.error() == null ? "" : e.error())).toList());
        model.put("moreProblems", Math.max(0, job.failed() - Math.min(PROBLEMS_SHOWN, errors.size())));
        model.put("warnings", job.warnings());
        model.put("notice", notice);
        model.put("self", job(job.id(), lang, null));
        return Pages.render("uploads/job.jte", model);
    }

    private static JobRow row(IssuanceJob j, Map<String, String> t, String lang) {
        return new JobRow(j.id(), j.filename() == null ? "" : j.filename(), j.state(), t.get("state." + j.state()), j.total(), j.issued(),
                j.alreadyIssued(), j.failed(), MINUTE.format(j.createdAt()));
    }

    private static Map<String, Object> model(String lang, SignedIn signedIn) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", lang);
        model.put("t", text(lang));
        model.put("signedIn", signedIn);
        model.put("bar", AppBar.of(lang, signedIn, "/app/issuance-jobs"));
        model.put("q", lang.equals("en") ? "" : "?lang=" + lang);
        return model;
    }

    /** The field's message in the page's language (the mapping's own fields); the service's sentence otherwise. */
    private static FormMessage localised(FormMessage message, String lang) {
        Messages m = Messages.of("uploads", lang);
        String field = message.field();
        if (field == null) {
            return message;
        }
        if (field.startsWith("column.")) {
            return new FormMessage(field, m.format("error.column", Map.of("reason", message.text())), message.status());
        }
        if (field.equals("achievementForAll")) {
            return new FormMessage(field, m.text("error.achievement"), message.status());
        }
        return new FormMessage(null, message.text(), message.status());
    }

    /** A request about a waiting upload: who, in which language, which upload. */
    private record Step(SignedIn signedIn, String lang, StagedUploads.Staged upload) {
        long tenant() {
            return signedIn.user().tenantId();
        }
    }

    /** A request about a job: who, in which language, which job. */
    private record Found(SignedIn signedIn, String lang, IssuanceJob job) {}

    /** A route's work once its upload or job was found. */
    @FunctionalInterface
    private interface Then<T> {
        void handle(Context ctx, T found) throws Exception;
    }

    /**
     * A route about the signed-in person's waiting upload named by the path: when it is not waiting for them (gone,
     * expired, another person's or tenant's) they are sent back to the upload form and {@code then} does not run.
     */
    private static Handler onStep(Sessions sessions, StagedUploads staged, boolean form, Then<Step> then) {
        return ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.ISSUE);
            String lang = form ? formLang(ctx) : lang(ctx);
            StagedUploads.Staged upload = staged.find(signedIn.user().tenantId(), signedIn.user().id(), ctx.pathParam("token")).orElse(null);
            if (upload == null) {
                ctx.redirect("/app/issuance-jobs?notice=expired" + (lang.equals("en") ? "" : "&lang=" + lang), HttpStatus.SEE_OTHER);
                return;
            }
            then.handle(ctx, new Step(signedIn, lang, upload));
        };
    }

    /** A route about the tenant's job named by the path: when there is none the 404 page answers and {@code then} does not run. */
    private static Handler onJob(Sessions sessions, IssuanceJobs jobs, boolean form, Then<Found> then) {
        return ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.ISSUE);
            String lang = form ? formLang(ctx) : lang(ctx);
            Long id = id(ctx);
            IssuanceJob job = id == null ? null : jobs.get(signedIn.user().tenantId(), id).orElse(null);
            if (job == null) {
                ctx.status(404).html(Pages.render("uploads/missing.jte", model(lang, signedIn)));
                return;
            }
            then.handle(ctx, new Found(signedIn, lang, job));
        };
    }

    private static Long id(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String notice(Context ctx, String lang) {
        String kind = ctx.queryParam("notice");
        if (kind == null || !List.of("started", "cancelled", "already_finished", "expired").contains(kind)) {
            return "";
        }
        return text(lang).get("notice." + kind);
    }

    private static String upload(StagedUploads.Staged upload, String step, String lang) {
        return "/app/issuance-jobs/uploads/" + upload.token() + step + (lang.equals("en") ? "" : "?lang=" + lang);
    }

    private static String job(long id, String lang, String notice) {
        String query = (notice == null ? "" : "notice=" + notice) + (lang.equals("en") ? "" : (notice == null ? "" : "&") + "lang=" + lang);
        return "/app/issuance-jobs/" + id + (query.isEmpty() ? "" : "?" + query);
    }

    private static String lang(Context ctx) {
        return Pages.language(ctx);
    }

    private static String formLang(Context ctx) {
        return Pages.language(ctx, ctx.formParam("lang"));
    }

    /** A problem's column in words ("E-mail address", "E-postadresse"), as the mapping step names it, not its code name. */
    private static String column(String lang, String field) {
        return field == null ? "" : text(lang).getOrDefault("target." + field, field);
    }

    private static Map<String, String> text(String lang) {
        return Messages.of("uploads", lang).table();
    }
}
