package org.credence.document;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.credence.http.Auth;
import org.credence.http.Downloads;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.issuance.IssuedCredential;
import org.credence.tenant.Caller;
import org.credence.tracking.EventType;
import org.credence.tracking.ServerEvents;

/**
 * The certificate of a credential ({@code /c/{number}/certificate.pdf}, and its first page as
 * {@code certificate.png}) and a tenant's own designs ({@code /api/v1/designs/{name}}).
 */
public final class CertificateRoutes {
    private CertificateRoutes() {}

    public static void register(JavalinConfig config, Certificates certificates, Designs designs, DesignChanges changes, Auth auth,
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
            String definition = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
            boolean created = changes.save(caller, ctx.pathParam("name"), definition);
            ctx.status(created ? 201 : 200).contentType("application/json").result(definition);
        });
        config.routes.delete("/api/v1/designs/{name}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "admin");
            changes.delete(caller, ctx.pathParam("name"));
            ctx.status(204);
        });
    }

    private static IssuedCredential publicCredential(Certificates certificates, Context ctx) {
        String number = ctx.pathParam("number");
        return certificates.publicCredential(number)
                .orElseThrow(() -> Problem.notFound("no public credential with number '" + shortened(number) + "'"));
    }

    private static String shortened(String typed) {
        return DesignChanges.shortened(typed);
    }
}
