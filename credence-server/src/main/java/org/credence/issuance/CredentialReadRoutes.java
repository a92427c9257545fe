package org.credence.issuance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;
import org.credence.http.Auth;
import org.credence.http.Json;
import org.credence.http.Problem;
import org.credence.tenant.Caller;

/** Listing a tenant's credentials and reading one, with the read scope. */
public final class CredentialReadRoutes {
    private CredentialReadRoutes() {}

    public static void register(JavalinConfig config, CredentialListing listing, Auth auth, URI publicUrl, java.time.Clock clock) {
        config.routes.get("/api/v1/credentials", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            String format = ctx.queryParam("format");
            if (format != null && !format.matches("json|csv|jsonl|ndjson")) {
                throw Problem.badParameter("format", "format is json (pages), csv or jsonl (the whole filtered set as a file)");
            }
            Optional<CredentialExport.Format> export = CredentialExport.Format.requested(format, ctx.header("Accept"));
            if (export.isPresent()) {
                export(ctx, listing, caller.tenantId(), export.get(), publicUrl);
                return;
            }
            CredentialListing.Page page = listing.list(caller.tenantId(), CredentialQuery.from(ctx::queryParam));
            ArrayNode items = Json.MAPPER.createArrayNode();
            java.time.Instant now = clock.instant();
            page.items().forEach(c -> items.add(IssuanceRoutes.json(c, publicUrl, now)));
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("items", items);
            body.put("next", page.next().orElse(null));
            ctx.json(body);
        });
        config.routes.get("/api/v1/credentials/{id}", ctx -> {
            Caller caller = auth.requireTenant(ctx, "read");
            ctx.json(IssuanceRoutes.json(listing.get(caller.tenantId(), ctx.pathParam("id")), publicUrl, clock.instant()));
        });
    }

    /**
     * The whole filtered set as a file, streamed: rows go to the response as the database cursor yields them,
     * so memory stays flat for a million. Paging parameters (limit, cursor) do not apply to an export.
     */
    private static void export(Context ctx, CredentialListing listing, long tenantId, CredentialExport.Format format, URI publicUrl)
            throws java.io.IOException {
        // the filters are read (and refused with a problem) before the first byte is sent
        CredentialQuery query = CredentialQuery.from(name -> name.equals("limit") || name.equals("cursor") ? null : ctx.queryParam(name));
        var achievements = listing.achievementNames(tenantId);
        ctx.status(200).contentType(format.contentType()).header("Content-Disposition", "attachment; filename=\"" + format.fileName() + "\"")
                .header("Cache-Control", "no-store");
        try (CredentialExport file = new CredentialExport(format, ctx.res().getOutputStream(), achievements, publicUrl, listing.now())) {
            listing.export(tenantId, query, file::write);
        }
    }
}
