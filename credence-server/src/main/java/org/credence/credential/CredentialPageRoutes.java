package org.credence.credential;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.credence.http.Pages;
import org.credence.http.Problem;
import org.credence.tracking.EventType;
import org.credence.tracking.ServerEvents;
import org.credence.verification.VerificationPage;

/** The public credential page {@code /c/{number}} and its wallet download. */
public final class CredentialPageRoutes {
    private CredentialPageRoutes() {}

    /** Whether the request comes from the signed-in recipient of a credential. */
    @FunctionalInterface
    public interface RecipientCheck {
        boolean isRecipient(Context ctx, long tenantId, UUID credentialId);
    }

    public static void register(JavalinConfig config, CredentialPages pages, ServerEvents events, RecipientCheck recipients) {
        config.routes.get("/c/{number}", ctx -> {
            String lang = Pages.language(ctx);
            ctx.contentType("text/html; charset=utf-8");
            CredentialPages.Lookup found = pages.find(ctx.pathParam("number"));
            if (found instanceof CredentialPages.Shown shown) {
                String html = CredentialPage.render(shown, pages.verify(shown), pages.publicUrl(), lang);
                events.recordThen(ctx, shown.credential().number(), EventType.VIEW, "credential_page", () -> ctx.result(html));
            } else if (found instanceof CredentialPages.Private hidden && recipients.isRecipient(ctx, hidden.tenantId(), hidden.credentialId())) {
                // its recipient is never told "ask its holder": their own page shows it, with the switch to make it public
                ctx.redirect("/me?" + (lang.equals("en") ? "" : "lang=" + lang + "&") + "private=" + hidden.number() + "#" + hidden.number(),
                        HttpStatus.SEE_OTHER);
            } else if (found instanceof CredentialPages.Private) {
                ctx.status(404).result(CredentialPage.hidden(lang));
            } else {
                ctx.status(404).result(VerificationPage.unknown(ctx.pathParam("number"), lang));
            }
        });
        config.routes.get("/c/{number}/credential.json", ctx -> {
            CredentialPages.Shown shown = publicOrNotFound(pages, ctx);
            refuseWithdrawn(ctx, shown.credential());
            ctx.header("Content-Disposition", "attachment; filename=\"" + shown.credential().number() + ".json\"");
            // the exact bytes that were signed: a wallet verifies them as issued
            events.recordThen(ctx, shown.credential().number(), EventType.DOWNLOAD, "json", () -> ctx.contentType("application/ld+json; charset=utf-8")
                    .result(shown.credential().documentText().getBytes(StandardCharsets.UTF_8)));
        });
    }

    /** The public credential the path's number names; a private one answers exactly as a missing one: its existence is not disclosed. */
    static CredentialPages.Shown publicOrNotFound(CredentialPages pages, Context ctx) {
        if (pages.find(ctx.pathParam("number")) instanceof CredentialPages.Shown shown) {
            return shown;
        }
        throw Problem.notFound("no public credential with number '" + VerificationPage.shortened(ctx.pathParam("number"))
                + "' — check it (letters and digits, like CRD-7K3M-Q9XP-2F)");
    }

    /**
     * A revoked or suspended credential's files (credential JSON, certificate PDF, baked badges)
     * are withdrawn, as its page says: a revoked one is gone for good (410), a suspended one may
     * come back (404 meanwhile). The problem names the state and the page that shows it; nothing
     * caches the refusal, so a reinstated credential's files are back at once.
     */
    public static void refuseWithdrawn(io.javalin.http.Context ctx, org.credence.issuance.IssuedCredential credential) {
        if (!credential.withdrawn()) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("Link", "</verify/" + credential.number() + ">; rel=\"describedby\"");
        String detail = "credential " + credential.number() + " is " + credential.state() + " by its issuer; its files are withdrawn."
                + " The verification page /verify/" + credential.number() + " says so.";
        throw credential.state().equals("revoked") ? Problem.gone(detail) : Problem.notFound(detail);
    }
}
