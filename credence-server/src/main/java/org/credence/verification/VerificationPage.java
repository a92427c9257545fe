package org.credence.verification;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.credence.http.Pages;
import org.credence.standards.verification.Check;
import org.credence.standards.verification.SignedFacts;
import org.credence.standards.verification.VerificationError;
import org.credence.standards.verification.VerificationReport;

/**
 * The public verification page in English or Norwegian (bokmål). Every value from a credential
 * is HTML-escaped; the page needs no JavaScript. The credential page reuses its verdicts, checks
 * and unknown-number page, so both pages say the same thing in the same words.
 */
public final class VerificationPage {
    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.ofEntries(
                    Map.entry("form.title", "Verify a credential"),
                    Map.entry("private_recipient", "Not shown: the recipient keeps this credential private. If they gave you the certificate PDF or the credential file, verify that file to see the name it was issued to:"),
                    Map.entry("form.number", "Certificate number, as printed on the certificate"), Map.entry("form.check", "Check the number"),
                    Map.entry("form.file", "Or the file itself: a certificate PDF, a badge image (PNG or SVG) or the credential (JSON or JWT)"),
                    Map.entry("form.upload", "Verify the file"), Map.entry("form.another", "Verify another credential"),
                    Map.entry("form.no_file", "Choose a file to verify first."),
                    Map.entry("form.no_attachment", "This PDF carries no credential to check. Only certificate PDFs with the signed credential attached (as Credence makes them) can be verified from the file: ask the holder for the certificate number or link."),
                    Map.entry("form.too_large", "The file is larger than 2 MB; certificates, badges and credentials are much smaller. Check that you chose the right file."),
                    Map.entry("file.title", "Verification of an uploaded credential"),
                    Map.entry("file.signed", "What the credential says, under the issuer's signature"),
                    Map.entry("file.no_name", "(not named in the credential: it identifies the recipient by a hashed e-mail address)"),
                    Map.entry("file.pdf", "Only the credential attached to the PDF is signed, not the text printed on the page. Check that the name, achievement and dates printed on the PDF are the ones above."),
                    Map.entry("file.page", "its verification page at the issuer"),
                    Map.entry("title", "Credential verification"), Map.entry("issuer", "Issued by"), Map.entry("recipient", "Awarded to"),
                    Map.entry("achievement", "Achievement"), Map.entry("issued", "Issued"), Map.entry("expires", "Expires"),
                    Map.entry("never", "Does not expire"), Map.entry("number", "Certificate number"), Map.entry("checks", "What was checked"),
                    Map.entry("valid", "Valid: this credential is authentic and in force."), Map.entry("revoked", "Revoked by the issuer."),
                    Map.entry("suspended", "Suspended by the issuer."), Map.entry("expired", "Expired."),
                    Map.entry("not_yet_valid", "Not yet valid."), Map.entry("invalid", "Not valid: this credential could not be verified."),
                    Map.entry("status_unavailable", "Not verified: we could not check whether it was revoked, because the issuer's status list could not be fetched. Try again later."),
                    Map.entry("unusable", "Not a credential."), Map.entry("passed", "passed"), Map.entry("failed", "failed"), Map.entry("skipped", "not checked"),
                    Map.entry("check.TRANSPARENCY", "Recorded in the issuer's public log"),
                    Map.entry("unknown", "There is no credential with this number. Check the number: letters and digits, like CRD-7K3M-Q9XP-2F.")),
            "nb", Map.ofEntries(
                    Map.entry("form.title", "Verifiser et kompetansebevis"),
                    Map.entry("private_recipient", "Vises ikke: mottakeren holder beviset privat. Har du fått sertifikatet (PDF) eller bevisfilen, verifiser filen for å se navnet det er utstedt til:"),
                    Map.entry("form.number", "Sertifikatnummer, slik det står på beviset"), Map.entry("form.check", "Kontroller nummeret"),
                    Map.entry("form.file", "Eller selve filen: en sertifikat-PDF, et merke (PNG eller SVG) eller beviset (JSON eller JWT)"),
                    Map.entry("form.upload", "Verifiser filen"), Map.entry("form.another", "Verifiser et annet bevis"),
                    Map.entry("form.no_file", "Velg først en fil som skal verifiseres."),
                    Map.entry("form.no_attachment", "Denne PDF-en har ikke noe bevis å kontrollere. Bare sertifikat-PDF-er med det signerte beviset vedlagt (slik Credence lager dem) kan verifiseres fra filen: be innehaveren om sertifikatnummeret eller lenken."),
                    Map.entry("form.too_large", "Filen er større enn 2 MB; sertifikater, merker og bevis er mye mindre. Kontroller at du valgte riktig fil."),
                    Map.entry("file.title", "Verifisering av et opplastet bevis"),
                    Map.entry("file.signed", "Hva beviset sier, under utstederens signatur"),
                    Map.entry("file.no_name", "(ikke navngitt i beviset: mottakeren identifiseres med en hashet e-postadresse)"),
                    Map.entry("file.pdf", "Bare beviset som er vedlagt PDF-en er signert, ikke teksten som står på siden. Kontroller at navnet, kompetansen og datoene på PDF-en er de samme som over."),
                    Map.entry("file.page", "verifiseringssiden hos utstederen"),
                    Map.entry("title", "Verifisering av kompetansebevis"), Map.entry("issuer", "Utstedt av"), Map.entry("recipient", "Tildelt"),
                    Map.entry("achievement", "Kompetanse"), Map.entry("issued", "Utstedt"), Map.entry("expires", "Utløper"),
                    Map.entry("never", "Utløper ikke"), Map.entry("number", "Sertifikatnummer"), Map.entry("checks", "Hva som ble kontrollert"),
                    Map.entry("valid", "Gyldig: beviset er ekte og gjelder."), Map.entry("revoked", "Trukket tilbake av utstederen."),
                    Map.entry("suspended", "Midlertidig suspendert av utstederen."), Map.entry("expired", "Utløpt."),
                    Map.entry("not_yet_valid", "Ikke gyldig ennå."), Map.entry("invalid", "Ikke gyldig: beviset kunne ikke verifiseres."),
                    Map.entry("status_unavailable", "Ikke bekreftet: vi kunne ikke kontrollere om beviset er trukket tilbake, fordi utstederens statusliste ikke kunne hentes. Prøv igjen senere."),
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
        // only what the issuer signed, read from the credential whose proof just passed: never a database column;
        // a credential whose proof fails shows no facts at all
        Optional<SignedFacts> facts = SignedFacts.of(report);
        String recipient = c.isPrivate() ? null : facts.map(f -> f.recipient() == null ? t.get("file.no_name") : f.recipient()).orElse("");
        VerificationView view = new VerificationView(lang, report.verdict().json(), recipient, facts.map(SignedFacts::achievement).orElse(""),
                facts.map(SignedFacts::issuer).orElse(issuerName), facts.map(SignedFacts::validFrom).map(DATE::format).orElse(""),
                facts.isEmpty() ? "" : facts.get().validUntil() == null ? null : DATE.format(facts.get().validUntil()), c.number(), lines);
        return Pages.render("verification/page.jte", Map.of("view", view, "t", t));
    }

    /**
     * The form to verify by number or by file; {@code error} names a {@code form.*} text to show
     * above it, or is null.
     */
    static String form(String lang, String error) {
        Map<String, String> t = TEXT.get(lang);
        return Pages.render("verification/form.jte", Map.of("lang", lang, "t", t, "error", error == null ? "" : t.get("form." + error)));
    }

    /**
     * The report on an uploaded file: its verdict, what the credential says under its signature
     * (only when the signature matched), a caution for a PDF, and every check.
     *
     * @param number the certificate number when this installation issued the credential
     */
    static String file(VerificationReport report, boolean pdf, Optional<String> number, String lang) {
        Map<String, String> t = TEXT.get(lang);
        Optional<SignedFacts> facts = SignedFacts.of(report);
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("t", t);
        model.put("verdict", report.verdict().json());
        model.put("verdictText", t.get(statusUnchecked(report) ? "status_unavailable" : report.verdict().json()));
        model.put("pdf", pdf && facts.isPresent());
        model.put("facts", facts.map(f -> new FileFacts(f.recipient() == null ? t.get("file.no_name") : f.recipient(), f.achievement(), f.issuer(),
                f.validFrom() == null ? "" : DATE.format(f.validFrom()), f.validUntil() == null ? t.get("never") : DATE.format(f.validUntil()))).orElse(null));
        model.put("number", number.orElse(""));
        model.put("checks", checks(report, lang));
        return Pages.render("verification/file.jte", model);
    }

    // the only thing wrong is a status list that could not be fetched: say so, not that the credential is forged
    private static boolean statusUnchecked(VerificationReport report) {
        return report.checks().stream().filter(Check::hasFailed).allMatch(c -> c.error() == VerificationError.STATUS_UNAVAILABLE)
                && report.firstFailure().isPresent();
    }

    /** Signed facts in words for the page; a missing name or expiry already explained. */
    public record FileFacts(String recipient, String achievement, String issuer, String issued, String expires) {}

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
