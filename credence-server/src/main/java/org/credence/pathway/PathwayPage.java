package org.credence.pathway;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongToIntFunction;
import org.credence.analytics.AnalyticsNav;
import org.credence.analytics.Readable;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/** {@code /app/analytics/pathways}: each pathway's funnel as a table, for users who may see analytics (the API's figures). */
public final class PathwayPage {
    static final String PATH = "/app/analytics/pathways";

    /** A pathway as the page shows it: its name, its rule in words, and its funnel's rows. */
    public record Shown(String name, String rule, List<Row> rows) {}

    /** One stage of the funnel: its label, the recipients who reached it, their share of those who started. */
    public record Row(String stage, String recipients, String share) {}

    private PathwayPage() {}

    public static void register(JavalinConfig config, Pathways pathways, Sessions sessions, LongToIntFunction minGroupSize) {
        config.routes.get(PATH, ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            long tenant = signedIn.user().tenantId();
            String lang = Pages.language(ctx);
            Messages t = Messages.of("pathways", lang);
            Readable readable = Readable.of(lang);
            int min = minGroupSize.applyAsInt(tenant);
            List<Shown> shown = new ArrayList<>();
            for (Pathways.Named named : pathways.list(tenant)) {
                Pathway p = named.pathway();
                JsonNode funnel = PathwayRoutes.json(pathways.funnel(tenant, p.achievementId(), min));
                List<Row> rows = new ArrayList<>();
                for (JsonNode step : funnel.get("reached")) {
                    String stage = step.get("stage").asText();
                    String label = stage.equals("started") ? t.text("page.stage.started") : stage.equals("completed") ? t.text("page.stage.completed")
                            : t.format("page.stage.reached", Map.of("k", stage.substring(0, stage.indexOf('_')), "n", p.minimum()));
                    JsonNode count = step.get("recipients");
                    rows.add(new Row(label, count.get("suppressed").asBoolean() ? t.text("page.withheld") : readable.value(count),
                            step.get("shareOfStarted").get("suppressed").asBoolean() ? t.text("page.withheld") : readable.value(step.get("shareOfStarted"))));
                }
                String rule = (p.allOf() ? t.format("page.rule.all", Map.of("components", p.requires().size()))
                        : t.format("page.rule.some", Map.of("minimum", p.minimum(), "components", p.requires().size())))
                        + (p.ordered() ? ", " + t.text("page.rule.ordered") : "");
                shown.add(new Shown(named.name(), rule, rows));
            }
            ctx.html(Pages.render("pathway/funnel.jte", Map.of("lang", lang, "t", t.table(), "nav", AnalyticsNav.of(lang, signedIn, PATH),
                    "intro", t.format("page.intro", Map.of("min", min)), "none", t.format("page.none", Map.of()), "pathways", shown)));
        });
    }
}
