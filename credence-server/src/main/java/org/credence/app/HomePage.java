package org.credence.app;

import io.javalin.config.JavalinConfig;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.user.Permission;
import org.credence.user.SignedIn;
import org.credence.user.Sessions;

/**
 * The signed-in home, {@code /app}: this week's numbers beside last week's, what needs attention (each linking to
 * where it is fixed), quick actions for the user's role, a first-steps panel for a tenant with nothing yet, and the
 * user's account. The figures come from {@link HomeFigures}; this class only renders them.
 */
public final class HomePage {
    /** One of the week's numbers, formatted for people, with last week's beside it. */
    public record Figure(String id, String label, String value, String lastWeek) {}

    /** Something that needs attention: how many, what, and the link to where it is fixed. */
    public record Item(String id, String count, String text, String href, String fix) {}

    /** A link-button. */
    public record Action(String id, String label, String href) {}

    /** A first step of a new tenant: a link when the user may take it, else who can. */
    public record Step(String id, String title, String text, String href) {}

    private HomePage() {}

    public static void register(JavalinConfig config, HomeFigures figures, Sessions sessions) {
        config.routes.get("/app", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ);
            String lang = Pages.language(ctx);
            ctx.html(render(lang, signedIn, figures.of(signedIn.user().tenantId())));
        });
    }

    static String render(String lang, SignedIn signedIn, HomeFigures.Home home) {
        Messages t = Messages.of("apphome", lang);
        Locale locale = "nb".equals(lang) ? Locale.forLanguageTag("nb-NO") : Locale.UK;
        NumberFormat number = NumberFormat.getIntegerInstance(locale);
        String suffix = "nb".equals(lang) ? "?lang=nb" : "";
        String and = suffix.isEmpty() ? "?" : "&";
        HomeFigures.Week now = home.thisWeek();
        HomeFigures.Week last = home.lastWeek();
        List<Figure> week = List.of(
                figure("issued", t, number, now.issued(), last.issued()),
                figure("claimed", t, number, now.claimed(), last.claimed()),
                figure("shared", t, number, now.shared(), last.shared()),
                figure("verified", t, number, now.verified(), last.verified()));
        HomeFigures.Attention a = home.attention();
        List<Item> attention = new ArrayList<>();
        // each item only for those who can act on it, linking to the page where it is fixed
        if (signedIn.may(Permission.READ)) {
            item(attention, "failed_mails", a.failedMails(), t, number, "/app/credentials" + suffix + and + "mail=failed");
            item(attention, "expiring", a.expiringSoon(), t, number, "/app/credentials" + suffix + and + "expiring=" + HomeFigures.EXPIRING_DAYS);
        }
        if (signedIn.may(Permission.ISSUE)) {
            item(attention, "failed_jobs", a.failedJobs(), t, number, "/app/issuance-jobs" + suffix);
        }
        if (signedIn.may(Permission.VIEW_ANALYTICS)) {
            item(attention, "unmatched_rows", a.unmatchedRows(), t, number, "/app/imports" + suffix);
        }
        if (signedIn.may(Permission.MANAGE_SETTINGS)) {
            item(attention, "unmapped_courses", a.unmappedCourses(), t, number, "/app/integrations" + suffix);
        }
        List<Action> actions = new ArrayList<>();
        if (signedIn.may(Permission.ISSUE)) {
            actions.add(new Action("issue", t.text("actions.issue"), "/app/issue" + suffix));
            actions.add(new Action("upload", t.text("actions.upload"), "/app/issuance-jobs" + suffix));
        }
        if (signedIn.may(Permission.MANAGE_PROGRAM)) {
            actions.add(new Action("achievement", t.text("actions.achievement"), "/app/achievements/new" + suffix));
        }
        if (signedIn.may(Permission.VIEW_ANALYTICS)) {
            actions.add(new Action("board", t.text("actions.board"), "/app/reports/board" + suffix));
        }
        actions.add(new Action("credentials", t.text("actions.credentials"), "/app/credentials" + suffix));
        List<Step> start = new ArrayList<>();
        if (!home.hasAchievements()) {
            boolean may = signedIn.may(Permission.MANAGE_PROGRAM);
            start.add(new Step("first-achievement", t.text("start.achievement"), t.text(may ? "start.achievement.text" : "start.achievement.ask"),
                    may ? "/app/achievements/new" + suffix : null));
        }
        if (!home.hasCredentials()) {
            boolean may = signedIn.may(Permission.ISSUE);
            start.add(new Step("first-credential", t.text("start.issue"), t.text(may ? "start.issue.text" : "start.issue.ask"),
                    may && home.hasAchievements() ? "/app/issue" + suffix : null));
        }
        Messages users = Messages.of("users", lang);
        List<String> abilities = signedIn.user().role().permissions().stream().map(p -> users.text("may." + p.name())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("t", t.table());
        model.put("signedIn", signedIn);
        model.put("bar", AppBar.of(lang, signedIn, "/app"));
        model.put("since", t.format("week.since", Map.of("date", DateTimeFormatter.ofPattern("nb".equals(lang) ? "d. MMMM" : "d MMMM", locale).format(now.start()))));
        model.put("week", week);
        model.put("attention", attention);
        model.put("actions", actions);
        model.put("start", start);
        // the dashboard names itself in its own bundle, which owns its words
        model.put("dashboard", signedIn.may(Permission.VIEW_ANALYTICS) ? new Action("dashboard",
                Messages.of("dashboard", lang).text("title"), "/app/analytics" + suffix) : null);
        model.put("role", users.text("role." + signedIn.user().role().json()));
        model.put("abilities", abilities);
        model.put("password", "/app/password" + suffix);
        return Pages.render("apphome/home.jte", model);
    }

    private static Figure figure(String id, Messages t, NumberFormat number, long now, long last) {
        return new Figure(id, t.text("week." + id), number.format(now), t.format("week.last", Map.of("value", number.format(last))));
    }

    private static void item(List<Item> items, String id, HomeFigures.Count count, Messages t, NumberFormat number, String href) {
        if (count.any()) {
            items.add(new Item(id, number.format(count.value()) + (count.capped() ? "+" : ""), t.text("attention." + id), href,
                    t.text("attention." + id + ".fix")));
        }
    }
}
