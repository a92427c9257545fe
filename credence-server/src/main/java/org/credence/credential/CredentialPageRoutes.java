package org.credence.credential;

import io.javalin.config.JavalinConfig;
import java.nio.charset.StandardCharsets;
import org.credence.http.Pages;
import org.credence.http.Problem;
import org.credence.tracking.EventType;
import org.credence.tracking.ServerEvents;
import org.credence.verification.VerificationPage;

/** The public credential page {@code /c/{number}} and its wallet download. */
public final class CredentialPageRoutes {
    private CredentialPageRoutes() {}

    public static void register(JavalinConfig config, CredentialPages pages, ServerEvents events) {
        config.routes.get("/c/{number}", ctx -> {
            String lang = Pages.language(ctx.queryParam("lang"), ctx.header("Accept-Language"));
            ctx.contentType("text/html; charset=utf-8");
            CredentialPages.Lookup found = pages.find(ctx.pathParam("number"));
            if (found instanceof CredentialPages.Shown shown) {
                String html = CredentialPage.render(shown, pages.verify(shown), pages.publicUrl(), lang);
                events.recordThen(ctx, shown.credential().number(), EventType.VIEW, "credential_page", () -> ctx.result(html));
            } else if (found instanceof CredentialPages.Private) {
                ctx.status(404).result(CredentialPage.hidden(lang));
            } else {
                ctx.status(404).result(VerificationPage.unknown(ctx.pathParam("number"), lang));
            }
        });
        config.routes.get("/c/{number}/credential.json", ctx -> {
            CredentialPages.Lookup found = pages.find(ctx.pathParam("number"));
            if (!(found instanceof CredentialPages.Shown shown)) {
                // a private credential answers exactly as a missing one: its existence is not disclosed
                throw Problem.notFound("no public credential with number '" + VerificationPage.shortened(ctx.pathParam("number"))
                        + "' — check it (letters and digits, like CRD-7K3M-Q9XP-2F)");
            }
            ctx.header("Content-Disposition", "attachment; filename=\"" + shown.credential().number() + ".json\"");
            // the exact bytes that were signed: a wallet verifies them as issued
            events.recordThen(ctx, shown.credential().number(), EventType.DOWNLOAD, "json", () -> ctx.contentType("application/ld+json; charset=utf-8")
                    .result(shown.credential().documentText().getBytes(StandardCharsets.UTF_8)));
        });
    }
}
