package org.credence;

import java.time.Instant;
import java.time.LocalDate;
import org.credence.issuance.Issuance;

/**
 * A small hand-built outcome data set for one tenant, written with SQL as an import would leave it, with the expected
 * counts worked out by hand in {@code OutcomeFiguresTest}. Dates are fixed; the server's clock stands at 2026-12-01.
 */
final class OutcomeData {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final ServerHarness server;
    private final String key;
    final long tenant;
    final long a;
    final long b;

    OutcomeData(ServerHarness server, String slug) {
        this.server = server;
        this.key = server.tenant(slug);
        this.tenant = server.credence.jdbi().withHandle(h -> h.createQuery("SELECT id FROM tenant WHERE slug = :slug").bind("slug", slug)
                .mapTo(Long.class).one());
        this.a = server.achievement(key); // "Certified Data Steward", valid 730 days
        var created = server.send("POST", "/api/v1/achievements", key, """
                {"name": "Cloud Basics", "kind": "badge", "description": "Finished the cloud course.", "criteria": "Finish it."}""");
        this.b = created.json().get("id").asLong();
    }

    String key() {
        return key;
    }

    /** Everything the tests count on. */
    OutcomeData load() {
        var program = server.send("PUT", "/api/v1/achievements/" + a + "/program", key, "{\"launchedOn\": \"2024-07-01\", \"studyDesign\": \"before_after\"}");
        if (program.status() != 200) {
            throw new IllegalStateException(program.body());
        }
        course("C-A", a);
        course("C-B", b);
        // completion, enrolments of 2024: C-A launched 2024-07-01
        for (int i = 0; i < 10; i++) {
            enrol("ca-before-" + i, null, "C-A", "2024-03-01", i < 4 ? "2024-03-31" : i == 4 ? "2024-09-17" : null);
            enrol("ca-after-" + i, null, "C-A", "2024-09-01", i < 8 ? "2024-09-21" : null);
            enrol("cx-" + i, null, "C-X", "2024-05-01", i < 5 ? "2024-06-01" : null);
        }
        for (int i = 0; i < 6; i++) {
            enrol("cb-" + i, null, "C-B", "2024-05-01", i < 3 ? "2024-06-01" : null);
        }
        enrol("ca-recent", null, "C-A", "2026-11-01", null); // under 180 days old at NOW: not yet counted
        // people p1..p11; credentials
        for (int p = 1; p <= 11; p++) {
            person(p);
        }
        for (int p = 1; p <= 4; p++) {
            credential(p, a, "2023-02-10T10:00:00Z");
        }
        credential(1, b, "2023-08-01T10:00:00Z");
        credential(5, b, "2023-06-01T10:00:00Z");
        credential(9, a, "2024-03-01T10:00:00Z");
        credential(10, a, "2024-10-01T10:00:00Z");
        credential(11, a, "2025-06-01T10:00:00Z");
        // re-enrolment, completions of 2023
        for (int p = 1; p <= 4; p++) {
            enrol("re-a-" + p, p, "C-A", "2023-01-01", "2023-02-01");
        }
        for (int p = 1; p <= 3; p++) {
            enrol("re-x-" + p, p, "C-X", "2023-04-01", null);
        }
        enrol("re-x-4", 4, "C-X", "2023-12-01", null);
        for (int p = 5; p <= 8; p++) {
            enrol("re-n-" + p, p, "C-X", "2023-01-15", "2023-03-01");
        }
        enrol("re-b-5", 5, "C-B", "2023-05-01", null);
        // renewals: p1 renews A; p2's renewal line is for B
        revenue("rl-1", 1, a, "renewal", "2025-01-15");
        revenue("rl-2", 2, b, "renewal", "2025-01-15");
        revenue("rl-3", 3, a, "exam_fee", "2025-01-15");
        // time to productivity, hires of 2025 (role engineer)
        employee("h1", 1, "engineer", "2025-01-01", "2025-03-02", null);
        employee("h2", 2, "engineer", "2025-01-01", "2025-04-01", null);
        employee("h3", 3, "engineer", "2025-01-01", null, "2025-05-31");
        employee("h4", 6, "engineer", "2025-01-01", "2025-05-01", null);
        employee("h5", 7, "engineer", "2025-01-01", "2025-06-30", null);
        employee("h6", 8, "engineer", "2025-01-01", "2025-01-21", null);
        employee("h7", null, "engineer", "2025-01-01", null, null);
        // attrition, hires of 2024 (role support)
        employee("s1", 1, "support", "2024-01-01", null, "2024-03-01");
        employee("s2", 2, "support", "2024-01-01", null, "2024-10-01");
        employee("s3", 3, "support", "2024-01-01", null, null);
        employee("s4", 6, "support", "2024-01-01", null, "2024-06-01");
        employee("s5", 7, "support", "2024-01-01", null, "2026-06-01");
        employee("s6", 8, "support", "2024-01-01", null, null);
        employee("s7", 9, "support", "2024-01-01", null, null);
        employee("s8", 10, "support", "2024-01-01", null, "2024-12-01");
        // CRM, 2025
        contact("k1", 1, "credence", "certified-data-steward", null);
        contact("k2", 9, "Credence", "Certified Data Steward", null);
        contact("k3", 11, "credence", "cloud-basics", null);
        contact("k6", 6, null, null, "credence");
        contact("k7", null, "linkedin", "certified-data-steward", null);
        opportunity("o1", "k1", "1000", "EUR", "2025-02-01", "won");
        opportunity("o2", "k1", "3000", "EUR", "2025-03-01", "won");
        opportunity("o3", "k1", "500", "EUR", "2025-03-01", "open");
        opportunity("o4", "k3", "4000", "EUR", "2025-03-01", "won");
        opportunity("o5", "k3", "6000", "EUR", "2025-07-01", "won");
        opportunity("o6", "k6", "1000", "EUR", "2025-02-01", "won");
        opportunity("o7", "k6", "2000", "EUR", "2025-02-01", "lost");
        opportunity("o8", "k6", "700", "EUR", "2025-02-01", "open");
        opportunity("o9", "k7", "500", "EUR", "2025-02-01", "won");
        opportunity("o10", "k7", "9999", "USD", "2025-02-01", "won");
        opportunity("o11", null, "100", "USD", "2025-02-01", "open");
        return this;
    }

    static String email(int p) {
        return "p" + p + "@example.org";
    }

    long person(int p) {
        return server.credence.jdbi().withHandle(h -> h.createQuery("""
                INSERT INTO outcome_person (tenant_id, email_hash, external_id) VALUES (:t, :hash, :ext)
                ON CONFLICT (tenant_id, external_id) DO UPDATE SET external_id = excluded.external_id RETURNING id""")
                .bind("t", tenant).bind("hash", Issuance.emailHash(email(p))).bind("ext", "ext-" + p).mapTo(Long.class).one());
    }

    /** Erases p as the GDPR erasure does: keys gone, what they earned kept. */
    void erase(int p) {
        server.sql("""
                INSERT INTO outcome_person_earning (tenant_id, person_id, achievement_id, first_issued_at)
                SELECT p.tenant_id, p.id, c.achievement_id, min(c.issued_at) FROM outcome_person p
                JOIN credential c ON c.tenant_id = p.tenant_id AND c.recipient_email_hash = p.email_hash
                WHERE p.tenant_id = ? AND p.external_id = ? GROUP BY 1, 2, 3""", tenant, "ext-" + p);
        server.sql("UPDATE outcome_person SET email_hash = NULL, external_id = NULL, erased_at = now() WHERE tenant_id = ? AND external_id = ?",
                tenant, "ext-" + p);
    }

    private Long personId(Integer p) {
        return p == null ? null : person(p);
    }

    void credential(int p, long achievement, String issuedAt) {
        var issued = server.send("POST", "/api/v1/credentials", key, "{\"achievementId\": " + achievement + ", \"issuedAt\": \"" + issuedAt
                + "\", \"notify\": false, \"recipient\": {\"name\": \"P " + p + "\", \"email\": \"" + email(p) + "\"}}");
        if (issued.status() != 201) {
            throw new IllegalStateException(issued.body());
        }
    }

    void course(String course, long achievement) {
        server.sql("INSERT INTO course_achievement (tenant_id, course_id, achievement_id) VALUES (?, ?, ?)", tenant, course, achievement);
    }

    void enrol(String id, Integer p, String course, String enrolled, String completed) {
        server.sql("""
                INSERT INTO lms_enrolment (tenant_id, source, source_id, person_id, course_id, enrolled_at, completed_at)
                VALUES (?, 'moodle', ?, ?, ?, (CAST(? AS date) + time '00:00') AT TIME ZONE 'UTC', (CAST(? AS date) + time '00:00') AT TIME ZONE 'UTC')""", tenant, id, personId(p), course, enrolled, completed);
    }

    void revenue(String id, int p, long achievement, String kind, String booked) {
        server.sql("""
                INSERT INTO revenue_line (tenant_id, source, source_id, achievement_id, person_id, kind, amount, currency, booked_on)
                VALUES (?, 'shop', ?, ?, ?, ?, 100, 'EUR', CAST(? AS date))""", tenant, id, achievement, person(p), kind, booked);
    }

    void employee(String id, Integer p, String role, String hired, String productive, String terminated) {
        server.sql("""
                INSERT INTO hris_employee (tenant_id, source, source_id, person_id, role, hired_on, productive_on, terminated_on)
                VALUES (?, 'hris', ?, ?, ?, CAST(? AS date), CAST(? AS date), CAST(? AS date))""", tenant, id, personId(p), role, hired, productive,
                terminated);
    }

    void contact(String id, Integer p, String utmSource, String utmCampaign, String leadSource) {
        server.sql("""
                INSERT INTO crm_contact (tenant_id, source, source_id, person_id, lead_source, utm_source, utm_campaign, created_at)
                VALUES (?, 'sf', ?, ?, ?, ?, ?, '2025-01-01T00:00:00Z')""", tenant, id, personId(p), leadSource, utmSource, utmCampaign);
    }

    void opportunity(String id, String contact, String amount, String currency, String created, String outcome) {
        server.sql("""
                INSERT INTO crm_opportunity (tenant_id, source, source_id, contact_source_id, amount, currency, created_at, outcome)
                VALUES (?, 'sf', ?, ?, CAST(? AS numeric), ?, (CAST(? AS date) + time '00:00') AT TIME ZONE 'UTC', ?)""", tenant, id, contact, amount, currency, created, outcome);
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
