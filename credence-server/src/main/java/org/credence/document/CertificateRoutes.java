package org.credence.document;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.audit.AuditTrail;
import org.credence.http.Auth;
import org.credence.http.Downloads;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.issuance.IssuedCredential;
import org.credence.tenant.Caller;
import org.credence.tracking.EventType;
import org.credence.tracking.ServerEvents;
import org.jdbi.v3.core.Jdbi;

/**
 * The certificate of a credential ({@code /c/{number}/certificate.pdf}, and its first page as
 * {@code certificate.png}) and a tenant's own designs ({@code /api/v1/designs/{name}}).
 */
public final class CertificateRoutes {
    /** The path a design error starts with, e.g. {@code elements[3].font} in "elements[3].font is missing". */
    private static final Pattern FIELD = Pattern.compile("^((?:page|elements|description)[A-Za-z0-9_.\\[\\]]*)\\s");

    private CertificateRoutes() {}

    public static void register(JavalinConfig config, Certificates certificates, Designs designs, Jdbi jdbi, AuditTrail audit, Auth auth,
                                ServerEvents events) {
        config.routes.get("/c/{number}/certificate.pdf", ctx -> {
            IssuedCredential credential = publicCredential(certificates, ctx);
            org.credence.credential.CredentialPageRoutes.refuseWithdrawn(ctx, credential);
            StoredDocument pdf = certificates.pdf(credential);
            boolean download = "1".equals(ctx.queryParam("download"));
            events.recordThen(ctx, credential.number(), download ? EventType.DOWNLOAD : EventType.VIEW, "pdf", () -> Downloads.serve(ctx, pdf.etag(), pdf.contentType(), pdf.bytes(),
                    download ? Optional.of(credential.number() + "-certificate.pdf") : Optional.empty()));
        });
        config.routes.get("/c/{number}/certificate.png", ctx -> {
            // the page's preview image: counted with the page, not on its own
            StoredDocument preview = certificates.preview(publicCredential(certificates, ctx));
            Downloads.serve(ctx, preview.etag(), preview.contentType(), preview.bytes(), Optional.empty());
        });
        config.routes.get("/api/v1/designs", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            var items = Json.MAPPER.createArrayNode();
            designs.list(caller.tenantId()).forEach(d -> items.addObject().put("name", d.design().name())
                    .put("description", d.design().description()).put("builtIn", d.builtIn()));
            ctx.json(Json.MAPPER.createObjectNode().set("items", items));
        });
        config.routes.get("/api/v1/designs/{name}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            Designs.Stored stored = designs.find(caller.tenantId(), ctx.pathParam("name"))
                    .orElseThrow(() -> Problem.notFound("no design '" + shortened(ctx.pathParam("name")) + "' in this tenant"));
            ctx.contentType("application/json").result(stored.definition());
        });
        config.routes.put("/api/v1/designs/{name}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/json")) {
                throw Problem.unsupportedMediaType("send the design file as application/json (format: docs/designs.md)");
            }
            String name = ctx.pathParam("name");
            String definition = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
            boolean created;
            try {
                created = designs.save(caller.tenantId(), name, definition);
            } catch (InvalidDesign e) {
                throw invalid(e);
            }
            certificates.forgetDesign(caller.tenantId(), name);
            jdbi.useHandle(h -> audit.record(h, caller.tenantId(), caller.actor(), created ? "design.create" : "design.update",
                    "design:" + name, null, Json.MAPPER.createObjectNode().put("sha256", StoredDocuments.sha256(ctx.bodyAsBytes()))));
            ctx.status(created ? 201 : 200).contentType("application/json").result(definition);
        });
        config.routes.delete("/api/v1/designs/{name}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            String name = ctx.pathParam("name");
            if (Designs.BUILT_IN.contains(name)) {
                throw Problem.invalidField("name", "'" + name + "' is a built-in design: it cannot be deleted");
            }
            Designs.Deletion deletion = designs.delete(caller.tenantId(), name);
            if (deletion instanceof Designs.Deletion.NotFound) {
                throw Problem.notFound("no design '" + shortened(name) + "' in this tenant");
            }
            if (deletion instanceof Designs.Deletion.InUse inUse) {
                throw Problem.conflict("achievements still use design '" + name + "': " + String.join(", ", inUse.achievements())
                        + " — give them another design (PUT /api/v1/achievements/{id} with \"design\") first");
            }
            jdbi.useHandle(h -> audit.record(h, caller.tenantId(), caller.actor(), "design.delete", "design:" + name, null, null));
            ctx.status(204);
        });
    }

    private static IssuedCredential publicCredential(Certificates certificates, Context ctx) {
        String number = ctx.pathParam("number");
        return certificates.publicCredential(number)
                .orElseThrow(() -> Problem.notFound("no public credential with number '" + shortened(number) + "'"));
    }

    /** A design error as a 422 naming the field at fault (the whole design when the fault is not in one field). */
    private static Problem invalid(InvalidDesign e) {
        Matcher m = FIELD.matcher(e.getMessage());
        return Problem.invalidField(m.find() ? m.group(1) : "design", e.getMessage());
    }

    private static String shortened(String typed) {
        return typed.length() <= 40 ? typed : typed.substring(0, 40) + "…";
    }
}
