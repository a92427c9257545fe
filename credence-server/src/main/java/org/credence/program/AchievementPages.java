package org.credence.program;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.credence.achievement.Achievement;
import org.credence.achievement.AchievementDraft;
import org.credence.achievement.Achievements;
import org.credence.app.AppBar;
import org.credence.badge.AchievementImages;
import org.credence.document.Designs;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.http.FormMessage;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.renewal.RenewalPolicy;
import org.credence.renewal.RenewalSettings;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * {@code /app/achievements}: the tenant's achievements, and a form to create ({@code /new}) or edit ({@code /{id}}) one with
 * every field the API has, its renewal reminders and fee, its badge image, and live previews of the certificate, badge and
 * share image. The form is read into the same {@link AchievementDraft} the API's JSON is, and saved by the same
 * {@link Achievements} methods, so a form and a {@code POST /api/v1/achievements} give the same achievement.
 */
public final class AchievementPages {
    /** Empty skill rows the form offers below those already there (more with the "more skills" button). */
    static final int SPARE_SKILLS = 2;
    /** Which form group shows a service's message about a field. */
    private static final Map<String, String> GROUPS = Map.of("alignments.targetName", "alignments", "alignments.targetUrl", "alignments",
            "alignments.targetFramework", "alignments", "fee.amount", "fee", "fee.currency", "fee");

    /** What the page works with. */
    /** @param actors names who archived an achievement ({@code user:<id>} as a person, as the audit page does) */
    public record Services(Achievements achievements, Designs designs, RenewalSettings renewals, AchievementImages images,
                           org.credence.audit.AuditReader actors) {}

    /** One skill row of the form (blank in a spare row). */
    public record Skill(int index, String name, String url, String framework) {}

    /** A choice of a select. */
    public record Option(String value, String label, boolean selected) {}

    /** One achievement in the list; {@code archived} true for one no longer offered for issuing. */
    public record Row(long id, String name, String kind, String design, String validity, boolean archived) {}

    /** A choice of the list's filter (active, archived, all) and whether it is the one shown. */
    public record Filter(String state, String label, boolean current) {}

    /**
     * The form as typed (or as stored), for the template.
     *
     * @param id null for a new achievement
     * @param values the text fields by the API's names, and {@code reminderDays}, {@code feeAmount}, {@code feeCurrency}
     * @param messages what to fix, by field group ({@code ""}: the whole form)
     * @param previewQuery the preview images' query, from the values
     * @param archived the sentence saying when and by whom the achievement was archived; empty while it is offered
     */
    public record Form(Long id, Map<String, String> values, List<Skill> skills, List<Option> kinds, List<Option> designs,
                       Map<String, String> messages, String previewQuery, boolean editable, String notice, String archived) {
        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public String message(String group) {
            return messages.getOrDefault(group, "");
        }

        public boolean has(String group) {
            return messages.containsKey(group);
        }
    }

    private AchievementPages() {}

    public static void register(JavalinConfig config, Services services, Sessions sessions) {
        config.routes.get("/app/achievements", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ);
            String lang = language(ctx);
            Map<String, String> t = text(lang);
            // archived achievements are left out unless the filter asks for them
            String state = Objects.toString(ctx.queryParam("state"), "active");
            List<Row> rows = services.achievements().list(signedIn.user().tenantId(), Achievements.Listing.named(state)).stream()
                    .map(a -> new Row(a.id(), a.name(), Achievement.kindName(a.kind(), lang), a.design(),
                            a.validityDays().isPresent() ? Messages.of("achievements_app", lang).format("list.days",
                                    Map.of("days", a.validityDays().getAsInt())) : t.get("list.no_expiry"), a.isArchived()))
                    .toList();
            Map<String, Object> model = model(lang, signedIn, t);
            model.put("rows", rows);
            model.put("filters", List.of("active", "archived", "all").stream()
                    .map(f -> new Filter(f, t.get("list.filter." + f), f.equals(state))).toList());
            model.put("mayEdit", signedIn.may(Permission.MANAGE_PROGRAM));
            ctx.html(Pages.render("program/achievements.jte", model));
        });
        config.routes.get("/app/achievements/new", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_PROGRAM);
            String lang = language(ctx);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("kind", "certificate");
            values.put("design", "classic");
            values.put("reminderDays", join(RenewalPolicy.DEFAULT_DAYS));
            ctx.html(page(services, signedIn, lang, form(services, signedIn, lang, null, values, List.of(), null, 0, true, "")));
        });
        config.routes.post("/app/achievements", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_PROGRAM);
            save(ctx, services, signedIn, null);
        });
        config.routes.get("/app/achievements/{id}", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.READ);
            String lang = language(ctx);
            Achievement a = services.achievements().get(signedIn.user().tenantId(), id(ctx));
            Map<String, String> values = values(AchievementDraft.of(a));
            RenewalPolicy policy = services.renewals().policy(signedIn.user().tenantId(), a.id());
            values.putAll(renewalValues(policy));
            String notice = switch (Objects.toString(ctx.queryParam("notice"), "")) {
                case "saved" -> text(lang).get("notice.saved");
                case "image" -> text(lang).get("notice.image");
                case "image_removed" -> text(lang).get("notice.image_removed");
                case "archived" -> text(lang).get("notice.archived");
                case "unarchived" -> text(lang).get("notice.unarchived");
                case "archive_unconfirmed" -> text(lang).get("notice.archive_unconfirmed");
                default -> "";
            };
            ctx.html(page(services, signedIn, lang, form(services, signedIn, lang, a.id(), values, a.alignments(), null, 0,
                    signedIn.may(Permission.MANAGE_PROGRAM), notice)));
        });
        config.routes.post("/app/achievements/{id}", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_PROGRAM);
            long id = id(ctx);
            services.achievements().get(signedIn.user().tenantId(), id); // another tenant's: not found
            save(ctx, services, signedIn, id);
        });
        config.routes.post("/app/achievements/{id}/archive", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_PROGRAM);
            long id = id(ctx);
            String lang = language(ctx);
            if (!"1".equals(ctx.formParam("confirm"))) {
                services.achievements().get(signedIn.user().tenantId(), id); // another tenant's: not found
                ctx.redirect(ProgramPages.link("/app/achievements/" + id + "?notice=archive_unconfirmed", lang), HttpStatus.SEE_OTHER);
                return;
            }
            services.achievements().archive(ProgramPages.caller(signedIn), id);
            ctx.redirect(ProgramPages.link("/app/achievements/" + id + "?notice=archived", lang), HttpStatus.SEE_OTHER);
        });
        config.routes.post("/app/achievements/{id}/unarchive", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_PROGRAM);
            long id = id(ctx);
            services.achievements().unarchive(ProgramPages.caller(signedIn), id);
            ctx.redirect(ProgramPages.link("/app/achievements/" + id + "?notice=unarchived", language(ctx)), HttpStatus.SEE_OTHER);
        });
        config.routes.post("/app/achievements/{id}/image", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_PROGRAM);
            long id = id(ctx);
            String lang = language(ctx);
            try {
                if ("1".equals(ctx.formParam("remove"))) {
                    services.images().delete(ProgramPages.caller(signedIn), id);
                    ctx.redirect(ProgramPages.link("/app/achievements/" + id + "?notice=image_removed", lang), HttpStatus.SEE_OTHER);
                    return;
                }
                UploadedFile file = ctx.uploadedFile("file");
                if (file == null || file.size() == 0) {
                    throw new DomainException.InvalidInput("file", ErrorText.of("image.choose_badge_file"));
                }
                byte[] bytes;
                try (InputStream in = file.content()) {
                    bytes = in.readNBytes(2 * 1024 * 1024 + 1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                services.images().put(ProgramPages.caller(signedIn), id, file.contentType(), bytes);
                ctx.redirect(ProgramPages.link("/app/achievements/" + id + "?notice=image", lang), HttpStatus.SEE_OTHER);
            } catch (DomainException refused) {
                Achievement a = services.achievements().get(signedIn.user().tenantId(), id);
                Map<String, String> values = values(AchievementDraft.of(a));
                values.putAll(renewalValues(services.renewals().policy(signedIn.user().tenantId(), id)));
                FormMessage message = FormMessage.of(refused, lang);
                Form form = form(services, signedIn, lang, id, values, a.alignments(),
                        new FormMessage("file", message.text(), message.status()), 0, true, "");
                ctx.status(message.status()).html(page(services, signedIn, lang, form));
            }
        });
    }

    /** Saves the typed form (or, for the preview and "more skills" buttons, only shows it again). */
    private static void save(Context ctx, Services services, SignedIn signedIn, Long id) {
        String lang = language(ctx);
        Map<String, List<String>> typed = ctx.formParamMap();
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("kind", "name", "description", "criteria", "tags", "validityDays", "passMark", "hours", "programUrl", "image",
                "design", "reminderDays", "feeAmount", "feeCurrency")) {
            values.put(name, Objects.toString(ProgramPages.value(typed, name), ""));
        }
        List<Achievement.Alignment> skills = skills(typed);
        if (ctx.formParam("preview") != null || ctx.formParam("more") != null) {
            int spare = ctx.formParam("more") != null ? SPARE_SKILLS + 1 : 0;
            ctx.html(page(services, signedIn, lang, form(services, signedIn, lang, id, values, skills, null, spare, true, "")));
            return;
        }
        try {
            AchievementDraft draft = draft(values, skills);
            RenewalPolicy policy = renewal(values, id == null ? 0 : id);
            var caller = ProgramPages.caller(signedIn);
            Achievement saved = id == null ? services.achievements().create(caller, draft) : services.achievements().update(caller, id, draft);
            RenewalPolicy current = services.renewals().policy(caller.tenantId(), saved.id());
            RenewalPolicy wanted = new RenewalPolicy(saved.id(), policy.reminderDays(), policy.feeAmount(), policy.feeCurrency());
            if (!sameRenewal(current, wanted)) {
                try {
                    services.renewals().save(caller, wanted);
                } catch (DomainException refused) {
                    // the achievement is saved: its page says what is left to fix
                    FormMessage message = FormMessage.of(refused, lang);
                    ctx.status(message.status()).html(page(services, signedIn, lang,
                            form(services, signedIn, lang, saved.id(), values, skills, message, 0, true, "")));
                    return;
                }
            }
            ctx.redirect(ProgramPages.link("/app/achievements/" + saved.id() + "?notice=saved", lang), HttpStatus.SEE_OTHER);
        } catch (DomainException refused) {
            FormMessage message = FormMessage.of(refused, lang);
            ctx.status(message.status()).html(page(services, signedIn, lang, form(services, signedIn, lang, id, values, skills, message, 0, true, "")));
        }
    }

    /** The form read into the API's command; a number that is not one is refused naming its field, as the API does. */
    static AchievementDraft draft(Map<String, String> v, List<Achievement.Alignment> skills) {
        Integer validityDays = null;
        if (!v.get("validityDays").isEmpty()) {
            try {
                validityDays = Integer.valueOf(v.get("validityDays"));
            } catch (NumberFormatException e) {
                throw new DomainException.InvalidInput("validityDays", ErrorText.of("achievement.validity_invalid"));
            }
        }
        BigDecimal passMark = decimal(v, "passMark", ErrorText.of("achievement.pass_mark_invalid"));
        BigDecimal hours = decimal(v, "hours", ErrorText.of("achievement.hours_invalid"));
        List<String> tags = Arrays.stream(v.get("tags").split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
        return new AchievementDraft(blankToNull(v.get("kind")), blankToNull(v.get("name")), blankToNull(v.get("description")),
                blankToNull(v.get("criteria")), skills, tags, validityDays, passMark, blankToNull(v.get("programUrl")),
                blankToNull(v.get("image")), blankToNull(v.get("design")), hours);
    }

    /** A decimal as typed, with a comma or a point (7,5 and 7.5); null when blank; refused naming its field otherwise. */
    private static BigDecimal decimal(Map<String, String> v, String field, ErrorText why) {
        String typed = v.getOrDefault(field, "").strip();
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(typed.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput(field, why);
        }
    }

    /** The reminders and fee as typed; the achievement id is filled in once it is known. */
    static RenewalPolicy renewal(Map<String, String> v, long achievementId) {
        List<Integer> days = new ArrayList<>();
        for (String day : v.get("reminderDays").split("[,\\s]+")) {
            if (!day.isBlank()) {
                try {
                    days.add(Integer.valueOf(day.strip()));
                } catch (NumberFormatException e) {
                    throw new DomainException.InvalidInput("reminderDays", ErrorText.of("achievement.reminder_days_invalid"));
                }
            }
        }
        String amount = v.get("feeAmount");
        String currency = v.get("feeCurrency").toUpperCase(Locale.ROOT);
        if (amount.isEmpty() && currency.isEmpty()) {
            return new RenewalPolicy(achievementId, days, null, null);
        }
        BigDecimal fee;
        try {
            fee = new BigDecimal(amount.replace(',', '.')).setScale(2, RoundingMode.HALF_EVEN);
        } catch (NumberFormatException e) {
            throw new DomainException.InvalidInput("fee.amount", ErrorText.of("achievement.fee_invalid"));
        }
        return new RenewalPolicy(achievementId, days, fee, currency.isEmpty() ? null : currency);
    }

    private static boolean sameRenewal(RenewalPolicy a, RenewalPolicy b) {
        return a.reminderDays().equals(b.reminderDays()) && Objects.equals(a.feeCurrency(), b.feeCurrency())
                && (a.feeAmount() == null ? b.feeAmount() == null : b.feeAmount() != null && a.feeAmount().compareTo(b.feeAmount()) == 0);
    }

    /** The skill rows typed: {@code skill<i>.name}, {@code .url}, {@code .framework}; wholly blank rows are left out. */
    static List<Achievement.Alignment> skills(Map<String, List<String>> typed) {
        List<Achievement.Alignment> skills = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String name = ProgramPages.value(typed, "skill" + i + ".name");
            String url = ProgramPages.value(typed, "skill" + i + ".url");
            String framework = ProgramPages.value(typed, "skill" + i + ".framework");
            if (name != null || url != null || framework != null) {
                skills.add(new Achievement.Alignment(name, url, framework));
            }
        }
        return skills;
    }

    static Map<String, String> values(AchievementDraft d) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kind", d.kind());
        values.put("name", d.name());
        values.put("description", d.description());
        values.put("criteria", d.criteria());
        values.put("tags", String.join(", ", d.tags()));
        values.put("validityDays", d.validityDays() == null ? "" : d.validityDays().toString());
        values.put("passMark", d.passMark() == null ? "" : d.passMark().toPlainString());
        values.put("hours", d.hours() == null ? "" : d.hours().toPlainString());
        values.put("programUrl", Objects.toString(d.programUrl(), ""));
        values.put("image", Objects.toString(d.image(), ""));
        values.put("design", Objects.toString(d.design(), ""));
        return values;
    }

    private static Map<String, String> renewalValues(RenewalPolicy policy) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reminderDays", join(policy.reminderDays()));
        values.put("feeAmount", policy.feeAmount() == null ? "" : policy.feeAmount().toPlainString());
        values.put("feeCurrency", Objects.toString(policy.feeCurrency(), ""));
        return values;
    }

    private static Form form(Services services, SignedIn signedIn, String lang, Long id, Map<String, String> values,
                             List<Achievement.Alignment> alignments, FormMessage message, int extraSpare, boolean editable, String notice) {
        Map<String, String> t = text(lang);
        List<Skill> skills = new ArrayList<>();
        for (Achievement.Alignment a : alignments) {
            skills.add(new Skill(skills.size(), Objects.toString(a.targetName(), ""), Objects.toString(a.targetUrl(), ""),
                    Objects.toString(a.targetFramework(), "")));
        }
        int spare = editable ? SPARE_SKILLS + extraSpare : 0;
        for (int i = 0; i < spare; i++) {
            skills.add(new Skill(skills.size(), "", "", ""));
        }
        String kind = values.getOrDefault("kind", "");
        List<Option> kinds = Achievements.KIND_NAMES.stream().map(k -> new Option(k, Achievement.kindName(k, lang), k.equals(kind))).toList();
        String design = values.getOrDefault("design", "");
        List<Option> designs = services.designs().list(signedIn.user().tenantId()).stream()
                .map(d -> new Option(d.design().name(), d.builtIn() ? d.design().name() + " (" + t.get("design.built_in") + ")"
                        : d.design().name(), d.design().name().equals(design))).toList();
        Map<String, String> preview = new LinkedHashMap<>();
        preview.put("achievement", id == null ? null : id.toString());
        for (String name : List.of("kind", "design", "validityDays")) {
            preview.put(name, values.get(name));
        }
        preview.put("title", values.get("name"));
        preview.put("description", values.get("description"));
        preview.put("lang", lang);
        String archived = id == null ? "" : services.achievements().get(signedIn.user().tenantId(), id).archived()
                .map(a -> Messages.of("achievements_app", lang).format("archived.banner",
                        Map.of("date", a.at().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString(),
                                "by", services.actors().actorNames(signedIn.user().tenantId(), List.of(a.by())).getOrDefault(a.by(), a.by()))))
                .orElse("");
        return new Form(id, values, skills, kinds, designs, ProgramPages.messages(message, t, lang, GROUPS), ProgramPages.query(preview),
                editable, notice, archived);
    }

    private static String page(Services services, SignedIn signedIn, String lang, Form form) {
        Map<String, String> t = text(lang);
        Map<String, Object> model = model(lang, signedIn, t);
        model.put("form", form);
        return Pages.render("program/achievement.jte", model);
    }

    private static Map<String, Object> model(String lang, SignedIn signedIn, Map<String, String> t) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", lang);
        model.put("t", t);
        model.put("signedIn", signedIn);
        model.put("bar", AppBar.of(lang, signedIn, "/app/achievements"));
        return model;
    }

    static Map<String, String> text(String lang) {
        return Messages.of("achievements_app", lang).table();
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new DomainException.NotFound(ErrorText.of("achievement.not_found_plain", "id", ctx.pathParam("id")));
        }
    }

    private static String language(Context ctx) {
        String chosen = ctx.queryParam("lang");
        if (chosen == null && ctx.isMultipartFormData()) {
            chosen = ctx.formParam("lang");
        } else if (chosen == null && "POST".equals(ctx.method().name())) {
            chosen = ctx.formParam("lang");
        }
        return Pages.language(ctx, chosen);
    }

    private static String join(List<Integer> days) {
        return String.join(", ", days.stream().map(String::valueOf).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
