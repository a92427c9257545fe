package org.credence.analytics;

import java.util.Map;

/** The dashboard's words in English and Norwegian (bokmål); figure definitions come from credence-insights in English. */
final class DashboardText {
    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Program dashboard"), Map.entry("simulated", "Simulated data: this organisation was filled by the demo simulator. No real person is behind these numbers."),
            Map.entry("filter.from", "Issued from"), Map.entry("filter.to", "to"), Map.entry("filter.achievement", "Achievement"),
            Map.entry("filter.all", "All achievements"), Map.entry("filter.apply", "Show"),
            Map.entry("how", "How is this computed?"), Map.entry("definition", "Definition"), Map.entry("formula", "Formula"),
            Map.entry("denominator", "Denominator"), Map.entry("inputs", "Inputs"), Map.entry("measured", "measured"), Map.entry("assumed", "assumed"),
            Map.entry("interval", "95 % interval"), Map.entry("warnings", "Caution"), Map.entry("csv", "Download CSV"), Map.entry("credentials", "Credentials"),
            Map.entry("funnel.title", "Funnel: issued → claimed → viewed → shared → referral"),
            Map.entry("funnel.note", "Each step counts credentials issued in the period that reached it; the referral step is a share of shared credentials."),
            Map.entry("step.issued", "Issued"), Map.entry("step.claimed", "Claimed"), Map.entry("step.viewed", "Viewed"), Map.entry("step.shared", "Shared"),
            Map.entry("step.referral", "Referral"),
            Map.entry("engagement.title", "Engagement"), Map.entry("channels.title", "Share rate by channel"), Map.entry("channels.rate", "Share rate (%)"),
            Map.entry("channel.linkedin_profile", "LinkedIn profile"), Map.entry("channel.linkedin_post", "LinkedIn post"), Map.entry("channel.x", "X"),
            Map.entry("channel.facebook", "Facebook"), Map.entry("channel.email", "E-mail"), Map.entry("channel.copy_link", "Copied link"),
            Map.entry("trends.title", "Weekly trends"), Map.entry("trend.issued", "Issued"), Map.entry("trend.claims", "Claims"),
            Map.entry("trend.views", "Views"), Map.entry("trend.shares", "Shares"), Map.entry("trend.verifications", "Verifications"),
            Map.entry("trend.referralClicks", "Referral clicks"),
            Map.entry("achievements.title", "Top achievements"), Map.entry("verifications.title", "Verifications"),
            Map.entry("verifications.note", "Countries with fewer than 5 verifications are withheld."),
            Map.entry("geography.title", "Geography"), Map.entry("influencers.title", "Top influencers"),
            Map.entry("marketing.title", "Marketing value — advertising-equivalent value (not revenue)"),
            Map.entry("marketing.note", "Measured shares × assumed impressions per share ÷ 1000 × assumed CPM. The assumptions are listed with who set them, when and why."),
            Map.entry("marketing.value", "Equivalent media value"),
            Map.entry("assumptions.title", "Assumptions in force"), Map.entry("assumptions.channel", "Channel"), Map.entry("assumptions.parameter", "Assumption"),
            Map.entry("assumptions.value", "Value"), Map.entry("assumptions.source", "Set by, when and why"),
            Map.entry("assumption.impressionsPerShare", "Impressions per share"), Map.entry("assumption.cpm", "CPM"),
            Map.entry("table.engagement", "Engagement figures"), Map.entry("table.funnel", "Funnel"), Map.entry("table.trends", "Weekly counts"),
            Map.entry("table.achievements", "Achievements"), Map.entry("table.verifications-by-country", "Verifications by country"),
            Map.entry("table.verifications-weekly", "Verifications by week"), Map.entry("table.geography", "Views and verifications by country"),
            Map.entry("table.influencers", "Influencers"), Map.entry("table.marketing-value", "Value by channel"),
            Map.entry("table.marketing-scenarios", "Scenarios: conservative / base / optimistic"),
            Map.entry("table.marketing-sensitivity", "Sensitivity to CPM"), Map.entry("back", "Home"));

    private static final Map<String, String> NB = Map.ofEntries(
            Map.entry("title", "Programdashbord"), Map.entry("simulated", "Simulerte data: denne organisasjonen er fylt av demosimulatoren. Ingen virkelige personer står bak tallene."),
            Map.entry("filter.from", "Utstedt fra"), Map.entry("filter.to", "til"), Map.entry("filter.achievement", "Kompetanse"),
            Map.entry("filter.all", "Alle kompetanser"), Map.entry("filter.apply", "Vis"),
            Map.entry("how", "Hvordan regnes dette ut?"), Map.entry("definition", "Definisjon"), Map.entry("formula", "Formel"),
            Map.entry("denominator", "Nevner"), Map.entry("inputs", "Inndata"), Map.entry("measured", "målt"), Map.entry("assumed", "antatt"),
            Map.entry("interval", "95 % intervall"), Map.entry("warnings", "Obs"), Map.entry("csv", "Last ned CSV"), Map.entry("credentials", "Kompetansebevis"),
            Map.entry("funnel.title", "Trakt: utstedt → aktivert → sett → delt → henvisning"),
            Map.entry("funnel.note", "Hvert trinn teller bevis utstedt i perioden som nådde det; henvisningstrinnet er en andel av delte bevis."),
            Map.entry("step.issued", "Utstedt"), Map.entry("step.claimed", "Aktivert"), Map.entry("step.viewed", "Sett"), Map.entry("step.shared", "Delt"),
            Map.entry("step.referral", "Henvisning"),
            Map.entry("engagement.title", "Engasjement"), Map.entry("channels.title", "Delingsrate per kanal"), Map.entry("channels.rate", "Delingsrate (%)"),
            Map.entry("channel.linkedin_profile", "LinkedIn-profil"), Map.entry("channel.linkedin_post", "LinkedIn-innlegg"), Map.entry("channel.x", "X"),
            Map.entry("channel.facebook", "Facebook"), Map.entry("channel.email", "E-post"), Map.entry("channel.copy_link", "Kopiert lenke"),
            Map.entry("trends.title", "Ukentlige trender"), Map.entry("trend.issued", "Utstedt"), Map.entry("trend.claims", "Aktiveringer"),
            Map.entry("trend.views", "Visninger"), Map.entry("trend.shares", "Delinger"), Map.entry("trend.verifications", "Verifiseringer"),
            Map.entry("trend.referralClicks", "Henvisningsklikk"),
            Map.entry("achievements.title", "Mest utstedte kompetanser"), Map.entry("verifications.title", "Verifiseringer"),
            Map.entry("verifications.note", "Land med færre enn 5 verifiseringer vises ikke."),
            Map.entry("geography.title", "Geografi"), Map.entry("influencers.title", "Største påvirkere"),
            Map.entry("marketing.title", "Markedsverdi — annonseekvivalent verdi (ikke inntekt)"),
            Map.entry("marketing.note", "Målte delinger × antatte visninger per deling ÷ 1000 × antatt CPM. Antakelsene står oppført med hvem som satte dem, når og hvorfor."),
            Map.entry("marketing.value", "Ekvivalent medieverdi"),
            Map.entry("assumptions.title", "Gjeldende antakelser"), Map.entry("assumptions.channel", "Kanal"), Map.entry("assumptions.parameter", "Antakelse"),
            Map.entry("assumptions.value", "Verdi"), Map.entry("assumptions.source", "Satt av, når og hvorfor"),
            Map.entry("assumption.impressionsPerShare", "Visninger per deling"), Map.entry("assumption.cpm", "CPM"),
            Map.entry("table.engagement", "Engasjementstall"), Map.entry("table.funnel", "Trakt"), Map.entry("table.trends", "Ukentlige tall"),
            Map.entry("table.achievements", "Kompetanser"), Map.entry("table.verifications-by-country", "Verifiseringer per land"),
            Map.entry("table.verifications-weekly", "Verifiseringer per uke"), Map.entry("table.geography", "Visninger og verifiseringer per land"),
            Map.entry("table.influencers", "Påvirkere"), Map.entry("table.marketing-value", "Verdi per kanal"),
            Map.entry("table.marketing-scenarios", "Scenarier: forsiktig / basis / optimistisk"),
            Map.entry("table.marketing-sensitivity", "Følsomhet for CPM"), Map.entry("back", "Hjem"),
            Map.entry("metric.engagement.issued", "Utstedte bevis"), Map.entry("metric.engagement.claim_rate", "Aktiveringsrate"),
            Map.entry("metric.engagement.view_rate", "Visningsrate"), Map.entry("metric.engagement.share_rate", "Delingsrate"),
            Map.entry("metric.engagement.referral_rate", "Henvisningsrate"), Map.entry("metric.engagement.repeat_earner_rate", "Gjentakende mottakere"),
            Map.entry("metric.engagement.re_engagement_rate", "Gjenengasjement"), Map.entry("metric.engagement.verifications", "Verifiseringer"));

    private DashboardText() {}

    static Map<String, String> of(String lang) {
        return lang.equals("nb") ? NB : EN;
    }
}
