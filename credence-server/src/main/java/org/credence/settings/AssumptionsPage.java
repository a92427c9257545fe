package org.credence.settings;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.credence.achievement.Achievement;
import org.credence.achievement.Achievements;
import org.credence.analytics.AssumptionChanges;
import org.credence.analytics.CostAvoidedAssumptionStore;
import org.credence.analytics.MarketingAssumptionStore;
import org.credence.analytics.costs.ProgramCostLedger;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.i18n.Messages;
import org.credence.insights.Channel;
import org.credence.insights.Provenance;
import org.credence.insights.marketing.Assumption;
import org.credence.insights.marketing.AssumptionOverride;
import org.credence.insights.marketing.MarketingAssumptions;
import org.credence.insights.marketing.Parameter;
import org.credence.insights.operations.ManualProcessAssumptions;
import org.credence.insights.operations.ManualProcessParameter;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;
import org.credence.user.Users;

/**
 * {@code /app/assumptions}: the marketing-value assumptions (impressions per share, CPM, per
 * channel) and the cost-avoided assumptions (minutes per manual certificate, hourly rate) in force,
 * each with who set it, when and why, their history, and forms to set them with a reason. As with
 * the API's {@code analytics} scope, users who may see analytics read and set them; both call
 * {@link AssumptionChanges}.
 */
public final class AssumptionsPage {
    static final String PATH = "/app/assumptions";
    private static final String TEMPLATE = "settings/assumptions.jte";
    private static final Set<String> NOTICES = Set.of("saved");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** An assumption in force, with where it came from. */
    public record Value(String value, String unit, String setBy, String setAt, String reason, boolean builtIn) {}

    /** One channel's marketing assumptions. */
    public record ChannelRow(String channel, Value impressions, Value cpm) {}

    /** An edit of the history. */
    public record Edit(String parameter, String channel, String value, String setBy, String setAt, String reason, String scope) {}

    /** A choice of a select. */
    public record Choice(String value, String label, boolean selected) {}

    private AssumptionsPage() {}

    static void register(JavalinConfig config, MarketingAssumptionStore marketing, CostAvoidedAssumptionStore costAvoided,
                         AssumptionChanges changes, ProgramCostLedger ledger, Achievements achievements, Users users, Sessions sessions) {
        Reader reader = new Reader(marketing, costAvoided, ledger, achievements, users);
        config.routes.get(PATH, ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            SettingsPage.render(ctx, TEMPLATE, reader.model(ctx, signedIn, Map.of(), ""));
        });
        config.routes.post(PATH + "/marketing", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS); // checks the origin and the form's CSRF token
            try {
                Parameter parameter = switch (String.valueOf(ctx.formParam("parameter"))) {
                    case "impressions_per_share" -> Parameter.IMPRESSIONS_PER_SHARE;
                    case "cpm" -> Parameter.CPM;
                    default -> throw new DomainException.InvalidInput("parameter", ErrorText.of("settings.choose_parameter"));
                };
                String channelId = SettingsPage.text(ctx, "channel");
                Channel channel = channelId == null ? null : Channel.parse(channelId)
                        .orElseThrow(() -> new DomainException.InvalidInput("channel", ErrorText.of("settings.choose_channel")));
                changes.set(signedIn.user().tenantId(), signedIn.actor(), new AssumptionChanges.MarketingChange(parameter, channel,
                        SettingsPage.id(ctx, "achievementId"), SettingsPage.number(ctx, "value"), ctx.formParam("reason")));
                SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH, "saved");
            } catch (DomainException e) {
                SettingsPage.refused(ctx, reader.model(ctx, signedIn, SettingsPage.typed(ctx), "marketing"), e, TEMPLATE);
            }
        });
        config.routes.post(PATH + "/cost-avoided", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.VIEW_ANALYTICS);
            try {
                ManualProcessParameter parameter = ManualProcessParameter.parse(String.valueOf(ctx.formParam("parameter")))
                        .orElseThrow(() -> new DomainException.InvalidInput("parameter", ErrorText.of("settings.choose_parameter")));
                changes.set(signedIn.user().tenantId(), signedIn.actor(), new AssumptionChanges.CostAvoidedChange(parameter,
                        SettingsPage.id(ctx, "achievementId"), SettingsPage.number(ctx, "value"), ctx.formParam("reason")));
                SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH, "saved");
            } catch (DomainException e) {
                SettingsPage.refused(ctx, reader.model(ctx, signedIn, SettingsPage.typed(ctx), "costAvoided"), e, TEMPLATE);
            }
        });
    }

    /** Reads what the page shows. */
    private record Reader(MarketingAssumptionStore marketing, CostAvoidedAssumptionStore costAvoided, ProgramCostLedger ledger,
                          Achievements achievements, Users users) {
        Map<String, Object> model(Context ctx, SignedIn signedIn, Map<String, String> typed, String form) {
            String lang = SettingsPage.lang(ctx);
            long tenant = signedIn.user().tenantId();
            Messages t = Messages.of(SettingsPage.AREA, lang);
            UnaryOperator<String> people = SettingsPage.people(users, tenant);
            Map<String, Object> model = SettingsPage.model(ctx, lang, signedIn, PATH, NOTICES);
            List<Achievement> all = achievements.list(tenant);
            OptionalLong scope = OptionalLong.empty();
            String wanted = ctx.queryParam("achievementId");
            if (wanted != null && wanted.matches("[0-9]{1,18}") && all.stream().anyMatch(a -> a.id() == Long.parseLong(wanted))) {
                scope = OptionalLong.of(Long.parseLong(wanted));
            }
            long selected = scope.orElse(-1);
            model.put("scopes", all.stream().map(a -> new Choice(Long.toString(a.id()), a.name(), a.id() == selected)).toList());
            MarketingAssumptions effective = marketing.effective(tenant, scope);
            List<ChannelRow> channels = new ArrayList<>();
            for (Channel c : Channel.values()) {
                channels.add(new ChannelRow(t.text("assumptions.channel." + c.id()),
                        value(effective.of(Parameter.IMPRESSIONS_PER_SHARE, c), t.text("assumptions.unit.impressions"), t, people, "impressions_per_share", effective.currency()),
                        value(effective.of(Parameter.CPM, c), t.format("assumptions.unit.cpm", Map.of("currency", effective.currency().getCurrencyCode())), t, people,
                                "cpm", effective.currency())));
            }
            model.put("channels", channels);
            Currency currency = Currency.getInstance(ledger.mainCurrency(tenant).orElse(ProgramCostLedger.DEFAULT_CURRENCY));
            ManualProcessAssumptions manual = costAvoided.effective(tenant, scope, currency);
            model.put("minutes", value(manual.minutesPerCertificate(), t.text("assumptions.unit.minutes"), t, people, "minutes", currency));
            model.put("rate", value(manual.hourlyRate(), t.format("assumptions.unit.rate", Map.of("currency", currency.getCurrencyCode())), t, people, "rate", currency));
            List<Edit> edits = new ArrayList<>();
            Map<Long, String> names = new java.util.HashMap<>();
            all.forEach(a -> names.put(a.id(), a.name()));
            for (AssumptionOverride o : marketing.history(tenant, scope)) {
                edits.add(edit(t.text("assumptions.parameter." + o.parameter().name().toLowerCase(Locale.ROOT)),
                        o.channel() == null ? t.text("assumptions.channel.all") : t.text("assumptions.channel." + o.channel().id()), o.value(), o.provenance(), names, t, people));
            }
            for (ManualProcessAssumptions.Override o : costAvoided.history(tenant, scope)) {
                edits.add(edit(t.text("assumptions.parameter." + o.parameter().id()), "", o.value(), o.provenance(), names, t, people));
            }
            edits.sort(Comparator.comparing(Edit::setAt).reversed());
            model.put("history", edits);
            String achievement = typed.getOrDefault("achievementId", "");
            List<Choice> forAchievement = new ArrayList<>();
            forAchievement.add(new Choice("", t.text("assumptions.scope.all"), achievement.isEmpty()));
            all.forEach(a -> forAchievement.add(new Choice(Long.toString(a.id()), a.name(), Long.toString(a.id()).equals(achievement))));
            model.put("achievements", forAchievement);
            String channel = typed.getOrDefault("channel", "");
            List<Choice> channelChoices = new ArrayList<>();
            channelChoices.add(new Choice("", t.text("assumptions.channel.all"), channel.isEmpty()));
            Arrays.stream(Channel.values()).forEach(c -> channelChoices.add(new Choice(c.id(), t.text("assumptions.channel." + c.id()), c.id().equals(channel))));
            model.put("channelChoices", channelChoices);
            String parameter = typed.getOrDefault("parameter", "");
            model.put("marketingParameters", List.of(
                    new Choice("impressions_per_share", t.text("assumptions.parameter.impressions_per_share"), parameter.equals("impressions_per_share")),
                    new Choice("cpm", t.text("assumptions.parameter.cpm"), parameter.equals("cpm"))));
            model.put("manualParameters", Arrays.stream(ManualProcessParameter.values())
                    .map(p -> new Choice(p.id(), t.text("assumptions.parameter." + p.id()), p.id().equals(parameter))).toList());
            model.put("form", form);
            model.put("typed", typed);
            return model;
        }
    }

    /**
     * An assumption as shown; a built-in default's source is said in the page's language ({@code assumptions.builtin.<which>}),
     * since the insights library writes its defaults' sources in English.
     */
    private static Value value(Assumption a, String unit, Messages t, UnaryOperator<String> people, String which, Currency currency) {
        Provenance p = a.provenance();
        boolean builtIn = Provenance.BUILT_IN_AUTHOR.equals(p.setBy());
        String reason = builtIn ? t.format("assumptions.builtin." + which, Map.of("currency", currency.getCurrencyCode()))
                : p.reason() == null ? "" : p.reason();
        return new Value(a.value().stripTrailingZeros().toPlainString(), unit, builtIn ? t.text("assumptions.builtin") : people.apply(p.setBy()),
                p.setAt() == null || builtIn ? "" : MINUTE.format(p.setAt()), reason, builtIn);
    }

    private static Edit edit(String parameter, String channel, java.math.BigDecimal value, Provenance p, Map<Long, String> names, Messages t,
                             UnaryOperator<String> people) {
        String scope = p.scope() == null || p.scope().level() != org.credence.insights.Scope.Level.ACHIEVEMENT ? t.text("assumptions.scope.all")
                : names.getOrDefault(parseId(p.scope().id()), p.scope().id());
        return new Edit(parameter, channel, value.stripTrailingZeros().toPlainString(), people.apply(p.setBy()), MINUTE.format(p.setAt()),
                p.reason() == null ? "" : p.reason(), scope);
    }

    private static Long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
