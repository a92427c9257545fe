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
import org.credence.i18n.Messages;
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
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private VerificationPage() {}

    /** @param renewedBy the number of the credential's renewal, when it was renewed (it is superseded, still valid) */
    static String render(ServerVerification.Verified verified, String issuerName, Optional<String> renewedBy, String lang) {
        Map<String, String> t = Messages.of("verification", lang).table();
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
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("t", t);
        renewedBy.ifPresent(number -> model.put("renewedBy", number));
        return Pages.render("verification/page.jte", model);
    }

    /**
     * The form to verify by number or by file; {@code error} names a {@code form.*} text to show
     * above it, or is null.
     */
    static String form(String lang, String error) {
        Map<String, String> t = Messages.of("verification", lang).table();
        return Pages.render("verification/form.jte", Map.of("lang", lang, "t", t, "error", error == null ? "" : t.get("form." + error)));
    }

    /**
     * The report on an uploaded file: its verdict, what the credential says under its signature
     * (only when the signature matched), a caution for a PDF, and every check.
     *
     * @param number the certificate number when this installation issued the credential
     */
    static String file(VerificationReport report, boolean pdf, Optional<String> number, String lang) {
        Map<String, String> t = Messages.of("verification", lang).table();
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
        Messages t = Messages.of("verification", lang);
        List<VerificationView.Line> lines = new ArrayList<>();
        for (Check check : report.checks()) {
            lines.add(new VerificationView.Line(check.outcome().name().toLowerCase(Locale.ROOT),
                    t.text("check." + check.name().name()), check.reason()));
        }
        return lines;
    }

    /** A verdict (its JSON name: valid, revoked …) as a sentence in {@code lang}. */
    public static String verdict(String verdict, String lang) {
        return Messages.of("verification", lang).table().get(verdict);
    }

    /** The helpful page for a number that names no credential (served with 404). */
    public static String unknown(String typed, String lang) {
        return Pages.render("verification/unknown.jte", Map.of("lang", lang, "typed", shortened(typed), "t", Messages.of("verification", lang).table()));
    }

    /** A typed number as it may be echoed back: at most 40 characters. */
    public static String shortened(String typed) {
        return typed.length() <= 40 ? typed : typed.substring(0, 40) + "…";
    }
}
