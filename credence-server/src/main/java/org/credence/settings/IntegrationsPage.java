package org.credence.settings;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credence.achievement.Achievement;
import org.credence.achievement.Achievements;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.integration.CourseAchievements;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * {@code /app/integrations}: which achievement each learning-system course leads to (with the
 * achievement's pass mark), the courses completions name that are not mapped yet with a one-click
 * map, and how a learning system calls the completions and xAPI endpoints. For users who may change
 * the settings; mapping calls {@link CourseAchievements#put} as {@code PUT /api/v1/integrations/courses/{courseId}} does.
 */
public final class IntegrationsPage {
    static final String PATH = "/app/integrations";
    private static final String TEMPLATE = "settings/integrations.jte";
    private static final Set<String> NOTICES = Set.of("mapped");
    private static final int UNMATCHED = 50;

    /** A course's mapping as a row. */
    public record Mapping(String courseId, long achievementId, String achievement, String passMark) {}

    /** A choice of a select. */
    public record Choice(String value, String label, boolean selected) {}

    private IntegrationsPage() {}

    static void register(JavalinConfig config, CourseAchievements courses, Achievements achievements, URI publicUrl, Sessions sessions) {
        config.routes.get(PATH, ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            SettingsPage.render(ctx, TEMPLATE, model(ctx, signedIn, courses, achievements, publicUrl, Map.of()));
        });
        config.routes.post(PATH + "/courses", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS); // checks the origin and the form's CSRF token
            try {
                Long achievement = SettingsPage.id(ctx, "achievementId");
                if (achievement == null) {
                    throw new DomainException.InvalidInput("achievementId", ErrorText.of("integrations.choose_achievement"));
                }
                courses.put(signedIn.user().tenantId(), signedIn.actor(), ctx.formParam("courseId"), achievement);
                SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH, "mapped");
            } catch (DomainException e) {
                SettingsPage.refused(ctx, model(ctx, signedIn, courses, achievements, publicUrl, SettingsPage.typed(ctx)), e, TEMPLATE);
            }
        });
    }

    private static Map<String, Object> model(Context ctx, SignedIn signedIn, CourseAchievements courses, Achievements achievements, URI publicUrl,
                                             Map<String, String> typed) {
        String lang = SettingsPage.lang(ctx);
        long tenant = signedIn.user().tenantId();
        Map<String, Object> model = SettingsPage.model(ctx, lang, signedIn, PATH, NOTICES);
        List<Achievement> all = achievements.list(tenant);
        Map<Long, Achievement> byId = new HashMap<>();
        all.forEach(a -> byId.put(a.id(), a));
        model.put("mappings", courses.list(tenant).stream().map(m -> new Mapping(m.courseId(), m.achievementId(), m.achievementName(),
                byId.containsKey(m.achievementId()) ? byId.get(m.achievementId()).passMark().map(p -> p.stripTrailingZeros().toPlainString()).orElse("") : "")).toList());
        model.put("unmatched", courses.unmatched(tenant, UNMATCHED));
        String chosen = typed.getOrDefault("achievementId", "");
        List<Choice> choices = new ArrayList<>();
        // an archived achievement is not offered: a course cannot be mapped to it
        all.stream().filter(a -> !a.isArchived()).forEach(a -> choices.add(new Choice(Long.toString(a.id()), a.name(), Long.toString(a.id()).equals(chosen))));
        model.put("achievements", choices);
        model.put("courseId", typed.getOrDefault("courseId", ""));
        String base = publicUrl.toString().replaceAll("/+$", "");
        model.put("completionsUrl", base + "/api/v1/integrations/completions");
        model.put("xapiUrl", base + "/api/v1/integrations/xapi/statements");
        return model;
    }
}
