package org.credence.verification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.credence.document.CertificatePdf;
import org.credence.http.HttpServer;
import org.credence.http.Pages;
import org.credence.http.Problem;
import org.credence.standards.verification.VerificationReport;
import org.credence.tenant.Tenants;
import org.credence.tracking.EventType;
import org.credence.tracking.ServerEvents;

/** Public verification: the page and the JSON API, by number or by upload. */
public final class VerificationRoutes {
    private VerificationRoutes() {}

    public static void register(JavalinConfig config, ServerVerification verification, Tenants tenants, ServerEvents events) {
        config.routes.get("/verify/{number}", ctx -> {
            String lang = Pages.language(ctx);
            var verified = verification.byNumber(ctx.pathParam("number"));
            ctx.contentType("text/html; charset=utf-8");
            if (verified.isEmpty()) {
                ctx.status(404).result(VerificationPage.unknown(ctx.pathParam("number"), lang));
                return;
            }
            String issuer = tenants.byId(verified.get().credential().tenantId()).name();
            String html = VerificationPage.render(verified.get(), issuer, verification.successor(verified.get().credential()), lang);
            events.recordThen(ctx, verified.get().credential().number(), EventType.VERIFICATION, "page", () -> ctx.result(html));
        });
        config.routes.get("/api/v1/verify/{number}", ctx -> {
            var verified = verification.byNumber(ctx.pathParam("number"))
                    .orElseThrow(() -> Problem.notFound("no credential with number '" + VerificationPage.shortened(ctx.pathParam("number"))
                            + "' — check it (letters and digits, like CRD-7K3M-Q9XP-2F)"));
            var body = verified.report().toJson();
            body.put("number", verified.credential().number());
            if (verified.credential().isPrivate() && body.get("signed") instanceof ObjectNode signed) {
                // a number reaches people the recipient never chose; the name stays in the file they hand over
                signed.remove("recipient");
                body.put("recipientPrivate", true);
            }
            // renewed: the answer names the renewal, which a verifier may want instead
            verification.successor(verified.credential()).ifPresent(number -> body.putObject("supersededBy").put("number", number)
                    .put("verifyUrl", tenants.publicUrl() + "/verify/" + number));
            // the proof behind the transparency check, so anyone can recheck it against a signed checkpoint
            verified.transparency().ifPresent(proof -> body.set("transparency", proof));
            events.recordThen(ctx, verified.credential().number(), EventType.VERIFICATION, "api", () -> ctx.json(body));
        });
        config.routes.post("/api/v1/verify", ctx -> {
            Uploaded uploaded = verifyUpload(verification, upload(ctx));
            var body = uploaded.report().toJson();
            if (uploaded.pdf()) {
                // the file the verifier sent, not the JSON inside it
                body.put("format", "pdf");
            }
            uploaded.number().ifPresent(n -> body.put("number", n));
            recordFileVerificationThen(ctx, events, uploaded.number(), () -> ctx.json(body));
        });
        // the same for people: a form for a number or a file, and the report as a page
        config.routes.get("/verify", ctx -> {
            String lang = Pages.language(ctx);
            String number = ctx.queryParam("number");
            if (number != null && !number.isBlank()) {
                ctx.redirect("/verify/" + URLEncoder.encode(number.strip(), StandardCharsets.UTF_8).replace("+", "%20")
                        + (ctx.queryParam("lang") == null ? "" : "?lang=" + lang), HttpStatus.SEE_OTHER);
                return;
            }
            ctx.contentType("text/html; charset=utf-8").result(VerificationPage.form(lang, null));
        });
        config.routes.post("/verify", ctx -> {
            String lang = Pages.language(ctx);
            ctx.contentType("text/html; charset=utf-8");
            Uploaded uploaded;
            try {
                uploaded = verifyUpload(verification, upload(ctx));
            } catch (Problem refused) {
                // the API's refusals, said on the form a person can try again with
                String error = switch (refused.status()) {
                    case 413 -> "too_large";
                    case 422 -> "no_attachment";
                    default -> "no_file";
                };
                ctx.status(refused.status()).result(VerificationPage.form(lang, error));
                return;
            }
            String html = VerificationPage.file(uploaded.report(), uploaded.pdf(), uploaded.number(), lang);
            recordFileVerificationThen(ctx, events, uploaded.number(), () -> ctx.result(html));
        });
        // a file over the limit is refused before the route runs: the browser gets the form back, not JSON
        config.routes.error(413, "html", ctx -> {
            if (ctx.path().equals("/verify")) {
                String lang = Pages.language(ctx);
                ctx.contentType("text/html; charset=utf-8").result(VerificationPage.form(lang, "too_large"));
            }
        });
    }

    /** An uploaded file's report; {@code number} when this installation issued the credential. */
    private record Uploaded(VerificationReport report, boolean pdf, Optional<String> number) {}

    /** Verifies an upload (a certificate PDF by its attached credential): 400 when empty, 422 for a PDF without one. */
    private static Uploaded verifyUpload(ServerVerification verification, byte[] input) {
        if (input.length == 0) {
            throw Problem.badRequest("send a credential: JSON, a VC-JWT, a baked PNG/SVG badge, or a certificate PDF");
        }
        boolean pdf = CertificatePdf.looksLikePdf(input);
        VerificationReport report = verification.verify(pdf ? attachedCredential(input) : input);
        return new Uploaded(report, pdf, verification.numberOf(report));
    }

    /** A file verified is a verification of the credential, when it is one this installation issued. */
    private static void recordFileVerificationThen(Context ctx, ServerEvents events, Optional<String> number, Runnable respond) {
        if (number.isPresent()) {
            events.recordThen(ctx, number.get(), EventType.VERIFICATION, "file", respond);
        } else {
            respond.run();
        }
    }

    /** The uploaded bytes: a multipart form's {@code file} field, or else the whole body. */
    private static byte[] upload(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.startsWith("multipart/form-data")) {
            return ctx.bodyAsBytes();
        }
        if (ctx.req().getContentLengthLong() > HttpServer.MAX_BODY_BYTES) {
            // refused on its declared length before the form is parsed, and read to its end so the answer arrives: a parse
            // that stops at the limit leaves bytes unread, and the connection's reset could overtake the 413
            HttpServer.drainRefusedBody(ctx);
            throw Problem.tooLarge("request bodies are limited to 2 MB");
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception unreadable) {
            throw Problem.ofUnreadableBody(unreadable).orElseThrow(() -> new IllegalStateException(unreadable));
        }
        if (file == null) {
            throw Problem.badRequest("upload the credential as a form field named 'file'");
        }
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw Problem.badRequest("the upload could not be read");
        }
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
