package org.credence.verification;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credence.http.Pages;
import org.credence.standards.verification.Check;
import org.credence.standards.verification.VerificationReport;

/**
 * The public verification page in English or Norwegian (bokmål). Every value from a credential
 * is HTML-escaped; the page needs no JavaScript. The credential page reuses its verdicts, checks
 * and unknown-number page, so both pages say the same thing in the same words.
 */
public final class VerificationPage {
    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.ofEntries(
                    Map.entry("title", "Credential verification"), Map.entry("issuer", "Issued by"), Map.entry("recipient", "Awarded to"),
                    Map.entry("achievement", "Achievement"), Map.entry("issued", "Issued"), Map.entry("expires", "Expires"),
                    Map.entry("never", "Does not expire"), Map.entry("number", "Certificate number"), Map.entry("checks", "What was checked"),
                    Map.entry("valid", "Valid: this credential is authentic and in force."), Map.entry("revoked", "Revoked by the issuer."),
                    Map.entry("suspended", "Suspended by the issuer."), Map.entry("expired", "Expired."),
                    Map.entry("not_yet_valid", "Not yet valid."), Map.entry("invalid", "Not valid: this credential could not be verified."),
                    Map.entry("unusable", "Not a credential."), Map.entry("passed", "passed"), Map.entry("failed", "failed"), Map.entry("skipped", "not checked"),
                    Map.entry("check.TRANSPARENCY", "Recorded in the issuer's public log"),
                    Map.entry("unknown", "There is no credential with this number. Check the number: letters and digits, like CRD-7K3M-Q9XP-2F.")),
            "nb", Map.ofEntries(
                    Map.entry("title", "Verifisering av kompetansebevis"), Map.entry("issuer", "Utstedt av"), Map.entry("recipient", "Tildelt"),
                    Map.entry("achievement", "Kompetanse"), Map.entry("issued", "Utstedt"), Map.entry("expires", "Utløper"),
                    Map.entry("never", "Utløper ikke"), Map.entry("number", "Sertifikatnummer"), Map.entry("checks", "Hva som ble kontrollert"),
                    Map.entry("valid", "Gyldig: beviset er ekte og gjelder."), Map.entry("revoked", "Trukket tilbake av utstederen."),
                    Map.entry("suspended", "Midlertidig suspendert av utstederen."), Map.entry("expired", "Utløpt."),
                    Map.entry("not_yet_valid", "Ikke gyldig ennå."), Map.entry("invalid", "Ikke gyldig: beviset kunne ikke verifiseres."),
                    Map.entry("unusable", "Ikke et kompetansebevis."), Map.entry("passed", "bestått"), Map.entry("failed", "feilet"), Map.entry("skipped", "ikke kontrollert"),
                    Map.entry("check.PARSE", "Lesbart bevis"), Map.entry("check.CONTEXT", "Kjente JSON-LD-kontekster og termer"),
                    Map.entry("check.SCHEMA", "Open Badges 3.0-skjema"), Map.entry("check.KEY_RESOLUTION", "Utstederens offentlige nøkkel funnet"),
                    Map.entry("check.PROOF", "Signatur"), Map.entry("check.ISSUER", "Signert av utstederen det oppgir"),
                    Map.entry("check.VALIDITY_DATES", "Gyldighetsdatoer"), Map.entry("check.STATUS", "Ikke trukket tilbake eller suspendert"),
                    Map.entry("check.TRANSPARENCY", "Registrert i utstederens offentlige logg"),
                    Map.entry("unknown", "Det finnes ikke noe bevis med dette nummeret. Kontroller nummeret: bokstaver og tall, som CRD-7K3M-Q9XP-2F.")));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private VerificationPage() {}

    static String language(String query, String acceptLanguage) {
        return Pages.language(query, acceptLanguage);
    }

    static String render(ServerVerification.Verified verified, String issuerName, String lang) {
        Map<String, String> t = TEXT.get(lang);
        VerificationReport report = verified.report();
        var c = verified.credential();
        List<VerificationView.Line> lines = checks(report, lang);
        VerificationView view = new VerificationView(lang, report.verdict().json(), c.recipientName(),
                report.credential() == null ? "" : report.credential().path("name").asText(), issuerName,
                DATE.format(c.issuedAt()), c.expiresAt() == null ? null : DATE.format(c.expiresAt()), c.number(), lines);
        return Pages.render("verification/page.jte", Map.of("view", view, "t", t));
    }

    /** Each check of a report as a line in {@code lang}: outcome, title, reason. */
    public static List<VerificationView.Line> checks(VerificationReport report, String lang) {
        Map<String, String> t = TEXT.get(lang);
        List<VerificationView.Line> lines = new ArrayList<>();
        for (Check check : report.checks()) {
            lines.add(new VerificationView.Line(check.outcome().name().toLowerCase(Locale.ROOT),
                    t.getOrDefault("check." + check.name().name(), check.name().title()), check.reason()));
        }
        return lines;
    }

    /** A verdict (its JSON name: valid, revoked …) as a sentence in {@code lang}. */
    public static String verdict(String verdict, String lang) {
        return TEXT.get(lang).get(verdict);
    }

    /** The helpful page for a number that names no credential (served with 404). */
    public static String unknown(String typed, String lang) {
        return Pages.render("verification/unknown.jte", Map.of("lang", lang, "typed", shortened(typed), "t", TEXT.get(lang)));
    }

    /** A typed number as it may be echoed back: at most 40 characters. */
    public static String shortened(String typed) {
        return typed.length() <= 40 ? typed : typed.substring(0, 40) + "…";
    }
}
