package org.credence.demo;

import java.util.List;

/**
 * The simulated tenant's programmes and the population's habits. The rates are plausible values in
 * the ranges the product's seed documents report (claim 60–85 %, share 15–40 % of claimers); they
 * describe the simulation, not any real programme.
 */
public final class DemoCatalog {
    private DemoCatalog() {}

    public static final String TENANT_SLUG = "demo";
    public static final String TENANT_NAME = "Demo Academy (simulated data)";

    public static final List<DemoAchievement> ACHIEVEMENTS = List.of(
            new DemoAchievement("data-steward", "Data Steward", "certification",
                    "Manages data quality, lineage and access for a business domain.", "Pass the proctored exam with 70 % or more.",
                    "https://demo.example/programmes/data-steward", List.of("Data governance", "Data quality"), 0.25, 0.84, 0.42, 730),
            new DemoAchievement("cloud-practitioner", "Cloud Practitioner", "badge",
                    "Knows the core services, pricing and security model of public clouds.", "Complete the six modules and the final quiz.",
                    "https://demo.example/programmes/cloud-practitioner", List.of("Cloud computing"), 0.30, 0.74, 0.33, 0),
            new DemoAchievement("project-leadership", "Project Leadership", "certificate",
                    "Plans, runs and closes projects with a team of up to twenty.", "Attend all sessions and deliver a project plan.",
                    "https://demo.example/programmes/project-leadership", List.of("Project management", "Leadership"), 0.20, 0.70, 0.28, 0),
            new DemoAchievement("safety-induction", "Workplace Safety Induction", "certificate",
                    "Completed the mandatory workplace safety induction.", "Complete the induction course.",
                    "https://demo.example/programmes/safety-induction", List.of("Occupational safety"), 0.18, 0.58, 0.06, 365),
            new DemoAchievement("analytics-diploma", "Diploma in Business Analytics", "diploma",
                    "A year-long programme in statistics, forecasting and data storytelling.", "Pass all eight courses and the thesis.",
                    "https://demo.example/programmes/analytics-diploma", List.of("Statistics", "Forecasting"), 0.07, 0.91, 0.55, 0));

    /** Share channels with their part of all shares and the third-party views one share brings on average. */
    record ChannelHabit(String channel, double weight, double viewsPerShare, boolean previewedByCrawler) {}

    static final List<ChannelHabit> CHANNELS = List.of(
            new ChannelHabit("linkedin_profile", 0.30, 6.0, true),
            new ChannelHabit("linkedin_post", 0.28, 14.0, true),
            new ChannelHabit("x", 0.06, 5.0, true),
            new ChannelHabit("facebook", 0.10, 8.0, true),
            new ChannelHabit("email", 0.12, 2.0, false),
            new ChannelHabit("copy_link", 0.14, 3.0, false));

    /** Where viewers are, coarse country codes. */
    static final List<String> COUNTRIES = List.of("NO", "SE", "DK", "GB", "US", "DE", "NL", "IN", "FI", "IS");
    static final double[] COUNTRY_WEIGHTS = {0.38, 0.11, 0.08, 0.12, 0.14, 0.07, 0.04, 0.03, 0.02, 0.01};

    /** Issuance by calendar month (January first): cohorts finish before summer and Christmas. */
    static final double[] MONTH_WEIGHTS = {1.0, 1.1, 1.2, 1.0, 1.3, 1.4, 0.4, 0.7, 1.2, 1.3, 1.4, 0.8};

    static final List<String> FIRST_NAMES = List.of("Åse", "Ola", "Kari", "Nils", "Ingrid", "Lars", "Sofie", "Emil", "Nora", "Jonas",
            "Maja", "Henrik", "Leah", "Omar", "Aisha", "Mateo", "Priya", "Chen", "Fatima", "Lukas", "Ella", "Sindre", "Tuva", "Björn");
    static final List<String> LAST_NAMES = List.of("Ødegård", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
            "Kristiansen", "Berg", "Haugen", "Lie", "Ahmed", "Khan", "García", "Müller", "Svensson", "Nguyen", "Patel", "Smith");
}
