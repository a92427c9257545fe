package org.credence.user;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.credence.http.Pages;

/** The sign-in pages' texts in English and Norwegian (bokmål), and their rendering. */
final class UserPages {
    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.ofEntries(
                    Map.entry("login.title", "Sign in"), Map.entry("login.tenant", "Organisation"), Map.entry("login.email", "E-mail"),
                    Map.entry("login.password", "Password"), Map.entry("login.submit", "Sign in"),
                    Map.entry("login.wrong", "The e-mail or password is wrong."),
                    Map.entry("app.title", "Credence"), Map.entry("app.user", "Signed in as"), Map.entry("app.role", "Role"),
                    Map.entry("app.tenant", "Organisation"), Map.entry("app.may", "What you can do"), Map.entry("app.logout", "Sign out"),
                    Map.entry("app.credentials", "Credentials, their mail and claims"),
                    Map.entry("role.owner", "Owner"), Map.entry("role.issuer", "Issuer"), Map.entry("role.analyst", "Analyst"), Map.entry("role.viewer", "Viewer"),
                    Map.entry("may.READ", "See credentials, achievements and their status"), Map.entry("may.ISSUE", "Issue credentials"),
                    Map.entry("may.REVOKE", "Revoke, suspend and reinstate credentials"), Map.entry("may.VIEW_ANALYTICS", "See dashboards and analytics"),
                    Map.entry("may.MANAGE_USERS", "Add users, change their roles and disable them"),
                    Map.entry("users.title", "Users"), Map.entry("users.name", "Name"), Map.entry("users.state", "State"),
                    Map.entry("users.active", "active"), Map.entry("users.disabled", "disabled"),
                    Map.entry("forbidden.title", "Not allowed"), Map.entry("forbidden.text", "Your role does not allow this page. Ask an owner of your organisation."),
                    Map.entry("throttled.title", "Too many attempts"),
                    Map.entry("throttled.text", "Too many failed sign-ins for this e-mail. Wait 15 minutes and try again."),
                    Map.entry("busy.title", "Busy"),
                    Map.entry("busy.text", "The server is busy checking other sign-ins. Wait a few seconds and try again."),
                    Map.entry("password.title", "Change your password"), Map.entry("password.current", "Current password"),
                    Map.entry("password.new", "New password (at least " + Password.MIN_LENGTH + " characters)"),
                    Map.entry("password.repeat", "New password again"), Map.entry("password.submit", "Change password"),
                    Map.entry("password.WRONG_CURRENT", "The current password is wrong."),
                    Map.entry("password.LENGTH", "A password needs " + Password.MIN_LENGTH + " to " + Password.MAX_LENGTH + " characters."),
                    Map.entry("password.MISMATCH", "The two new passwords differ."),
                    Map.entry("refused.title", "This form was not accepted"),
                    Map.entry("refused.text", "It came from another site, or its page was open from before you last signed in or out. "
                            + "Go back, reload the page and send the form again."),
                    Map.entry("changed.title", "Password changed"),
                    Map.entry("changed.text", "Your password is changed. Anywhere else you were signed in, you are signed out.")),
            "nb", Map.ofEntries(
                    Map.entry("login.title", "Logg inn"), Map.entry("login.tenant", "Organisasjon"), Map.entry("login.email", "E-post"),
                    Map.entry("login.password", "Passord"), Map.entry("login.submit", "Logg inn"),
                    Map.entry("login.wrong", "E-postadressen eller passordet er feil."),
                    Map.entry("app.title", "Credence"), Map.entry("app.user", "Innlogget som"), Map.entry("app.role", "Rolle"),
                    Map.entry("app.tenant", "Organisasjon"), Map.entry("app.may", "Dette kan du gjøre"), Map.entry("app.logout", "Logg ut"),
                    Map.entry("app.credentials", "Kompetansebevis, e-post og henting"),
                    Map.entry("role.owner", "Eier"), Map.entry("role.issuer", "Utsteder"), Map.entry("role.analyst", "Analytiker"), Map.entry("role.viewer", "Leser"),
                    Map.entry("may.READ", "Se kompetansebevis, kompetanser og status"), Map.entry("may.ISSUE", "Utstede kompetansebevis"),
                    Map.entry("may.REVOKE", "Trekke tilbake, suspendere og gjeninnsette bevis"), Map.entry("may.VIEW_ANALYTICS", "Se dashbord og analyser"),
                    Map.entry("may.MANAGE_USERS", "Legge til brukere, endre roller og deaktivere dem"),
                    Map.entry("users.title", "Brukere"), Map.entry("users.name", "Navn"), Map.entry("users.state", "Status"),
                    Map.entry("users.active", "aktiv"), Map.entry("users.disabled", "deaktivert"),
                    Map.entry("forbidden.title", "Ikke tillatt"), Map.entry("forbidden.text", "Rollen din gir ikke tilgang til denne siden. Spør en eier i organisasjonen."),
                    Map.entry("throttled.title", "For mange forsøk"),
                    Map.entry("throttled.text", "For mange mislykkede innlogginger for denne e-postadressen. Vent 15 minutter og prøv igjen."),
                    Map.entry("busy.title", "Opptatt"),
                    Map.entry("busy.text", "Tjeneren sjekker andre innlogginger akkurat nå. Vent noen sekunder og prøv igjen."),
                    Map.entry("password.title", "Bytt passord"), Map.entry("password.current", "Nåværende passord"),
                    Map.entry("password.new", "Nytt passord (minst " + Password.MIN_LENGTH + " tegn)"),
                    Map.entry("password.repeat", "Nytt passord en gang til"), Map.entry("password.submit", "Bytt passord"),
                    Map.entry("password.WRONG_CURRENT", "Det nåværende passordet er feil."),
                    Map.entry("password.LENGTH", "Et passord må ha " + Password.MIN_LENGTH + " til " + Password.MAX_LENGTH + " tegn."),
                    Map.entry("password.MISMATCH", "De to nye passordene er ulike."),
                    Map.entry("refused.title", "Skjemaet ble ikke godtatt"),
                    Map.entry("refused.text", "Det kom fra et annet nettsted, eller siden var åpnet før du sist logget inn eller ut. "
                            + "Gå tilbake, last inn siden på nytt og send skjemaet igjen."),
                    Map.entry("changed.title", "Passordet er byttet"),
                    Map.entry("changed.text", "Passordet ditt er byttet. Der du ellers var innlogget, er du nå logget ut.")));

    private UserPages() {}

    static String language(Context ctx) {
        return Pages.language(ctx.queryParam("lang"), ctx.header("Accept-Language"));
    }

    static String login(String lang, String slug, String email, String next, boolean wrong) {
        Map<String, String> t = TEXT.get(lang);
        return Pages.render("user/login.jte", Map.of("lang", lang, "t", t, "slug", slug, "email", email, "next", next,
                "error", wrong ? t.get("login.wrong") : ""));
    }

    static String app(String lang, SignedIn signedIn) {
        Map<String, String> t = TEXT.get(lang);
        List<String> abilities = signedIn.user().role().permissions().stream().map(p -> t.get("may." + p.name())).toList();
        return Pages.render("user/app.jte", Map.of("lang", lang, "t", t, "signedIn", signedIn, "abilities", abilities));
    }

    static String users(String lang, SignedIn signedIn, List<User> users) {
        return Pages.render("user/users.jte", Map.of("lang", lang, "t", TEXT.get(lang), "signedIn", signedIn, "users", users));
    }

    /** The password change form, with why the last try was refused (null: none). */
    static String password(String lang, SignedIn signedIn, Users.PasswordChange.Outcome refused) {
        Map<String, String> t = TEXT.get(lang);
        return Pages.render("user/password.jte", Map.of("lang", lang, "t", t, "signedIn", signedIn,
                "error", refused == null ? "" : t.get("password." + refused.name()), "min", Password.MIN_LENGTH));
    }

    /** A page with a title and one sentence: {@code forbidden}, {@code throttled}, {@code refused} or {@code changed}. */
    static String message(String lang, String key) {
        return Pages.render("user/message.jte", Map.of("lang", lang, "t", TEXT.get(lang), "key", key));
    }
}
