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
import org.credence.i18n.Messages;
import org.credence.issuance.CredentialListing;
import org.credence.issuance.IssuedCredential;
import org.credence.user.Permission;
import org.credence.user.SignedIn;

/** {@code /app/credentials}: the issuer's list of credentials with each one's mail and claim, in English and Norwegian (bokmål). Public only for its template's row types. */
public final class IssuerCredentialsPage {
    /** The filters the page keeps across its links and forms, in this order. */
    static final List<String> FILTERS = List.of("q", "achievementId", "status", "expiring", "mail", "cursor");
    static final List<String> STATES = List.of("active", "expired", "suspended", "revoked", "superseded");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** One credential as a row (or, on a phone, a card). Times are already formatted; null where there is none. */
    public record Row(String number, String recipientName, String recipientEmail, String achievement, String issued, String state,
                      CredentialDelivery delivery, String deliveryAt, String claimedAt, boolean resendable) {}

    /** A choice in a filter's list. */
    public record Option(String value, String label, boolean selected) {}

    private IssuerCredentialsPage() {}

    static Map<String, String> text(String lang) {
        return Messages.of("credentials", lang).table();
    }

    /**
     * The page. {@code filters} are the request's (blank ones left out), {@code typed} what the search box shows (a search too
     * short to run is not among the filters), {@code notice} a sentence to show first (or empty).
     */
    static String render(String lang, SignedIn signedIn, Map<String, String> filters, String typed, List<Achievement> achievements,
                         CredentialListing.Page page, Map<UUID, CredentialDelivery> deliveries, String notice, Instant now) {
        Map<String, String> t = Messages.of("credentials", lang).table();
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
        model.put("search", typed);
        model.put("expiring", filters.getOrDefault("expiring", ""));
        model.put("mailFailed", "failed".equals(filters.get("mail")));
        model.put("achievements", achievementOptions);
        model.put("states", stateOptions);
        model.put("rows", rows);
        model.put("hidden", filters);
        model.put("older", older.orElse(""));
        model.put("newest", newest.orElse(""));
        model.put("notice", notice);
        model.put("bar", org.credence.app.AppBar.of(lang, signedIn, "/app/credentials"));
        // the same filters as the page, the whole set (no cursor): the API's export, streamed (CredentialDetailRoutes)
        model.put("csv", link(kept, "en").replaceFirst("^/app/credentials", "/app/credentials.csv"));
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
