package org.credence.delivery;

import java.util.Map;

/** The words of the claim, sign-in and dashboard pages in English and Norwegian bokmål. */
final class PageText {
    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.ofEntries(
                    Map.entry("claim.title", "Claim your credential"),
                    Map.entry("claim.awarded", "awarded by"), Map.entry("claim.to", "to"), Map.entry("number", "Certificate number"),
                    Map.entry("claim.visibility", "Who can see your credential page?"),
                    Map.entry("public", "Anyone with the link (you can share it)"), Map.entry("private", "Only you; verification still works"),
                    Map.entry("claim.tracking", "Allow detailed tracking"),
                    Map.entry("claim.tracking.why", "If you allow it, the issuer sees views, shares and verifications of your credential linked to you; otherwise they are only counted anonymously."),
                    Map.entry("claim.submit", "Claim"),
                    Map.entry("unusable.title", "This link no longer works"),
                    Map.entry("unusable.unknown", "We do not know this link. It may have been copied incompletely."),
                    Map.entry("unusable.used", "This link has been used already, or a newer link was sent since. Each link works once."),
                    Map.entry("unusable.expired", "This link has expired. Links work for 30 days."),
                    Map.entry("unusable.new", "Enter your certificate number and we will send a new link to the address the issuer has for you."),
                    Map.entry("unusable.submit", "Send me a new link"),
                    Map.entry("newlink.title", "Check your mail"),
                    Map.entry("newlink.sent", "If the number is right, a new link is on its way to the address the issuer has on record. Only one link is sent every 10 minutes."),
                    Map.entry("me.title", "Your credentials"),
                    Map.entry("me.intro", "Sign in with the e-mail address your credentials were sent to. We will mail you a link."),
                    Map.entry("me.tenant", "Organisation (the short name in its links, e.g. acme)"), Map.entry("me.email", "E-mail address"),
                    Map.entry("me.submit", "Send me a sign-in link"),
                    Map.entry("me.sent", "If we know this address, a link is on its way. It works once, for 15 minutes."),
                    Map.entry("me.confirm", "Sign in to your credentials"), Map.entry("me.confirm.button", "Sign in"),
                    Map.entry("me.expired", "This sign-in link has expired or was used already. Ask for a new one."),
                    Map.entry("me.signedin", "Signed in as"), Map.entry("me.at", "at"), Map.entry("me.logout", "Sign out"),
                    Map.entry("me.none", "There are no credentials for this address here."),
                    Map.entry("me.csrf", "This form has expired. Go back to your credentials and try again."),
                    Map.entry("crosssite.title", "This form was not accepted"),
                    Map.entry("crosssite.text", "It was sent from another website's page. Open this site yourself and use the form here."),
                    Map.entry("col.name", "Credential"), Map.entry("col.status", "Status"), Map.entry("col.expires", "Expires"),
                    Map.entry("col.views", "Views"), Map.entry("col.shares", "Shares"), Map.entry("col.verifications", "Verifications"),
                    Map.entry("col.links", "Downloads"), Map.entry("col.privacy", "Privacy"),
                    Map.entry("status.valid", "Valid"), Map.entry("status.revoked", "Revoked"), Map.entry("status.suspended", "Suspended"),
                    Map.entry("status.expired", "Expired"), Map.entry("never", "Never"),
                    Map.entry("link.page", "Page"), Map.entry("link.pdf", "PDF"), Map.entry("link.badge", "Badge"), Map.entry("link.json", "Credential (JSON)"),
                    Map.entry("tracking.short", "Detailed tracking"), Map.entry("save", "Save"), Map.entry("back", "Back")),
            "nb", Map.ofEntries(
                    Map.entry("claim.title", "Hent kompetansebeviset ditt"),
                    Map.entry("claim.awarded", "tildelt av"), Map.entry("claim.to", "til"), Map.entry("number", "Sertifikatnummer"),
                    Map.entry("claim.visibility", "Hvem kan se siden for beviset ditt?"),
                    Map.entry("public", "Alle som har lenken (du kan dele den)"), Map.entry("private", "Bare du; verifisering virker likevel"),
                    Map.entry("claim.tracking", "Tillat detaljert sporing"),
                    Map.entry("claim.tracking.why", "Tillater du det, ser utstederen visninger, delinger og verifiseringer av beviset knyttet til deg; ellers telles de bare anonymt."),
                    Map.entry("claim.submit", "Hent"),
                    Map.entry("unusable.title", "Denne lenken virker ikke lenger"),
                    Map.entry("unusable.unknown", "Vi kjenner ikke denne lenken. Den kan være kopiert ufullstendig."),
                    Map.entry("unusable.used", "Denne lenken er brukt allerede, eller en nyere lenke er sendt siden. Hver lenke virker én gang."),
                    Map.entry("unusable.expired", "Denne lenken er utløpt. Lenker virker i 30 dager."),
                    Map.entry("unusable.new", "Skriv inn sertifikatnummeret ditt, så sender vi en ny lenke til adressen utstederen har for deg."),
                    Map.entry("unusable.submit", "Send meg en ny lenke"),
                    Map.entry("newlink.title", "Sjekk e-posten din"),
                    Map.entry("newlink.sent", "Hvis nummeret stemmer, er en ny lenke på vei til adressen utstederen har registrert. Det sendes bare én lenke hvert tiende minutt."),
                    Map.entry("me.title", "Kompetansebevisene dine"),
                    Map.entry("me.intro", "Logg inn med e-postadressen bevisene dine ble sendt til. Vi sender deg en lenke."),
                    Map.entry("me.tenant", "Organisasjon (kortnavnet i lenkene, f.eks. acme)"), Map.entry("me.email", "E-postadresse"),
                    Map.entry("me.submit", "Send meg en innloggingslenke"),
                    Map.entry("me.sent", "Hvis vi kjenner denne adressen, er en lenke på vei. Den virker én gang, i 15 minutter."),
                    Map.entry("me.confirm", "Logg inn og se kompetansebevisene dine"), Map.entry("me.confirm.button", "Logg inn"),
                    Map.entry("me.expired", "Denne innloggingslenken er utløpt eller brukt allerede. Be om en ny."),
                    Map.entry("me.signedin", "Logget inn som"), Map.entry("me.at", "hos"), Map.entry("me.logout", "Logg ut"),
                    Map.entry("me.none", "Det finnes ingen kompetansebevis for denne adressen her."),
                    Map.entry("me.csrf", "Skjemaet er utløpt. Gå tilbake til bevisene dine og prøv igjen."),
                    Map.entry("crosssite.title", "Skjemaet ble ikke godtatt"),
                    Map.entry("crosssite.text", "Det ble sendt fra en side på et annet nettsted. Åpne dette nettstedet selv og bruk skjemaet her."),
                    Map.entry("col.name", "Kompetansebevis"), Map.entry("col.status", "Status"), Map.entry("col.expires", "Utløper"),
                    Map.entry("col.views", "Visninger"), Map.entry("col.shares", "Delinger"), Map.entry("col.verifications", "Verifiseringer"),
                    Map.entry("col.links", "Nedlastinger"), Map.entry("col.privacy", "Personvern"),
                    Map.entry("status.valid", "Gyldig"), Map.entry("status.revoked", "Trukket tilbake"), Map.entry("status.suspended", "Suspendert"),
                    Map.entry("status.expired", "Utløpt"), Map.entry("never", "Aldri"),
                    Map.entry("link.page", "Side"), Map.entry("link.pdf", "PDF"), Map.entry("link.badge", "Merke"), Map.entry("link.json", "Bevis (JSON)"),
                    Map.entry("tracking.short", "Detaljert sporing"), Map.entry("save", "Lagre"), Map.entry("back", "Tilbake")));

    private PageText() {}

    static Map<String, String> of(String lang) {
        return TEXT.getOrDefault(lang, TEXT.get("en"));
    }
}
