package org.credence.settings;

import io.javalin.config.JavalinConfig;
import java.net.URI;
import org.credence.achievement.Achievements;
import org.credence.analytics.AssumptionChanges;
import org.credence.analytics.CostAvoidedAssumptionStore;
import org.credence.analytics.MarketingAssumptionStore;
import org.credence.analytics.costs.ProgramCostLedger;
import org.credence.document.BrandingUpdates;
import org.credence.document.Brandings;
import org.credence.integration.CourseAchievements;
import org.credence.user.Sessions;
import org.credence.user.Users;
import org.credence.webhook.Webhooks;

/**
 * The organisation's settings pages ({@code /app/branding}, {@code /app/webhooks},
 * {@code /app/integrations}, {@code /app/assumptions}, {@code /app/costs}), each for the roles
 * allowed, each change through the service the API calls. See docs/app-settings.md.
 */
public final class SettingsPages {
    /** The services the pages use. */
    public record Services(Brandings brandings, BrandingUpdates branding, Webhooks webhooks, CourseAchievements courses,
                           MarketingAssumptionStore marketing, CostAvoidedAssumptionStore costAvoided, AssumptionChanges assumptions,
                           ProgramCostLedger ledger, Achievements achievements, Users users, URI publicUrl, Sessions sessions) {}

    private SettingsPages() {}

    public static void register(JavalinConfig config, Services s) {
        BrandingPage.register(config, s.brandings(), s.branding(), s.sessions());
        WebhooksPage.register(config, s.webhooks(), s.sessions());
        IntegrationsPage.register(config, s.courses(), s.achievements(), s.publicUrl(), s.sessions());
        AssumptionsPage.register(config, s.marketing(), s.costAvoided(), s.assumptions(), s.ledger(), s.achievements(), s.users(), s.sessions());
        CostsPage.register(config, s.ledger(), s.achievements(), s.users(), s.sessions());
    }
}
