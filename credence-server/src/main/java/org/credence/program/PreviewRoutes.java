package org.credence.program;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.credence.achievement.Achievement;
import org.credence.achievement.Achievements;
import org.credence.badge.Badges;
import org.credence.document.CertificateRenderer;
import org.credence.document.Certificates;
import org.credence.document.Design;
import org.credence.document.Designs;
import org.credence.document.InvalidDesign;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.i18n.Messages;
import org.credence.tenant.Tenants;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * Previews the app's forms show as a person types: the certificate ({@code /app/preview/certificate.png}), the badge
 * ({@code badge.svg}) and the share image ({@code share.png}) drawn from draft values with the tenant's branding by the
 * same renderers as issued credentials use. Nothing is stored. The query names the draft (docs/app-achievements.md):
 * {@code achievement} (an id whose stored values fill what is not given), {@code title}, {@code kind}, {@code description},
 * {@code design}, {@code validityDays} or {@code expires}, and for the recipient {@code name}, {@code issued}, {@code grade};
 * {@code lang}. {@code POST /app/preview/certificate.png} takes the same fields as a form plus {@code definition}, a design's
 * JSON not yet saved (the designer's preview).
 */
public final class PreviewRoutes {
    /** Pixels across a certificate preview: sharp in a form's column, quick to draw. */
    static final int CERTIFICATE_WIDTH = 840;
    private static final String SAMPLE_NUMBER = "CRD-PREV-IEW0";

    /** What the previews draw with. */
    public record Services(Certificates certificates, Designs designs, Badges badges, Achievements achievements, Tenants tenants, Clock clock) {}

    private PreviewRoutes() {}

    public static void register(JavalinConfig config, Services services, Sessions sessions) {
        config.routes.get("/app/preview/certificate.png", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ);
            Draft draft = Draft.of(services, signedIn, ctx::queryParam);
            Design design = services.designs().find(signedIn.user().tenantId(), draft.design)
                    .orElseThrow(() -> new DomainException.InvalidInput("design", ErrorText.of("design.not_found", "name", shortened(draft.design))))
                    .design();
            image(ctx, "image/png", certificate(services, signedIn, draft, design));
        });
        config.routes.post("/app/preview/certificate.png", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_PROGRAM);
            Draft draft = Draft.of(services, signedIn, ctx::formParam);
            String definition = ctx.formParam("definition");
            if (definition == null || definition.isBlank()) {
                throw new DomainException.InvalidInput("definition", ErrorText.of("design.preview_definition_missing"));
            }
            Design design;
            try {
                design = Designs.parse("preview", definition);
            } catch (InvalidDesign e) {
                throw e.asInput("definition");
            }
            image(ctx, "image/png", certificate(services, signedIn, draft, design));
        });
        config.routes.get("/app/preview/badge.svg", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ);
            Draft draft = Draft.of(services, signedIn, ctx::queryParam);
            // the badge SVG may embed an uploaded picture; it is served as an image with the same fence as the public badges
            ctx.header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'");
            image(ctx, "image/svg+xml", services.badges().draftSvg(signedIn.user().tenantId(), draft.achievementId, draft.title, draft.kind)
                    .getBytes(StandardCharsets.UTF_8));
        });
        config.routes.get("/app/preview/share.png", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ);
            Draft draft = Draft.of(services, signedIn, ctx::queryParam);
            image(ctx, "image/png", services.badges().draftShareImage(signedIn.user().tenantId(), draft.achievementId, draft.title, draft.kind,
                    draft.recipient, SAMPLE_NUMBER, draft.expires.map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC))));
        });
    }

    /** A certificate of {@code design} with sample values (the designer's preview), as a PNG. */
    static byte[] sample(Services services, SignedIn signedIn, Design design, String lang) {
        return certificate(services, signedIn, Draft.of(services, signedIn, name -> name.equals("lang") ? lang
                : name.equals("grade") ? "A" : name.equals("validityDays") ? "730" : name.equals("description")
                ? Messages.of("achievements_app", lang).text("sample.description") : null), design);
    }

    private static byte[] certificate(Services services, SignedIn signedIn, Draft draft, Design design) {
        var certificate = new CertificateRenderer.Certificate(draft.recipient, draft.title, draft.kind, signedIn.tenantName(), draft.issued,
                draft.expires, SAMPLE_NUMBER, services.certificates().verifyUrlOf(SAMPLE_NUMBER), "{}", draft.lang, draft.description, draft.grade);
        return services.certificates().draftPng(signedIn.user().tenantId(), design, certificate, CERTIFICATE_WIDTH);
    }

    private static void image(Context ctx, String type, byte[] bytes) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(type).result(bytes);
    }

    /** The draft values: given ones first, then the stored achievement's, then samples. */
    private static final class Draft {
        Long achievementId;
        String title;
        String kind;
        String description;
        String design;
        String recipient;
        Instant issued;
        Optional<Instant> expires;
        String grade;
        String lang;

        static Draft of(Services services, SignedIn signedIn, Function<String, String> parameter) {
            long tenantId = signedIn.user().tenantId();
            Draft d = new Draft();
            String language = parameter.apply("lang");
            d.lang = "nb".equals(language) || "en".equals(language) ? language
                    : "nb".equals(services.tenants().byId(tenantId).locale()) ? "nb" : "en";
            Messages sample = Messages.of("achievements_app", d.lang);
            Optional<Achievement> stored = Optional.empty();
            String id = given(parameter, "achievement", 20);
            if (id != null) {
                try {
                    d.achievementId = Long.valueOf(id);
                } catch (NumberFormatException e) {
                    throw new DomainException.NotFound(ErrorText.of("achievement.not_found_plain", "id", shortened(id)));
                }
                stored = Optional.of(services.achievements().get(tenantId, d.achievementId));
            }
            d.title = or(given(parameter, "title", 200), stored.map(Achievement::name), sample.text("sample.title"));
            String kind = given(parameter, "kind", 20);
            d.kind = kind != null && Achievements.KIND_NAMES.contains(kind) ? kind : stored.map(Achievement::kind).orElse("certificate");
            d.description = or(given(parameter, "description", 5000), stored.map(Achievement::description), "");
            d.design = or(given(parameter, "design", 40), stored.map(Achievement::design), "classic");
            d.recipient = or(given(parameter, "name", 300), Optional.empty(), sample.text("sample.recipient"));
            d.grade = or(given(parameter, "grade", 100), Optional.empty(), "");
            String issued = given(parameter, "issued", 10);
            LocalDate day;
            try {
                day = issued == null ? LocalDate.now(services.clock().withZone(ZoneOffset.UTC)) : LocalDate.parse(issued);
            } catch (DateTimeParseException e) {
                throw new DomainException.InvalidInput("issued", ErrorText.of("preview.issued_invalid"));
            }
            d.issued = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            d.expires = Optional.empty();
            String expires = given(parameter, "expires", 10);
            String validity = given(parameter, "validityDays", 6);
            if (expires != null) {
                try {
                    d.expires = Optional.of(LocalDate.parse(expires).atStartOfDay(ZoneOffset.UTC).toInstant());
                } catch (DateTimeParseException e) {
                    throw new DomainException.InvalidInput("expires", ErrorText.of("preview.expires_invalid"));
                }
            } else if (validity != null) {
                try {
                    int days = Integer.parseInt(validity);
                    d.expires = days > 0 ? Optional.of(d.issued.plus(days, ChronoUnit.DAYS)) : Optional.empty();
                } catch (NumberFormatException e) {
                    d.expires = Optional.empty(); // a half-typed number: the preview shows no expiry
                }
            } else if (stored.isPresent() && stored.get().validityDays().isPresent()) {
                d.expires = Optional.of(d.issued.plus(stored.get().validityDays().getAsInt(), ChronoUnit.DAYS));
            }
            return d;
        }

        /** A non-blank parameter, cut to {@code max} characters (a preview never refuses a long draft; saving does). */
        private static String given(Function<String, String> parameter, String name, int max) {
            String value = parameter.apply(name);
            if (value == null || value.isBlank()) {
                return null;
            }
            String stripped = value.strip();
            return stripped.length() <= max ? stripped : stripped.substring(0, max);
        }

        private static String or(String given, Optional<String> stored, String sample) {
            return given != null ? given : stored.orElse(sample);
        }
    }

    private static String shortened(String typed) {
        return typed.length() <= 40 ? typed : typed.substring(0, 40) + "…";
    }
}
