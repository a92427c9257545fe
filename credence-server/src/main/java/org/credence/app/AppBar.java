package org.credence.app;

import java.util.List;
import org.credence.i18n.Messages;
import org.credence.user.Permission;
import org.credence.user.SignedIn;

/**
 * The bar at the top of every staff page in {@code /app}: one link per area the signed-in user
 * may open (labels in the {@code appbar} bundle, keys {@code bar.*}), the page shown marked
 * current. A page puts {@code AppBar.of(lang, signedIn, path)} in its model and includes
 * {@code @template.app.bar(bar = bar)} first in its content.
 *
 * @param label the bar's accessible name
 * @param links the areas this user may open, in a fixed order
 * @param user who is signed in, as shown beside the sign-out button
 * @param csrf the sign-out form's token field
 * @param signOut the sign-out button's text
 * @param skip the "skip to content" link's text, first on the page for keyboard users
 * @param switchLanguage the link to this area in the other language (its choice is remembered: {@code Pages.language})
 */
public record AppBar(String label, List<Link> links, String user, gg.jte.Content csrf, String signOut, String skip, Switch switchLanguage) {
    /** One area of the app: its path, label key and the permission needed to see it (null: anyone signed in). */
    public record Area(String path, String key, Permission permission) {}

    /** One link of the bar; {@code current} when the page shown is in this area. */
    public record Link(String href, String label, boolean current) {}

    /** The language switch: the other language's name in that language, and its code for the link's {@code lang}. */
    public record Switch(String href, String label, String lang) {}

    /** Every area, in the order a program owner works: set up, issue, manage, measure, configure. */
    public static final List<Area> AREAS = List.of(
            new Area("/app", "bar.home", null),
            new Area("/app/achievements", "bar.achievements", Permission.READ),
            new Area("/app/designs", "bar.designs", Permission.MANAGE_PROGRAM),
            new Area("/app/issue", "bar.issue", Permission.ISSUE),
            new Area("/app/issuance-jobs", "bar.issuance_jobs", Permission.ISSUE),
            new Area("/app/credentials", "bar.credentials", Permission.READ),
            new Area("/app/analytics", "bar.analytics", Permission.VIEW_ANALYTICS),
            new Area("/app/reports/board", "bar.board", Permission.VIEW_ANALYTICS),
            new Area("/app/imports", "bar.imports", Permission.VIEW_ANALYTICS),
            new Area("/app/surveys", "bar.surveys", Permission.VIEW_ANALYTICS),
            new Area("/app/assumptions", "bar.assumptions", Permission.VIEW_ANALYTICS),
            new Area("/app/costs", "bar.costs", Permission.MANAGE_COSTS),
            new Area("/app/audit", "bar.audit", Permission.VIEW_AUDIT),
            new Area("/app/users", "bar.users", Permission.MANAGE_USERS),
            new Area("/app/api-keys", "bar.api_keys", Permission.MANAGE_SETTINGS),
            new Area("/app/branding", "bar.branding", Permission.MANAGE_SETTINGS),
            new Area("/app/webhooks", "bar.webhooks", Permission.MANAGE_SETTINGS),
            new Area("/app/integrations", "bar.integrations", Permission.MANAGE_SETTINGS));

    public AppBar {
        links = List.copyOf(links);
    }

    /** The bar for {@code signedIn} on a page at {@code currentPath}, in {@code lang}; links keep the language. */
    public static AppBar of(String lang, SignedIn signedIn, String currentPath) {
        Messages t = Messages.of("appbar", lang);
        String suffix = "nb".equals(lang) ? "?lang=nb" : "";
        List<Link> links = AREAS.stream()
                .filter(area -> area.permission() == null || signedIn.may(area.permission()))
                .map(area -> new Link(area.path() + suffix, t.text(area.key()), isIn(currentPath, area.path())))
                .toList();
        String other = "nb".equals(lang) ? "en" : "nb";
        Switch switchLanguage = new Switch(currentPath + "?lang=" + other, t.text("bar.other_language"), other);
        return new AppBar(t.text("bar.label"), links, signedIn.user().name(), signedIn.csrfField(), t.text("bar.sign_out"), t.text("bar.skip"),
                switchLanguage);
    }

    // "/app" is current only on itself; every other area also owns the pages below it
    private static boolean isIn(String currentPath, String areaPath) {
        return areaPath.equals("/app") ? currentPath.equals("/app") : currentPath.equals(areaPath) || currentPath.startsWith(areaPath + "/");
    }
}
