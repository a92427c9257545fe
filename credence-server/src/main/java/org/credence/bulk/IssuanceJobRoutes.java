package org.credence.bulk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.tenant.Caller;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * {@code /api/v1/issuance-jobs}: upload a file of credentials to issue (or preview it with
 * {@code ?dryRun=true}), follow the job, download its result, cancel it. An API key with the
 * {@code issue} scope, or a signed-in user whose role may issue.
 */
public final class IssuanceJobRoutes {
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    private static final int PAGE = 50;

    private IssuanceJobRoutes() {}

    /**
     * @param spool      where an upload waits while the request runs (the page's staged uploads wait there too)
     * @param tenantSlug the slug of a tenant by its id, for the {@code ?tenant=} check
     */
    public static void register(JavalinConfig config, IssuanceJobs jobs, Spool spool, Auth auth, Sessions sessions, URI publicUrl,
                                java.util.function.LongFunction<String> tenantSlug) {
        config.routes.post("/api/v1/issuance-jobs", ctx -> {
            long max = jobs.settings().maxUploadBytes();
            // refused from its Content-Length before a byte of the body is read
            if (ctx.req().getContentLengthLong() > max + (1 << 16)) {
                throw tooLarge(max);
            }
            boolean multipart = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
            Path file = spool.temporary();
            try {
                if (multipart) {
                    // this route's own limit, not the server's 2 MB; parts over 1 MB are spooled to disk by Jetty
                    ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(spool.directory().toString(), max, max + (1 << 16), 1 << 20));
                }
                Access access = issuer(ctx, auth, sessions);
                String expected = ctx.queryParam("tenant");
                if (expected != null && !expected.equals(tenantSlug.apply(access.tenantId()))) {
                    throw Problem.badParameter("tenant", "these credentials belong to the tenant '" + tenantSlug.apply(access.tenantId())
                            + "', not '" + expected + "': use that tenant's API key");
                }
                boolean dryRun = flag(ctx, "dryRun", false);
                boolean mailRecipients = flag(ctx, "notify", true);
                String filename = null;
                String type = ctx.contentType();
                if (multipart) {
                    Part part = part(ctx, max);
                    filename = part.getSubmittedFileName();
                    type = part.getContentType();
                    try (InputStream in = part.getInputStream()) {
                        Spool.copy(in, file, max);
                    }
                } else if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
                    // the server's input guard has read a JSON body already (so it keeps the 2 MB limit); CSV is for larger files
                    Files.write(file, ctx.bodyAsBytes());
                } else {
                    try (InputStream in = ctx.req().getInputStream()) {
                        Spool.copy(in, file, max);
                    }
                }
                if (Files.size(file) == 0) {
                    throw Problem.invalidField("file", "the file is empty: the first line names the columns (name, email, achievement …), one line per credential follows");
                }
                IssuanceJobs.Upload upload = new IssuanceJobs.Upload(file, BulkFile.format(file, type), shorten(filename), mailRecipients);
                if (dryRun) {
                    ctx.json(json(jobs.preview(access.tenantId(), upload)));
                    return;
                }
                IssuanceJob job = jobs.submit(access.tenantId(), access.actor(), upload);
                ctx.status(202).header("Location", "/api/v1/issuance-jobs/" + job.id()).json(json(job, jobs.errors(access.tenantId(), job.id())));
            } finally {
                IssuanceJobs.discard(file);
            }
        });
        config.routes.get("/api/v1/issuance-jobs", ctx -> {
            Access access = issuer(ctx, auth, sessions);
            Long before = ctx.queryParam("before") == null ? null : positive(ctx.queryParam("before"), "before");
            int limit = ctx.queryParam("limit") == null ? PAGE : (int) Math.min(500, positive(ctx.queryParam("limit"), "limit"));
            List<IssuanceJob> page = jobs.list(access.tenantId(), before, limit);
            ObjectNode body = Json.MAPPER.createObjectNode();
            ArrayNode items = body.putArray("items");
            page.forEach(j -> items.add(json(j, null)));
            if (page.size() == limit) {
                body.put("next", "/api/v1/issuance-jobs?limit=" + limit + "&before=" + page.get(page.size() - 1).id());
            } else {
                body.putNull("next");
            }
            ctx.json(body);
        });
        config.routes.get("/api/v1/issuance-jobs/{id}", ctx -> {
            Access access = issuer(ctx, auth, sessions);
            long id = positive(ctx.pathParam("id"), "id");
            IssuanceJob job = jobs.get(access.tenantId(), id).orElseThrow(() -> Problem.notFound("no issuance job " + id + " at this tenant"));
            ctx.json(json(job, jobs.errors(access.tenantId(), id)));
        });
        config.routes.post("/api/v1/issuance-jobs/{id}/cancel", ctx -> {
            Access access = issuer(ctx, auth, sessions);
            long id = positive(ctx.pathParam("id"), "id");
            ctx.json(json(jobs.cancel(access.tenantId(), access.actor(), id), null));
        });
        config.routes.get("/api/v1/issuance-jobs/{id}/result.csv", ctx -> {
            Access access = issuer(ctx, auth, sessions);
            long id = positive(ctx.pathParam("id"), "id");
            jobs.get(access.tenantId(), id).orElseThrow(() -> Problem.notFound("no issuance job " + id + " at this tenant"));
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"issuance-job-" + id + ".csv\"");
            OutputStream out = ctx.res().getOutputStream();
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvWriter csv = CsvWriter.builder().bufferSize(1 << 16).build(writer);
            List<String> custom = new ArrayList<>();
            jobs.result(access.tenantId(), id, fields -> {
                custom.addAll(fields);
                List<String> header = new ArrayList<>(List.of("line", "status", "name", "email", "achievement", "number", "url", "field", "error"));
                header.addAll(custom);
                csv.writeRecord(header);
            }, row -> csv.writeRecord(ResultCsv.cells(row, custom, publicUrl)));
            csv.flush();
            writer.flush();
        });
    }

    /** Who uploads: an API key with the issue scope, or a signed-in user who may issue. */
    record Access(long tenantId, String actor) {}

    static Access issuer(Context ctx, Auth auth, Sessions sessions) {
        if (ctx.header("Authorization") != null) {
            Caller caller = auth.requireTenant(ctx, "issue");
            return new Access(caller.tenantId(), caller.actor());
        }
        SignedIn signedIn = sessions.current(ctx)
                .orElseThrow(() -> Problem.unauthorized("send an API key as 'Authorization: Bearer <key>', or sign in"));
        if (!signedIn.may(Permission.ISSUE)) {
            throw Problem.forbidden("only roles that may issue credentials may run issuance jobs (your role is " + signedIn.user().role().json() + ")");
        }
        return new Access(signedIn.user().tenantId(), signedIn.actor());
    }

    private static Part part(Context ctx, long max) {
        try {
            Part part = ctx.req().getPart("file");
            if (part == null) {
                throw Problem.badField("file", "send the file in a form field named 'file'");
            }
            return part;
        } catch (IllegalStateException | IOException | jakarta.servlet.ServletException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("exceeded")) {
                throw tooLarge(max);
            }
            throw Problem.badRequest("the multipart body could not be read: " + e.getMessage());
        }
    }

    private static Problem tooLarge(long max) {
        return Problem.tooLarge("an issuance file is at most " + (max >> 20) + " MB; split it into several jobs");
    }

    private static boolean flag(Context ctx, String name, boolean fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw Problem.badParameter(name, name + " is true or false");
        };
    }

    private static long positive(String text, String name) {
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw Problem.badParameter(name, name + " must be a positive whole number");
    }

    private static String shorten(String filename) {
        return filename == null ? null : filename.length() > 200 ? filename.substring(0, 200) : filename;
    }

    static ObjectNode json(IssuanceJob job, List<IssuanceJob.RowResult> errors) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", job.id());
        node.put("state", job.state());
        node.put("format", job.format().id());
        node.put("filename", job.filename());
        node.put("total", job.total());
        node.put("issued", job.issued());
        node.put("alreadyIssued", job.alreadyIssued());
        node.put("failed", job.failed());
        node.put("cancelled", job.cancelled());
        node.put("pending", job.total() - job.done());
        node.put("progress", Math.round(job.progress() * 10_000) / 10_000.0);
        node.put("notify", job.mailRecipients());
        node.put("certificateAttached", job.mailRecipients() && !job.linksOnly());
        node.put("createdBy", job.createdBy());
        node.put("createdAt", job.createdAt().toString());
        node.put("startedAt", job.startedAt() == null ? null : job.startedAt().toString());
        node.put("finishedAt", job.finishedAt() == null ? null : job.finishedAt().toString());
        ArrayNode warnings = node.putArray("warnings");
        job.warnings().forEach(warnings::add);
        node.put("result", "/api/v1/issuance-jobs/" + job.id() + "/result.csv");
        if (errors != null) {
            String position = job.format() == BulkFile.Format.JSON ? "index" : "line";
            ArrayNode list = node.putArray("errors");
            for (IssuanceJob.RowResult e : errors) {
                ObjectNode error = list.addObject().put(position, e.line());
                if (e.field() != null) {
                    error.put("field", e.field());
                }
                error.put("message", e.error());
            }
        }
        return node;
    }

    static ObjectNode json(IssuanceJobs.Preview preview) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("dryRun", true);
        node.put("format", preview.format().id());
        node.put("total", preview.total());
        node.put("issuable", preview.issuable());
        node.put("refused", preview.refused());
        node.put("alreadyIssued", preview.alreadyIssued());
        ArrayNode warnings = node.putArray("warnings");
        preview.warnings().forEach(warnings::add);
        String position = preview.format() == BulkFile.Format.JSON ? "index" : "line";
        ArrayNode errors = node.putArray("errors");
        for (IssuanceJobs.RowProblem p : preview.errors()) {
            ObjectNode error = errors.addObject().put(position, p.line());
            if (p.field() != null) {
                error.put("field", p.field());
            }
            error.put("message", p.message());
        }
        ArrayNode sample = node.putArray("sample");
        for (BulkFile.Row row : preview.sample()) {
            ObjectNode r = sample.addObject().put(position, row.line()).put("name", row.name()).put("email", row.email())
                    .put("achievementId", row.achievementId());
            r.put("issuedAt", row.issuedAt() == null ? null : row.issuedAt().toString());
            r.put("expiresAt", row.expiresAt() == null ? null : row.expiresAt().toString());
            r.put("grade", row.grade());
            r.put("evidence", row.evidenceUrl());
            if (!row.custom().isEmpty()) {
                ObjectNode custom = r.putObject("custom");
                for (Map.Entry<String, String> c : row.custom().entrySet()) {
                    custom.put(c.getKey(), c.getValue());
                }
            }
        }
        return node;
    }
}
