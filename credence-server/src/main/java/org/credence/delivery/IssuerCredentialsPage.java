package org.credence.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.credence.achievement.Achievement;
import org.credence.http.Pages;
import org.credence.issuance.CredentialListing;
import org.credence.issuance.IssuedCredential;
import org.credence.user.Permission;
import org.credence.user.SignedIn;

/** {@code /app/credentials}: the issuer's list of credentials with each one's mail and claim, in English and Norwegian (bokmål). Public only for its template's row types. */
public final class IssuerCredentialsPage {
    /** The filters the page keeps across its links and forms, in this order. */
    static final List<String> FILTERS = List.of("q", "achievementId", "status", "cursor");
    static final List<String> STATES = List.of("active", "expired", "suspended", "revoked");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final Map<String, Map<String, String>> TEXT = Map.of(
            "en", Map.ofEntries(
                    Map.entry("title", "Credentials"), Map.entry("home", "Home"),
                    Map.entry("search", "Number, name or e-mail"), Map.entry("achievement", "Achievement"), Map.entry("state", "State"),
                    Map.entry("all", "All"), Map.entry("filter", "Show"), Map.entry("clear", "Clear"),
                    Map.entry("col.number", "Number"), Map.entry("col.recipient", "Recipient"), Map.entry("col.issued", "Issued"),
                    Map.entry("col.mail", "Latest mail"), Map.entry("col.claimed", "Claimed"),
                    Map.entry("verify", "verify"),
                    Map.entry("state.active", "Active"), Map.entry("state.expired", "Expired"), Map.entry("state.suspended", "Suspended"),
                    Map.entry("state.revoked", "Revoked"),
                    Map.entry("mail.none", "No mail sent"), Map.entry("mail.queued", "Queued"), Map.entry("mail.sent", "Sent"),
                    Map.entry("mail.failed", "Failed"), Map.entry("mail.bounced", "Bounced"),
                    Map.entry("mail.retrying", "Queued again after a failed attempt"), Map.entry("mail.attempts", "attempts"),
                    Map.entry("claimed.no", "Not yet"),
                    Map.entry("resend", "Resend"),
                    Map.entry("resend.why", "Sends a new claim link to the recipient; older links stop working."),
                    Map.entry("none", "No credentials match."), Map.entry("older", "Older →"), Map.entry("newest", "← Newest"),
                    Map.entry("notice.resent", "A new claim link for %s is queued. Older links no longer work."),
                    Map.entry("notice.revoked", "%s is revoked: there is nothing to claim, so no mail was sent."),
                    Map.entry("notice.bad_filter", "These filters cannot be used (%s); showing all credentials instead.")),
            "nb", Map.ofEntries(
                    Map.entry("title", "Kompetansebevis"), Map.entry("home", "Hjem"),
                    Map.entry("search", "Nummer, navn eller e-post"), Map.entry("achievement", "Kompetanse"), Map.entry("state", "Status"),
                    Map.entry("all", "Alle"), Map.entry("filter", "Vis"), Map.entry("clear", "Nullstill"),
                    Map.entry("col.number", "Nummer"), Map.entry("col.recipient", "Mottaker"), Map.entry("col.issued", "Utstedt"),
                    Map.entry("col.mail", "Siste e-post"), Map.entry("col.claimed", "Hentet"),
                    Map.entry("verify", "verifiser"),
                    Map.entry("state.active", "Gyldig"), Map.entry("state.expired", "Utløpt"), Map.entry("state.suspended", "Suspendert"),
                    Map.entry("state.revoked", "Tilbakekalt"),
                    Map.entry("mail.none", "Ingen e-post sendt"), Map.entry("mail.queued", "I kø"), Map.entry("mail.sent", "Sendt"),
                    Map.entry("mail.failed", "Feilet"), Map.entry("mail.bounced", "Avvist"),
                    Map.entry("mail.retrying", "I kø igjen etter et mislykket forsøk"), Map.entry("mail.attempts", "forsøk"),
                    Map.entry("claimed.no", "Ikke ennå"),
                    Map.entry("resend", "Send på nytt"),
                    Map.entry("resend.why", "Sender mottakeren en ny hentelenke; eldre lenker slutter å virke."),
                    Map.entry("none", "Ingen kompetansebevis passer."), Map.entry("older", "Eldre →"), Map.entry("newest", "← Nyeste"),
                    Map.entry("notice.resent", "En ny hentelenke for %s er lagt i kø. Eldre lenker virker ikke lenger."),
                    Map.entry("notice.revoked", "%s er tilbakekalt: det er ingenting å hente, så ingen e-post ble sendt."),
                    Map.entry("notice.bad_filter", "Disse filtrene kan ikke brukes (%s); viser alle kompetansebevis i stedet.")));

    /** One credential as a row (or, on a phone, a card). Times are already formatted; null where there is none. */
    public record Row(String number, String recipientName, String recipientEmail, String achievement, String issued, String state,
                      CredentialDelivery delivery, String deliveryAt, String claimedAt, boolean resendable) {}

    /** A choice in a filter's list. */
    public record Option(String value, String label, boolean selected) {}

    private IssuerCredentialsPage() {}

    static Map<String, String> text(String lang) {
        return TEXT.get(lang);
    }

    /**
     * The page. {@code filters} are the request's (blank ones left out), {@code notice} a sentence to show first (or empty).
     */
    static String render(String lang, SignedIn signedIn, Map<String, String> filters, List<Achievement> achievements,
                         CredentialListing.Page page, Map<UUID, CredentialDelivery> deliveries, String notice, Instant now) {
        Map<String, String> t = TEXT.get(lang);
        Map<Long, String> names = new LinkedHashMap<>();
        achievements.forEach(a -> names.put(a.id(), a.name()));
        boolean mayIssue = signedIn.may(Permission.ISSUE);
        List<Row> rows = page.items().stream().map(c -> row(c, names, deliveries.get(c.id()), mayIssue, now)).toList();
        String chosenAchievement = filters.getOrDefault("achievementId", "");
        List<Option> achievementOptions = achievements.stream()
                .map(a -> new Option(String.valueOf(a.id()), a.name(), String.valueOf(a.id()).equals(chosenAchievement))).toList();
        List<Option> stateOptions = STATES.stream()
                .map(s -> new Option(s, t.get("state." + s), s.equals(filters.get("status")))).toList();
        Map<String, String> kept = new LinkedHashMap<>(filters);
        kept.remove("cursor");
        Optional<String> older = page.next().map(cursor -> {
            Map<String, String> next = new LinkedHashMap<>(kept);
            next.put("cursor", cursor);
            return link(next, lang);
        });
        Optional<String> newest = filters.containsKey("cursor") ? Optional.of(link(kept, lang)) : Optional.empty();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", lang);
        model.put("t", t);
        model.put("signedIn", signedIn);
        model.put("search", filters.getOrDefault("q", ""));
        model.put("achievements", achievementOptions);
        model.put("states", stateOptions);
        model.put("rows", rows);
        model.put("hidden", filters);
        model.put("older", older.orElse(""));
        model.put("newest", newest.orElse(""));
        model.put("notice", notice);
        return Pages.render("app/credentials.jte", model);
    }

    /** The page's address with these filters (and the language, when not English). */
    static String link(Map<String, String> filters, String lang) {
        StringBuilder query = new StringBuilder();
        filters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        if (!lang.equals("en")) {
            query.append(query.isEmpty() ? "?" : "&").append("lang=").append(lang);
        }
        return "/app/credentials" + query;
    }

    private static Row row(IssuedCredential c, Map<Long, String> achievements, CredentialDelivery delivery, boolean mayIssue, Instant now) {
        String state = IssuedCredential.standing(c.state(), c.expiresAt(), now);
        CredentialDelivery shown = delivery == null ? new CredentialDelivery("none", null, 0, null, null) : delivery;
        return new Row(c.number(), c.recipientName(), c.recipientEmail(), achievements.getOrDefault(c.achievementId(), ""),
                DAY.format(c.issuedAt()), state, shown, shown.at() == null ? null : MINUTE.format(shown.at()),
                shown.claimedAt() == null ? null : MINUTE.format(shown.claimedAt()), mayIssue && !c.state().equals("revoked"));
    }
}
