package org.credence.credential;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
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
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private CredentialPage() {}

    static String render(CredentialPages.Shown shown, ServerVerification.Verified verified, URI publicUrl, String lang) {
        Map<String, String> t = Messages.of("credential", lang).table();
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
        return Pages.render("credential/private.jte", Map.of("lang", lang, "t", Messages.of("credential", lang).table()));
    }

    private static String date(Instant instant) {
        return DATE.format(instant);
    }
}
