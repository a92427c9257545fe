package org.credence.delivery;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of every mail, in English and Norwegian bokmål, with {placeholders} filled in one pass. */
final class MailText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.ofEntries(
                    Map.entry("credential_issued.subject", "{issuer} awarded you: {achievement}"),
                    Map.entry("credential_issued.body", "{issuer} has awarded you {achievement}. Your certificate number is {number}."),
                    Map.entry("credential_issued.action", "Claim your credential"),
                    Map.entry("credential_issued.after", "Claiming lets you choose who can see your credential. The link works once, for 30 days."),
                    Map.entry("claim_link.subject", "Your new link for {achievement}"),
                    Map.entry("claim_link.body", "Here is a new link to claim {achievement} from {issuer}. Older links no longer work."),
                    Map.entry("claim_link.action", "Claim your credential"),
                    Map.entry("claim_link.after", "The link works once, for 30 days."),
                    Map.entry("recipient_sign_in.subject", "Sign in to your credentials from {issuer}"),
                    Map.entry("recipient_sign_in.body", "Use this link to see your credentials from {issuer} and choose who can see them."),
                    Map.entry("recipient_sign_in.action", "Sign in"),
                    Map.entry("recipient_sign_in.after", "The link works once, for 15 minutes. If you did not ask for it, you can ignore this mail."),
                    Map.entry("hello", "Hello {name},"), Map.entry("hello.anonymous", "Hello,"),
                    Map.entry("page", "Your credential page"), Map.entry("pdf", "Your certificate (PDF)"),
                    Map.entry("me", "All your credentials from {issuer}"),
                    Map.entry("footer", "Sent by Credence on behalf of {issuer}.")),
            "nb", Map.ofEntries(
                    Map.entry("credential_issued.subject", "{issuer} har tildelt deg: {achievement}"),
                    Map.entry("credential_issued.body", "{issuer} har tildelt deg {achievement}. Sertifikatnummeret ditt er {number}."),
                    Map.entry("credential_issued.action", "Hent kompetansebeviset ditt"),
                    Map.entry("credential_issued.after", "Når du henter beviset, velger du hvem som kan se det. Lenken virker én gang, i 30 dager."),
                    Map.entry("claim_link.subject", "Din nye lenke for {achievement}"),
                    Map.entry("claim_link.body", "Her er en ny lenke for å hente {achievement} fra {issuer}. Eldre lenker virker ikke lenger."),
                    Map.entry("claim_link.action", "Hent kompetansebeviset ditt"),
                    Map.entry("claim_link.after", "Lenken virker én gang, i 30 dager."),
                    Map.entry("recipient_sign_in.subject", "Logg inn og se kompetansebevisene dine fra {issuer}"),
                    Map.entry("recipient_sign_in.body", "Bruk denne lenken for å se kompetansebevisene dine fra {issuer} og velge hvem som kan se dem."),
                    Map.entry("recipient_sign_in.action", "Logg inn"),
                    Map.entry("recipient_sign_in.after", "Lenken virker én gang, i 15 minutter. Har du ikke bedt om den, kan du se bort fra denne e-posten."),
                    Map.entry("hello", "Hei {name},"), Map.entry("hello.anonymous", "Hei,"),
                    Map.entry("page", "Siden for beviset ditt"), Map.entry("pdf", "Sertifikatet ditt (PDF)"),
                    Map.entry("me", "Alle kompetansebevisene dine fra {issuer}"),
                    Map.entry("footer", "Sendt av Credence på vegne av {issuer}.")));

    private MailText() {}

    /** The text for {@code key} with its placeholders replaced; values are inserted as they are, never re-read as placeholders. */
    static String of(String lang, String key, Map<String, String> values) {
        String template = TEXT.getOrDefault(lang, TEXT.get("en")).get(key);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }
}
