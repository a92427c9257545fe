package org.credence.credential;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.credence.http.Pages;
import org.credence.insights.Channel;
import org.credence.issuance.IssuedCredential;
import org.credence.standards.model.AchievementCredential;
import org.credence.standards.model.Achievement;
import org.credence.standards.verification.VerificationReport;
import org.credence.verification.ServerVerification;
import org.credence.verification.VerificationPage;

/**
 * The public credential page in English or Norwegian (bokmål). What it says about the
 * achievement and the issuer is read from the signed credential, so the page shows what a
 * verifier checks. It works without JavaScript; a small inline script only adds a copy button.
 */
final class CredentialPage {
    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.ofEntries(
                    Map.entry("recipient", "Awarded to"), Map.entry("issuer", "Issued by"), Map.entry("issued", "Issued"),
                    Map.entry("expires", "Expires"), Map.entry("never", "Does not expire"), Map.entry("number", "Certificate number"),
                    Map.entry("about", "About this credential"), Map.entry("criteria", "Criteria"), Map.entry("skills", "Skills"),
                    Map.entry("tags", "Tags"), Map.entry("checks", "What was checked"), Map.entry("report", "Full verification report"),
                    Map.entry("share", "Share"), Map.entry("link", "Link to this credential"), Map.entry("copy", "Copy link"),
                    Map.entry("copied", "Copied"), Map.entry("download", "Download"), Map.entry("pdf", "Certificate (PDF)"),
                    Map.entry("png", "Badge (PNG)"), Map.entry("svg", "Badge (SVG)"), Map.entry("json", "Credential for a wallet (JSON)"),
                    Map.entry("jwt", "Credential for wallets that read JWT"),
                    Map.entry("preview", "The certificate"), Map.entry("not_shareable", "A credential that is not in force cannot be shared or downloaded here."),
                    Map.entry("expired", "Expired"), Map.entry("stamp.revoked", "Revoked"), Map.entry("stamp.suspended", "Suspended"),
                    Map.entry("stamp.expired", "Expired"), Map.entry("stamp.not_yet_valid", "Not yet valid"), Map.entry("stamp.invalid", "Not valid"),
                    Map.entry("private.title", "This credential is private"),
                    Map.entry("private.text", "Its holder has chosen not to show it publicly. If you need to check it, ask them to make it public, or to send you the certificate (PDF): upload it at /verify to check the file and see who it was issued to."),
                    Map.entry("language", "Norsk"),
                    Map.entry("linkedin_profile", "Add to LinkedIn profile"), Map.entry("linkedin_post", "Post on LinkedIn"),
                    Map.entry("x", "Post on X"), Map.entry("facebook", "Share on Facebook"), Map.entry("email", "Send by e-mail")),
            "nb", Map.ofEntries(
                    Map.entry("recipient", "Tildelt"), Map.entry("issuer", "Utstedt av"), Map.entry("issued", "Utstedt"),
                    Map.entry("expires", "Utløper"), Map.entry("never", "Utløper ikke"), Map.entry("number", "Sertifikatnummer"),
                    Map.entry("about", "Om kompetansebeviset"), Map.entry("criteria", "Kriterier"), Map.entry("skills", "Ferdigheter"),
                    Map.entry("tags", "Stikkord"), Map.entry("checks", "Hva som ble kontrollert"), Map.entry("report", "Full verifiseringsrapport"),
                    Map.entry("share", "Del"), Map.entry("link", "Lenke til kompetansebeviset"), Map.entry("copy", "Kopier lenke"),
                    Map.entry("copied", "Kopiert"), Map.entry("download", "Last ned"), Map.entry("pdf", "Sertifikat (PDF)"),
                    Map.entry("png", "Merke (PNG)"), Map.entry("svg", "Merke (SVG)"), Map.entry("json", "Kompetansebevis for lommebok (JSON)"),
                    Map.entry("jwt", "Kompetansebevis for lommebøker som leser JWT"),
                    Map.entry("preview", "Sertifikatet"), Map.entry("not_shareable", "Et kompetansebevis som ikke gjelder, kan ikke deles eller lastes ned her."),
                    Map.entry("expired", "Utløpt"), Map.entry("stamp.revoked", "Trukket tilbake"), Map.entry("stamp.suspended", "Suspendert"),
                    Map.entry("stamp.expired", "Utløpt"), Map.entry("stamp.not_yet_valid", "Ikke gyldig ennå"), Map.entry("stamp.invalid", "Ikke gyldig"),
                    Map.entry("private.title", "Dette kompetansebeviset er privat"),
                    Map.entry("private.text", "Innehaveren har valgt å ikke vise det offentlig. Trenger du å kontrollere det, be innehaveren gjøre det offentlig eller sende deg sertifikatet (PDF): last det opp på /verify for å kontrollere filen og se hvem det er utstedt til."),
                    Map.entry("language", "English"),
                    Map.entry("linkedin_profile", "Legg til i LinkedIn-profilen"), Map.entry("linkedin_post", "Del på LinkedIn"),
                    Map.entry("x", "Del på X"), Map.entry("facebook", "Del på Facebook"), Map.entry("email", "Send på e-post")));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private CredentialPage() {}

    static String render(CredentialPages.Shown shown, ServerVerification.Verified verified, URI publicUrl, String lang) {
        Map<String, String> t = TEXT.get(lang);
        IssuedCredential c = shown.credential();
        AchievementCredential document = AchievementCredential.fromJson(c.document());
        Achievement achievement = document.credentialSubject().achievement();
        VerificationReport report = verified.report();
        String verdict = report.verdict().json();
        boolean shareable = shareable(c);
        ShareLinks links = ShareLinks.of(CredentialPages.shareable(shown, publicUrl), lang);
        List<CredentialPageView.Share> shares = new ArrayList<>();
        if (shareable) {
            for (Channel channel : Channel.values()) {
                if (channel != Channel.COPY_LINK) {
                    // through the counting redirect, which sends the click on to links.link(channel): no script needed to count it
                    shares.add(new CredentialPageView.Share(channel.id(), t.get(channel.id()),
                            "/s/" + c.number() + "/" + channel.id() + (lang.equals("en") ? "" : "?lang=" + lang)));
                }
            }
        }
        List<CredentialPageView.Skill> skills = achievement.alignment().stream()
                .map(a -> new CredentialPageView.Skill(a.targetName(), a.targetUrl(), a.targetFramework())).toList();
        var view = new CredentialPageView(lang, c.number(), c.recipientName(), achievement.name(), achievement.description(),
                achievement.criteria() == null ? null : achievement.criteria().narrative(),
                achievement.criteria() == null ? null : achievement.criteria().id(), skills, achievement.tag(),
                document.issuer().name(), document.issuer().url(), date(c.issuedAt()), c.expiresAt() == null ? null : date(c.expiresAt()),
                verdict, VerificationPage.verdict(verdict, lang), VerificationPage.checks(report, lang),
                shares, shareable ? links.link(Channel.COPY_LINK).toString() : null, links.page().toString(),
                shareable ? links.page() + "/share.png" : null, lang.equals("nb") ? "en" : "nb",
                !shareable, verdict.equals("valid") ? null : t.get("stamp." + verdict));
        return Pages.render("credential/page.jte", Map.of("view", view, "t", t));
    }

    /** A credential that is revoked or suspended is shown as such, but no longer promoted. */
    static boolean shareable(IssuedCredential c) {
        return !c.withdrawn();
    }

    static String hidden(String lang) {
        return Pages.render("credential/private.jte", Map.of("lang", lang, "t", TEXT.get(lang)));
    }

    private static String date(Instant instant) {
        return DATE.format(instant);
    }
}
