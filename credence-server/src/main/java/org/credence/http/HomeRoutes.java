package org.credence.http;

import io.javalin.config.JavalinConfig;
import java.util.Map;

/** {@code /}: a small page that says what this server is and where to go (verify, sign in, API docs), in English and bokmål. */
public final class HomeRoutes {
    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.of(
                    "intro", "This server issues and verifies digital credentials (Open Badges 3.0, W3C Verifiable Credentials).",
                    "verify", "Verify a credential", "verify.hint", "by its certificate number or by uploading the file",
                    "me", "Your credentials", "me.hint", "for recipients: sign in with a link sent by e-mail",
                    "login", "Sign in", "login.hint", "for issuers: your organisation's dashboard",
                    "api", "API documentation", "api.hint", "OpenAPI contract and Swagger UI",
                    "other", "Norsk (bokmål)"),
            "nb", Map.of(
                    "intro", "Denne tjeneren utsteder og verifiserer digitale kompetansebevis (Open Badges 3.0, W3C Verifiable Credentials).",
                    "verify", "Verifiser et kompetansebevis", "verify.hint", "med sertifikatnummeret eller ved å laste opp filen",
                    "me", "Dine kompetansebevis", "me.hint", "for mottakere: logg inn med en lenke sendt på e-post",
                    "login", "Logg inn", "login.hint", "for utstedere: virksomhetens oversikt",
                    "api", "API-dokumentasjon", "api.hint", "OpenAPI-kontrakt og Swagger UI",
                    "other", "English"));

    private HomeRoutes() {}

    public static void register(JavalinConfig config) {
        config.routes.get("/", ctx -> {
            String lang = Pages.language(ctx.queryParam("lang"), ctx.header("Accept-Language"));
            ctx.contentType("text/html; charset=utf-8").result(Pages.render("home/index.jte", Map.of("lang", lang, "t", TEXT.get(lang))));
        });
    }
}
