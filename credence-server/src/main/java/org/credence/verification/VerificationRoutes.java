package org.credence.verification;

import io.javalin.config.JavalinConfig;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import org.credence.document.CertificatePdf;
import org.credence.http.Problem;
import org.credence.tenant.Tenants;
import org.credence.tracking.EventType;
import org.credence.tracking.ServerEvents;

/** Public verification: the page and the JSON API, by number or by upload. */
public final class VerificationRoutes {
    private VerificationRoutes() {}

    public static void register(JavalinConfig config, ServerVerification verification, Tenants tenants, ServerEvents events) {
        config.routes.get("/verify/{number}", ctx -> {
            String lang = VerificationPage.language(ctx.queryParam("lang"), ctx.header("Accept-Language"));
            var verified = verification.byNumber(ctx.pathParam("number"));
            ctx.contentType("text/html; charset=utf-8");
            if (verified.isEmpty()) {
                ctx.status(404).result(VerificationPage.unknown(ctx.pathParam("number"), lang));
                return;
            }
            String issuer = tenants.byId(verified.get().credential().tenantId()).name();
            String html = VerificationPage.render(verified.get(), issuer, lang);
            events.recordThen(ctx, verified.get().credential().number(), EventType.VERIFICATION, "page", () -> ctx.result(html));
        });
        config.routes.get("/api/v1/verify/{number}", ctx -> {
            var verified = verification.byNumber(ctx.pathParam("number"))
                    .orElseThrow(() -> Problem.notFound("no credential with number '" + VerificationPage.shortened(ctx.pathParam("number"))
                            + "' — check it (letters and digits, like CRD-7K3M-Q9XP-2F)"));
            var body = verified.report().toJson();
            body.put("number", verified.credential().number());
            // the proof behind the transparency check, so anyone can recheck it against a signed checkpoint
            verified.transparency().ifPresent(proof -> body.set("transparency", proof));
            events.recordThen(ctx, verified.credential().number(), EventType.VERIFICATION, "api", () -> ctx.json(body));
        });
        config.routes.post("/api/v1/verify", ctx -> {
            byte[] input;
            String type = ctx.contentType() == null ? "" : ctx.contentType();
            if (type.startsWith("multipart/form-data")) {
                UploadedFile file = ctx.uploadedFile("file");
                if (file == null) {
                    throw Problem.invalidField("file", "upload the credential as a form field named 'file'");
                }
                try (InputStream in = file.content()) {
                    input = in.readAllBytes();
                } catch (IOException e) {
                    throw Problem.badRequest("the upload could not be read");
                }
            } else {
                input = ctx.bodyAsBytes();
            }
            if (input.length == 0) {
                throw Problem.badRequest("send a credential: JSON, a VC-JWT, a baked PNG/SVG badge, or a certificate PDF");
            }
            if (CertificatePdf.looksLikePdf(input)) {
                input = attachedCredential(input);
            }
            ctx.json(verification.verify(input).toJson());
        });
    }

    /** The credential a certificate PDF carries; a PDF without one is a 422 saying so. */
    private static byte[] attachedCredential(byte[] pdf) {
        try {
            return CertificatePdf.extractCredential(pdf);
        } catch (IllegalArgumentException e) {
            throw Problem.invalidField("file", e.getMessage() + "; only certificate PDFs from Credence (or others that attach "
                    + CertificatePdf.ATTACHMENT + ") can be verified");
        }
    }
}
