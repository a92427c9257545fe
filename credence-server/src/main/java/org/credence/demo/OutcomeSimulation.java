package org.credence.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.credence.credential.ShareLinks;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The demo tenant's outcome data (ROI layers 4 and 5), written after its credentials: LMS enrolments with a pre-launch
 * baseline and a post-launch uplift, CRM contacts and opportunities (some contacts are recipients, some arrived by a
 * credential link), HRIS employees with ramp-up times and leavers, and renewal revenue lines. Every row is flagged
 * simulated and belongs to a simulated import per kind. A pure function of the settings and the credentials issued.
 */
final class OutcomeSimulation {
    private static final String[] ROLES = {"analyst", "engineer", "consultant"};
    private static final String[] LEAD_SOURCES = {"web", "event", "partner"};
    private static final int BATCH = 5_000;
    private final UniformRandomProvider random;
    private final LocalDate start;
    private final LocalDate end;
    private final long tenant;

    private OutcomeSimulation(SimulationSettings settings, long tenant) {
        // a stream of its own, so the credentials and events stay what they were before outcome data existed
        this.random = RandomSource.XO_RO_SHI_RO_128_PP.create(settings.seed() ^ 0x07c0ae5L);
        this.start = settings.start();
        this.end = settings.end();
        this.tenant = tenant;
    }

    /** One recipient: their e-mail hash and what they earned. */
    private record Earner(String emailHash, List<Earned> credentials) {}

    private record Earned(long achievementId, Instant issuedAt, Instant expiresAt) {}

    /** Writes the outcome data of the demo tenant {@code tenant}; returns the rows written. */
    static long load(Jdbi jdbi, long tenant, SimulationSettings settings) {
        return jdbi.inTransaction(h -> new OutcomeSimulation(settings, tenant).write(h));
    }

    private long write(Handle h) {
        List<Earner> earners = new ArrayList<>();
        h.createQuery("""
                        SELECT recipient_email_hash, achievement_id, issued_at, expires_at FROM credential
                        WHERE tenant_id = :tenant ORDER BY recipient_email_hash, achievement_id""")
                .bind("tenant", tenant)
                .map((rs, ctx) -> new Object[] {rs.getString(1), new Earned(rs.getLong(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant())})
                .forEach(row -> {
                    String hash = (String) row[0];
                    if (earners.isEmpty() || !earners.get(earners.size() - 1).emailHash().equals(hash)) {
                        earners.add(new Earner(hash, new ArrayList<>()));
                    }
                    earners.get(earners.size() - 1).credentials().add((Earned) row[1]);
                });
        Map<Long, String> achievements = h.createQuery("SELECT id, name FROM achievement WHERE tenant_id = :tenant ORDER BY id")
                .bind("tenant", tenant).map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
        List<Long> achievementIds = new ArrayList<>(achievements.keySet());
        // the offer started a third of the way in: the months before are the baseline
        LocalDate launch = start.plusMonths(Math.max(1, ChronoUnit.MONTHS.between(start, end) / 3));
        for (int i = 0; i < achievementIds.size(); i++) {
            h.createUpdate("""
                            INSERT INTO achievement_program (tenant_id, achievement_id, launched_on, study_design, updated_by)
                            VALUES (:tenant, :achievement, :launched, :design, 'demo-simulator')""")
                    .bind("tenant", tenant).bind("achievement", achievementIds.get(i)).bind("launched", launch)
                    .bind("design", i == 0 ? "before_after" : "observational").execute();
            h.createUpdate("INSERT INTO course_achievement (tenant_id, course_id, achievement_id) VALUES (:tenant, :course, :achievement)")
                    .bind("tenant", tenant).bind("course", "course-" + (i + 1)).bind("achievement", achievementIds.get(i)).execute();
        }
        long lms = importRow(h, "lms_enrolment", "demo-lms");
        long crm = importRow(h, "crm_contact", "demo-crm");
        long opportunities = importRow(h, "crm_opportunity", "demo-crm");
        long hris = importRow(h, "hris_employee", "demo-hris");
        long revenue = importRow(h, "revenue_line", "demo-shop");

        // people: every recipient, and twice as many who never earned a credential
        int others = 2 * earners.size();
        PreparedBatch people = h.prepareBatch("INSERT INTO outcome_person (tenant_id, email_hash, external_id, simulated) VALUES (:tenant, :hash, :ext, true)");
        for (Earner earner : earners) {
            people.bind("tenant", tenant).bind("hash", earner.emailHash()).bind("ext", (String) null).add();
        }
        for (int i = 0; i < others; i++) {
            people.bind("tenant", tenant).bind("hash", (String) null).bind("ext", "learner-" + i).add();
        }
        people.execute();
        // ids in insertion order: the earners first (in the order above), then the others; arrays, not maps, so a
        // million-credential demo needs a few megabytes here
        long[] ids = h.createQuery("SELECT id FROM outcome_person WHERE tenant_id = :tenant ORDER BY id")
                .bind("tenant", tenant).mapTo(Long.class).stream().mapToLong(Long::longValue).toArray();

        Rows rows = new Rows(h);
        for (int e = 0; e < earners.size(); e++) {
            Earner earner = earners.get(e);
            long person = ids[e];
            Instant firstIssued = earner.credentials().get(0).issuedAt();
            for (Earned earned : earner.credentials()) {
                int course = achievementIds.indexOf(earned.achievementId()) + 1;
                Instant completed = earned.issuedAt().minus(days(0, 5));
                Instant enrolled = completed.minus(days(20, 90));
                rows.enrolment(lms, person, "course-" + course, enrolled, completed);
                reEnrol(rows, lms, person, completed, 0.38);
                if (earned.expiresAt() != null && random.nextDouble() < 0.45) {
                    LocalDate booked = date(earned.expiresAt().minus(days(0, 80)));
                    if (booked.isBefore(end)) {
                        rows.renewal(revenue, person, earned.achievementId(), booked);
                    }
                }
            }
            business(rows, crm, opportunities, person, firstIssued, 0.22, true, achievements);
            employee(rows, hris, person, firstIssued.minus(days(0, 60)), true);
        }
        for (int i = 0; i < others; i++) {
            long person = ids[earners.size() + i];
            Instant enrolled = instant(start).plus(days(0, (int) ChronoUnit.DAYS.between(start, end)));
            boolean mapped = random.nextDouble() < 0.7;
            String course = mapped ? "course-" + (1 + random.nextInt(achievementIds.size())) : "elective-" + (1 + random.nextInt(2));
            boolean afterLaunch = !date(enrolled).isBefore(launch);
            double completes = !mapped ? 0.38 : afterLaunch ? 0.58 : 0.28;
            Instant completed = random.nextDouble() < completes ? enrolled.plus(days(10, 120)) : null;
            rows.enrolment(lms, person, course, enrolled, completed);
            if (completed != null) {
                reEnrol(rows, lms, person, completed, 0.22);
            }
            business(rows, crm, opportunities, person, enrolled, 0.30, false, achievements);
            employee(rows, hris, person, enrolled.minus(days(0, 400)), false);
        }
        rows.flush();
        h.createUpdate("""
                        UPDATE outcome_import i SET finished_at = i.started_at, rows_total = n.total, rows_upserted = n.total,
                               rows_with_person = n.total, rows_matched = n.matched
                        FROM (SELECT import_id, count(*) AS total, count(*) FILTER (WHERE matched) AS matched FROM (
                                  SELECT e.import_id, p.email_hash IS NOT NULL AS matched FROM lms_enrolment e
                                      JOIN outcome_person p ON p.id = e.person_id WHERE e.tenant_id = :tenant
                                  UNION ALL SELECT c.import_id, p.email_hash IS NOT NULL FROM crm_contact c
                                      JOIN outcome_person p ON p.id = c.person_id WHERE c.tenant_id = :tenant
                                  UNION ALL SELECT o.import_id, false FROM crm_opportunity o WHERE o.tenant_id = :tenant
                                  UNION ALL SELECT e.import_id, p.email_hash IS NOT NULL FROM hris_employee e
                                      JOIN outcome_person p ON p.id = e.person_id WHERE e.tenant_id = :tenant
                                  UNION ALL SELECT r.import_id, true FROM revenue_line r WHERE r.tenant_id = :tenant) x
                              GROUP BY import_id) n
                        WHERE i.id = n.import_id""")
                .bind("tenant", tenant).execute();
        return rows.written;
    }

    /** Sometimes enrols the person in an elective within the follow-up window after a completion. */
    private void reEnrol(Rows rows, long lms, long person, Instant completed, double probability) {
        if (random.nextDouble() < probability) {
            rows.enrolment(lms, person, "elective-" + (1 + random.nextInt(2)), completed.plus(days(5, 170)), null);
        }
    }

    /** A CRM contact for some people, with their opportunities: credential holders win a little more often and a little more. */
    private void business(Rows rows, long crm, long opportunities, long person, Instant around, double probability, boolean earner,
                          Map<Long, String> achievements) {
        if (random.nextDouble() >= probability) {
            return;
        }
        String contact = "contact-" + person;
        Instant created = clamp(around.plus(days(-120, 150)));
        boolean referral = earner ? random.nextDouble() < 0.08 : random.nextDouble() < 0.02;
        List<Long> ids = new ArrayList<>(achievements.keySet());
        long achievement = ids.get(random.nextInt(ids.size()));
        rows.contact(crm, contact, person, created, referral ? "credence" : null,
                referral ? ShareLinks.campaign(achievements.get(achievement), achievement) : null,
                referral ? null : LEAD_SOURCES[random.nextInt(LEAD_SOURCES.length)]);
        int count = random.nextInt(4);
        SharedStateContinuousSampler amount = LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(random), earner ? 9.25 : 9.0, 0.6);
        for (int i = 0; i < count; i++) {
            Instant opened = created.plus(days(0, 200));
            if (!opened.isBefore(instant(end))) {
                continue;
            }
            boolean recent = ChronoUnit.DAYS.between(date(opened), end) < 60;
            double u = random.nextDouble();
            String outcome = recent && u < 0.6 ? "open" : u < (earner ? 0.42 : 0.30) ? "won" : u < 0.85 ? "lost" : "open";
            boolean nok = random.nextDouble() < 0.15;
            BigDecimal value = BigDecimal.valueOf(amount.sample() * (nok ? 11 : 1)).setScale(2, RoundingMode.HALF_UP);
            rows.opportunity(opportunities, contact + "-" + i, contact, value, nok ? "NOK" : "EUR", opened,
                    outcome.equals("open") ? null : opened.plus(days(10, 60)), outcome);
        }
    }

    /** An employee record for some people: credential holders ramp up a little faster and leave a little less often. */
    private void employee(Rows rows, long hris, long person, Instant hiredAround, boolean earner) {
        if (random.nextDouble() >= 0.35) {
            return;
        }
        LocalDate hired = date(hiredAround);
        if (!hired.isBefore(end)) {
            return;
        }
        int ramp = 20 + (int) AhrensDieterExponentialSampler.of(random, earner ? 60 : 80).sample();
        LocalDate productive = hired.plusDays(ramp);
        // monthly leaving hazard: the months until leaving are geometric
        double hazard = earner ? 0.015 : 0.025;
        int months = (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - hazard));
        LocalDate terminated = hired.plusMonths(months).plusDays(random.nextInt(28));
        if (!terminated.isBefore(end)) {
            terminated = null;
        }
        if (!productive.isBefore(end) || (terminated != null && !productive.isBefore(terminated))) {
            productive = null;
        }
        rows.employee(hris, "employee-" + person, person, ROLES[random.nextInt(ROLES.length)], hired, productive, terminated);
    }

    private long importRow(Handle h, String kind, String source) {
        return h.createQuery("""
                        INSERT INTO outcome_import (tenant_id, kind, source, format, imported_by, simulated)
                        VALUES (:tenant, :kind, :source, 'csv', 'demo-simulator', true) RETURNING id""")
                .bind("tenant", tenant).bind("kind", kind).bind("source", source).mapTo(Long.class).one();
    }

    private java.time.Duration days(int low, int high) {
        return java.time.Duration.ofSeconds((long) ((low + random.nextDouble() * (high - low)) * 86_400));
    }

    private Instant clamp(Instant at) {
        Instant first = instant(start);
        Instant last = instant(end).minusSeconds(1);
        return at.isBefore(first) ? first : at.isAfter(last) ? last : at;
    }

    private static Instant instant(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Batched inserts, one batch per table, flushed every {@link #BATCH} rows. */
    private final class Rows {
        private final Handle h;
        private final Map<String, PreparedBatch> batches = new java.util.LinkedHashMap<>();
        private final Map<String, Integer> pending = new java.util.HashMap<>();
        long written;

        Rows(Handle h) {
            this.h = h;
        }

        private void add(String sql, Function<PreparedBatch, PreparedBatch> binder) {
            PreparedBatch batch = batches.computeIfAbsent(sql, h::prepareBatch);
            binder.apply(batch.bind("tenant", tenant)).add();
            written++;
            if (pending.merge(sql, 1, Integer::sum) >= BATCH) {
                batch.execute();
                pending.put(sql, 0);
            }
        }

        void flush() {
            batches.forEach((sql, batch) -> {
                if (pending.getOrDefault(sql, 0) > 0) {
                    batch.execute();
                }
            });
        }

        void enrolment(long importId, long person, String course, Instant enrolled, Instant completed) {
            if (!enrolled.isBefore(instant(end))) {
                return;
            }
            Instant done = completed == null || !completed.isBefore(instant(end)) ? null : completed;
            add("""
                    INSERT INTO lms_enrolment (tenant_id, source, source_id, person_id, course_id, enrolled_at, completed_at, progress,
                                               import_id, simulated)
                    VALUES (:tenant, 'demo-lms', :id, :person, :course, :enrolled, :completed, :progress, :import, true)""",
                    b -> b.bind("id", "enrolment-" + written).bind("person", person).bind("course", course)
                            .bind("enrolled", Timestamp.from(enrolled)).bind("completed", done == null ? null : Timestamp.from(done))
                            .bind("progress", done == null ? BigDecimal.valueOf(random.nextInt(90)) : BigDecimal.valueOf(100)).bind("import", importId));
        }

        void contact(long importId, String id, long person, Instant created, String utmSource, String utmCampaign, String leadSource) {
            add("""
                    INSERT INTO crm_contact (tenant_id, source, source_id, person_id, lead_source, utm_source, utm_campaign, created_at, import_id,
                                             simulated)
                    VALUES (:tenant, 'demo-crm', :id, :person, :lead, :utmSource, :utmCampaign, :created, :import, true)""",
                    b -> b.bind("id", id).bind("person", person).bind("lead", leadSource).bind("utmSource", utmSource)
                            .bind("utmCampaign", utmCampaign).bind("created", Timestamp.from(created)).bind("import", importId));
        }

        void opportunity(long importId, String id, String contact, BigDecimal amount, String currency, Instant created, Instant closed,
                         String outcome) {
            add("""
                    INSERT INTO crm_opportunity (tenant_id, source, source_id, contact_source_id, stage, amount, currency, created_at,
                                                 closed_at, outcome, import_id, simulated)
                    VALUES (:tenant, 'demo-crm', :id, :contact, :stage, :amount, :currency, :created, :closed, :outcome, :import, true)""",
                    b -> b.bind("id", id).bind("contact", contact).bind("stage", outcome.equals("open") ? "proposal" : "closed")
                            .bind("amount", amount).bind("currency", currency).bind("created", Timestamp.from(created))
                            .bind("closed", closed == null || !closed.isBefore(instant(end)) ? null : Timestamp.from(closed))
                            .bind("outcome", outcome).bind("import", importId));
        }

        void employee(long importId, String id, long person, String role, LocalDate hired, LocalDate productive, LocalDate terminated) {
            add("""
                    INSERT INTO hris_employee (tenant_id, source, source_id, person_id, role, hired_on, productive_on, terminated_on, import_id,
                                               simulated)
                    VALUES (:tenant, 'demo-hris', :id, :person, :role, :hired, :productive, :terminated, :import, true)""",
                    b -> b.bind("id", id).bind("person", person).bind("role", role).bind("hired", hired).bind("productive", productive)
                            .bind("terminated", terminated).bind("import", importId));
        }

        void renewal(long importId, long person, long achievement, LocalDate booked) {
            add("""
                    INSERT INTO revenue_line (tenant_id, source, source_id, achievement_id, person_id, kind, amount, currency, booked_on,
                                              import_id, simulated)
                    VALUES (:tenant, 'demo-shop', :id, :achievement, :person, 'renewal', 150, 'EUR', :booked, :import, true)""",
                    b -> b.bind("id", "renewal-" + written).bind("achievement", achievement).bind("person", person).bind("booked", booked)
                            .bind("import", importId));
        }
    }
}
