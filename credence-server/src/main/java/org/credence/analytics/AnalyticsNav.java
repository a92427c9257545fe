package org.credence.analytics;

import java.util.List;
import java.util.Map;

/**
 * The bar of analytics pages at the top of each of them, in English or Norwegian (labels in the
 * {@code dashboard} bundle, keys {@code nav.*}). A page puts {@code AnalyticsNav.of(lang, path)}
 * in its model and includes {@code @template.analytics.nav(nav = nav)} in its template.
 *
 * @param label the bar's accessible name
 * @param links every analytics page, the one shown marked current
 * @param bar the app's bar shown above it (null on pages that draw the app bar themselves)
 */
public record AnalyticsNav(String label, List<Link> links, org.credence.app.AppBar bar) {
    /** The engagement dashboard's own path. */
    public static final String OVERVIEW = "/app/analytics";

    // path, label key: in the order of the ROI layers, the board report last
    private static final List<Map.Entry<String, String>> PAGES = List.of(
            Map.entry(OVERVIEW, "nav.overview"),
            Map.entry("/app/analytics/operations", "nav.operations"),
            Map.entry("/app/analytics/outcomes", "nav.outcomes"),
            Map.entry("/app/analytics/roi", "nav.roi"),
            Map.entry("/app/imports", "nav.imports"),
            Map.entry("/app/surveys", "nav.surveys"),
            Map.entry("/app/analytics/pathways", "nav.pathways"),
            Map.entry("/app/reports/board", "nav.board"));

    /** One page of the bar; {@code current} when it is the page shown. */
    public record Link(String href, String label, boolean current) {}

    public AnalyticsNav {
        links = List.copyOf(links);
    }

    /** The bar for a page at {@code currentPath} in {@code lang} ("en" or "nb"); links keep the language. */
    public static AnalyticsNav of(String lang, String currentPath) {
        Map<String, String> t = DashboardText.of(lang);
        String suffix = "nb".equals(lang) ? "?lang=nb" : "";
        return new AnalyticsNav(t.get("nav.label"), PAGES.stream()
                .map(p -> new Link(p.getKey() + suffix, t.get(p.getValue()), p.getKey().equals(currentPath))).toList(), null);
    }

    /** The bar with the app's bar for {@code signedIn} above it, for analytics pages that draw no app bar of their own. */
    public static AnalyticsNav of(String lang, org.credence.user.SignedIn signedIn, String currentPath) {
        AnalyticsNav nav = of(lang, currentPath);
        return new AnalyticsNav(nav.label(), nav.links(), org.credence.app.AppBar.of(lang, signedIn, currentPath));
    }
}
