package org.credence.verification;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.credence.standards.verification.Check;
import org.credence.standards.verification.VerificationReport;

/**
 * The public verification page in English or Norwegian (bokmål). Every value from a credential
 * is HTML-escaped; the page needs no JavaScript.
 */
final class VerificationPage {
    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.ofEntries(
                    Map.entry("title", "Credential verification"), Map.entry("issuer", "Issued by"), Map.entry("recipient", "Awarded to"),
                    Map.entry("achievement", "Achievement"), Map.entry("issued", "Issued"), Map.entry("expires", "Expires"),
                    Map.entry("never", "Does not expire"), Map.entry("number", "Certificate number"), Map.entry("checks", "What was checked"),
                    Map.entry("valid", "Valid: this credential is authentic and in force."), Map.entry("revoked", "Revoked by the issuer."),
                    Map.entry("suspended", "Suspended by the issuer."), Map.entry("expired", "Expired."),
                    Map.entry("not_yet_valid", "Not yet valid."), Map.entry("invalid", "Not valid: this credential could not be verified."),
                    Map.entry("unusable", "Not a credential."), Map.entry("passed", "passed"), Map.entry("failed", "failed"), Map.entry("skipped", "not checked"),
                    Map.entry("unknown", "There is no credential with this number. Check the number: letters and digits, like CRD-7K3M-Q9XP-2F.")),
            "nb", Map.ofEntries(
                    Map.entry("title", "Verifisering av kompetansebevis"), Map.entry("issuer", "Utstedt av"), Map.entry("recipient", "Tildelt"),
                    Map.entry("achievement", "Kompetanse"), Map.entry("issued", "Utstedt"), Map.entry("expires", "Utløper"),
                    Map.entry("never", "Utløper ikke"), Map.entry("number", "Sertifikatnummer"), Map.entry("checks", "Hva som ble kontrollert"),
                    Map.entry("valid", "Gyldig: beviset er ekte og gjelder."), Map.entry("revoked", "Trukket tilbake av utstederen."),
                    Map.entry("suspended", "Midlertidig suspendert av utstederen."), Map.entry("expired", "Utløpt."),
                    Map.entry("not_yet_valid", "Ikke gyldig ennå."), Map.entry("invalid", "Ikke gyldig: beviset kunne ikke verifiseres."),
                    Map.entry("unusable", "Ikke et kompetansebevis."), Map.entry("passed", "bestått"), Map.entry("failed", "feilet"), Map.entry("skipped", "ikke kontrollert"),
                    Map.entry("unknown", "Det finnes ikke noe bevis med dette nummeret. Kontroller nummeret: bokstaver og tall, som CRD-7K3M-Q9XP-2F.")));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private VerificationPage() {}

    /** {@code ?lang=} wins, then Accept-Language; English otherwise. */
    static String language(String query, String acceptLanguage) {
        String wanted = query != null ? query : acceptLanguage == null ? "" : acceptLanguage;
        String lower = wanted.toLowerCase(Locale.ROOT);
        return lower.startsWith("nb") || lower.startsWith("no") || lower.startsWith("nn") ? "nb" : "en";
    }

    static String render(ServerVerification.Verified verified, String issuerName, String lang) {
        Map<String, String> t = TEXT.get(lang);
        VerificationReport report = verified.report();
        var c = verified.credential();
        StringBuilder html = head(t.get("title"), lang);
        html.append("<main><h1>").append(t.get("title")).append("</h1>");
        html.append("<p class=\"verdict ").append(report.verdict().json()).append("\">").append(t.get(report.verdict().json())).append("</p>");
        html.append("<dl>");
        row(html, t.get("recipient"), c.recipientName());
        row(html, t.get("achievement"), report.credential() == null ? "" : report.credential().path("name").asText());
        row(html, t.get("issuer"), issuerName);
        row(html, t.get("issued"), DATE.format(c.issuedAt()));
        row(html, t.get("expires"), c.expiresAt() == null ? t.get("never") : DATE.format(c.expiresAt()));
        row(html, t.get("number"), c.number());
        html.append("</dl><h2>").append(t.get("checks")).append("</h2><ul class=\"checks\">");
        for (Check check : report.checks()) {
            html.append("<li class=\"").append(check.outcome().name().toLowerCase(Locale.ROOT)).append("\"><strong>")
                    .append(escape(check.name().title())).append("</strong> — ").append(t.get(check.outcome().name().toLowerCase(Locale.ROOT)))
                    .append(": ").append(escape(check.reason())).append("</li>");
        }
        return html.append("</ul></main></body></html>").toString();
    }

    static String unknown(String typed, String lang) {
        Map<String, String> t = TEXT.get(lang);
        return head(t.get("title"), lang).append("<main><h1>").append(t.get("title")).append("</h1><p class=\"verdict unknown\">")
                .append(t.get("unknown")).append("</p><p><code>").append(escape(typed)).append("</code></p></main></body></html>").toString();
    }

    private static StringBuilder head(String title, String lang) {
        return new StringBuilder(4096).append("<!doctype html><html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(title).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}")
                .append(".verdict{font-size:1.3rem;font-weight:600;padding:.8rem 1rem;border-radius:.5rem;background:#fdecea}")
                .append(".verdict.valid{background:#e6f4ea}dt{font-weight:600;margin-top:.6rem}dd{margin:0}")
                .append(".checks li.failed{color:#a50e0e}.checks li.skipped{color:#5f6368}</style></head><body>");
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<dt>").append(label).append("</dt><dd>").append(escape(value)).append("</dd>");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
