package org.credence.transparency;

import io.javalin.config.JavalinConfig;
import org.credence.http.Problem;
import org.credence.issuance.CredentialNumber;
import org.credence.issuance.CredentialStore;
import org.credence.tenant.Tenant;
import org.credence.tenant.Tenants;
import org.jdbi.v3.core.Jdbi;

/** Public audit of each tenant's log: checkpoint, inclusion proof by certificate number, consistency proof. */
public final class TransparencyRoutes {
    private TransparencyRoutes() {}

    public static void register(JavalinConfig config, TransparencyLog log, Tenants tenants, Jdbi jdbi) {
        config.routes.get("/transparency/{slug}/checkpoint", ctx -> ctx.json(log.checkpoint(tenant(tenants, ctx.pathParam("slug")))));
        config.routes.get("/transparency/{slug}/inclusion/{number}", ctx -> {
            Tenant tenant = tenant(tenants, ctx.pathParam("slug"));
            var credential = CredentialNumber.parse(ctx.pathParam("number"))
                    .flatMap(n -> jdbi.withHandle(h -> CredentialStore.byNumber(h, n.value())))
                    .filter(c -> c.tenantId() == tenant.id())
                    .orElseThrow(() -> Problem.notFound("no credential " + ctx.pathParam("number") + " from " + tenant.slug()));
            ctx.json(log.inclusion(tenant.id(), credential.id()).orElseThrow(() -> Problem.notFound("this credential is not in the log")));
        });
        config.routes.get("/transparency/{slug}/consistency", ctx -> {
            Tenant tenant = tenant(tenants, ctx.pathParam("slug"));
            try {
                ctx.json(log.consistency(tenant, Long.parseLong(ctx.queryParam("from")), Long.parseLong(ctx.queryParam("to"))));
            } catch (NumberFormatException e) {
                throw Problem.badRequest("give the two tree sizes as ?from=…&to=…");
            }
        });
    }

    private static Tenant tenant(Tenants tenants, String slug) {
        return tenants.bySlug(slug).orElseThrow(() -> Problem.notFound("no tenant " + slug));
    }
}
