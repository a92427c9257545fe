package org.credence.settings;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.credence.achievement.Achievement;
import org.credence.achievement.Achievements;
import org.credence.analytics.costs.CostCategory;
import org.credence.analytics.costs.CostDraft;
import org.credence.analytics.costs.CostLine;
import org.credence.analytics.costs.ProgramCostLedger;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.i18n.Messages;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;
import org.credence.user.Users;

/**
 * {@code /app/costs}: the program-cost ledger, read by users who may see analytics; entering,
 * correcting (with a reason) and voiding (with a reason, confirmed) lines for users who may manage
 * costs. The forms call the {@link ProgramCostLedger} methods {@code /api/v1/program-costs} calls;
 * each change is a new version of the line, kept with who and when, and audited.
 */
public final class CostsPage {
    static final String PATH = "/app/costs";
    private static final String LIST = "settings/costs.jte";
    private static final String ONE = "settings/cost.jte";
    private static final Set<String> NOTICES = Set.of("added", "corrected", "voided");
    private static final int PAGE = 200;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A line (one version) as the page shows it, texts formatted. */
    public record Row(long id, int version, String incurred, String category, String achievement, String amount, String note, String owner,
               String at, String change, String reason, boolean voided) {}

    /** A choice of a select. */
    public record Choice(String value, String label, boolean selected) {}

    private CostsPage() {}

    static void register(JavalinConfig config, ProgramCostLedger ledger, Achievements achievements, Users users, Sessions sessions) {
        config.routes.get(PATH, ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            SettingsPage.render(ctx, LIST, list(ctx, signedIn, ledger, achievements, users, Map.of()));
        });
        config.routes.post(PATH, ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_COSTS); // checks the origin and the form's CSRF token
            try {
                CostLine line = ledger.create(signedIn.user().tenantId(), signedIn.actor(), draft(ctx));
                SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH + "/" + line.id(), "added");
            } catch (DomainException e) {
                SettingsPage.refused(ctx, list(ctx, signedIn, ledger, achievements, users, SettingsPage.typed(ctx)), e, LIST);
            }
        });
        config.routes.get(PATH + "/{id}", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            long id = SettingsPage.pathId(ctx, "id", "cost_line");
            SettingsPage.render(ctx, ONE, one(ctx, signedIn, ledger, achievements, users, id, Map.of()));
        });
        config.routes.post(PATH + "/{id}", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_COSTS);
            long id = SettingsPage.pathId(ctx, "id", "cost_line");
            try {
                ledger.correct(signedIn.user().tenantId(), signedIn.actor(), id, draft(ctx), ctx.formParam("reason"));
                SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH + "/" + id, "corrected");
            } catch (DomainException.NotFound e) {
                throw e;
            } catch (DomainException e) {
                SettingsPage.refused(ctx, one(ctx, signedIn, ledger, achievements, users, id, SettingsPage.typed(ctx)), e, ONE);
            }
        });
        config.routes.post(PATH + "/{id}/void", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_COSTS);
            long id = SettingsPage.pathId(ctx, "id", "cost_line");
            try {
                if (!"yes".equals(ctx.formParam("confirm"))) {
                    throw new DomainException.InvalidInput("confirm", ErrorText.of("costs.confirm_void"));
                }
                ledger.voidLine(signedIn.user().tenantId(), signedIn.actor(), id, ctx.formParam("voidReason"));
                SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH + "/" + id, "voided");
            } catch (DomainException.NotFound e) {
                throw e;
            } catch (DomainException e) {
                DomainException shown = e instanceof DomainException.InvalidInput invalid && "reason".equals(invalid.field())
                        ? new DomainException.InvalidInput("voidReason", e) : e;
                SettingsPage.refused(ctx, one(ctx, signedIn, ledger, achievements, users, id, SettingsPage.typed(ctx)), shown, ONE);
            }
        });
    }

    /** The form's cost line; blank fields are absent, unreadable ones a refusal naming the field. */
    private static CostDraft draft(Context ctx) {
        String categoryId = SettingsPage.text(ctx, "category");
        CostCategory category = CostCategory.parse(categoryId == null ? "" : categoryId)
                .orElseThrow(() -> new DomainException.InvalidInput("category", ErrorText.of("costs.choose_category")));
        return new CostDraft(SettingsPage.id(ctx, "achievementId"), category, SettingsPage.date(ctx, "incurredOn"), SettingsPage.date(ctx, "incurredUntil"),
                SettingsPage.number(ctx, "amount"), SettingsPage.text(ctx, "currency"), SettingsPage.number(ctx, "hours"),
                SettingsPage.number(ctx, "hourlyRate"), ctx.formParam("note"));
    }

    private static Map<String, Object> list(Context ctx, SignedIn signedIn, ProgramCostLedger ledger, Achievements achievements, Users users,
                                            Map<String, String> typed) {
        String lang = SettingsPage.lang(ctx);
        long tenant = signedIn.user().tenantId();
        Map<String, Object> model = SettingsPage.model(ctx, lang, signedIn, PATH, NOTICES);
        List<Achievement> all = achievements.list(tenant);
        OptionalLong filter = OptionalLong.empty();
        String wanted = ctx.queryParam("achievementId");
        if (wanted != null && wanted.matches("[0-9]{1,18}")) {
            long id = Long.parseLong(wanted);
            if (all.stream().anyMatch(a -> a.id() == id)) {
                filter = OptionalLong.of(id);
            }
        }
        Messages o = Messages.of("operations", lang);
        Map<Long, String> names = names(all);
        UnaryOperator<String> people = SettingsPage.people(users, tenant);
        List<CostLine> lines = ledger.lines(tenant, null, null, filter, PAGE);
        model.put("rows", lines.stream().map(l -> row(l, names, o, people)).toList());
        model.put("more", lines.size() == PAGE);
        long selected = filter.orElse(-1);
        model.put("filter", all.stream().map(a -> new Choice(Long.toString(a.id()), a.name(), a.id() == selected)).toList());
        form(model, lang, all, typed, ledger.mainCurrency(tenant).orElse(ProgramCostLedger.DEFAULT_CURRENCY));
        model.put("mayChange", signedIn.may(Permission.MANAGE_COSTS));
        return model;
    }

    private static Map<String, Object> one(Context ctx, SignedIn signedIn, ProgramCostLedger ledger, Achievements achievements, Users users, long id,
                                           Map<String, String> typed) {
        String lang = SettingsPage.lang(ctx);
        long tenant = signedIn.user().tenantId();
        Map<String, Object> model = SettingsPage.model(ctx, lang, signedIn, PATH, NOTICES);
        Messages o = Messages.of("operations", lang);
        List<Achievement> all = achievements.list(tenant);
        Map<Long, String> names = names(all);
        UnaryOperator<String> people = SettingsPage.people(users, tenant);
        CostLine current = ledger.get(tenant, id);
        model.put("line", row(current, names, o, people));
        List<Row> history = new java.util.ArrayList<>(ledger.history(tenant, id).stream().map(l -> row(l, names, o, people)).toList());
        java.util.Collections.reverse(history); // newest first
        model.put("history", history);
        Map<String, String> shown = new HashMap<>(Map.of("category", current.category().id(), "incurredOn", current.incurredOn().toString(),
                "incurredUntil", current.incurredUntil() == null ? "" : current.incurredUntil().toString(),
                "amount", current.amount().toPlainString(), "currency", current.currency(),
                "hours", current.hours() == null ? "" : current.hours().toPlainString(),
                "hourlyRate", current.hourlyRate() == null ? "" : current.hourlyRate().toPlainString(),
                "note", current.note() == null ? "" : current.note(),
                "achievementId", current.achievementId() == null ? "" : current.achievementId().toString()));
        shown.putAll(typed);
        form(model, lang, all, shown, current.currency());
        model.put("mayChange", signedIn.may(Permission.MANAGE_COSTS) && !current.voided());
        return model;
    }

    /** The entry form's choices and the values it shows. */
    private static void form(Map<String, Object> model, String lang, List<Achievement> all, Map<String, String> typed, String currency) {
        Messages o = Messages.of("operations", lang);
        Map<String, String> values = new HashMap<>(typed);
        values.putIfAbsent("currency", currency);
        values.putIfAbsent("incurredOn", LocalDate.now(ZoneOffset.UTC).toString());
        values.remove("csrf");
        String category = values.getOrDefault("category", "");
        String achievement = values.getOrDefault("achievementId", "");
        model.put("categories", java.util.Arrays.stream(CostCategory.values())
                .map(c -> new Choice(c.id(), o.text("category." + c.id()), c.id().equals(category))).toList());
        List<Choice> choices = new java.util.ArrayList<>();
        choices.add(new Choice("", o.text("cost.program"), achievement.isEmpty()));
        all.forEach(a -> choices.add(new Choice(Long.toString(a.id()), a.name(), Long.toString(a.id()).equals(achievement))));
        model.put("achievements", choices);
        model.put("values", values);
        model.put("o", o.table());
    }

    private static Row row(CostLine l, Map<Long, String> names, Messages o, UnaryOperator<String> people) {
        String incurred = l.incurredOn() + (l.incurredUntil() == null ? "" : " – " + l.incurredUntil());
        String amount = l.amount().toPlainString() + " " + l.currency()
                + (l.hours() == null ? "" : " (" + l.hours().toPlainString() + " h × " + l.hourlyRate().toPlainString() + ")");
        String achievement = l.achievementId() == null ? o.text("cost.program") : names.getOrDefault(l.achievementId(), "#" + l.achievementId());
        return new Row(l.id(), l.version(), incurred, o.text("category." + l.category().id()), achievement, amount, l.note() == null ? "" : l.note(),
                people.apply(l.owner()), MINUTE.format(l.createdAt()), l.change(), l.reason() == null ? "" : l.reason(), l.voided());
    }

    private static Map<Long, String> names(List<Achievement> all) {
        Map<Long, String> names = new HashMap<>();
        all.forEach(a -> names.put(a.id(), a.name()));
        return names;
    }
}
