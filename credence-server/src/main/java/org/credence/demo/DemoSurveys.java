package org.credence.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.credence.issuance.Issuance;
import org.jdbi.v3.core.Handle;

/**
 * Simulated post-completion surveys for the demo tenant: one survey per achievement (saved switched off, so the
 * scan never mails a simulated recipient), earners invited at 6 and 12 months up to the simulation's end, a
 * sample of 60 invented non-completers per achievement, and answers drawn from the seed. Every row is simulated.
 */
final class DemoSurveys {
    private static final int NON_COMPLETERS = 60;

    private record Earner(UUID credentialId, long achievementId, Instant issuedAt) {}

    private DemoSurveys() {}

    static void load(Handle h, long tenantId, long seed, LocalDate end) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED5A7L);
        Instant until = end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Long> achievements = h.createQuery("SELECT id FROM achievement WHERE tenant_id = :tenant ORDER BY id")
                .bind("tenant", tenantId).mapTo(Long.class).list();
        for (long achievement : achievements) {
            h.createUpdate("""
                            INSERT INTO survey (tenant_id, achievement_id, enabled, updated_by, updated_at, simulated)
                            VALUES (:tenant, :achievement, false, 'demo-simulator', :at, true)
                            """)
                    .bind("tenant", tenantId).bind("achievement", achievement).bind("at", Timestamp.from(until)).execute();
        }
        // ordered by what the simulation decides (issue time, address), not by random ids, so the draws repeat with the seed
        List<Earner> earners = h.createQuery("""
                        SELECT id, achievement_id, issued_at
                          FROM credential
                         WHERE tenant_id = :tenant
                         ORDER BY issued_at, recipient_email
                        """)
                .bind("tenant", tenantId)
                .map((rs, ctx) -> new Earner(rs.getObject("id", UUID.class), rs.getLong("achievement_id"), rs.getTimestamp("issued_at").toInstant()))
                .list();
        for (Earner e : earners) {
            for (int month : new int[] {6, 12}) {
                Instant invited = e.issuedAt().atOffset(ZoneOffset.UTC).plusMonths(month).toInstant();
                if (invited.isBefore(until)) {
                    long id = invite(h, tenantId, e.achievementId(), month, "earner", e.credentialId(), null, null, invited);
                    maybeAnswer(h, tenantId, id, invited, random, 0.42, true);
                }
            }
        }
        for (long achievement : achievements) {
            Instant invited = until.minus(Duration.ofDays(60));
            long sample = h.createUpdate("""
                            INSERT INTO survey_sample (tenant_id, achievement_id, wave_month, listed, excluded, sample_size, seed, created_by, created_at)
                            VALUES (:tenant, :achievement, 6, :listed, 0, :size, :seed, 'demo-simulator', :at)
                            """)
                    .bind("tenant", tenantId).bind("achievement", achievement).bind("listed", NON_COMPLETERS * 4).bind("size", NON_COMPLETERS)
                    .bind("seed", seed).bind("at", Timestamp.from(invited)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (int i = 0; i < NON_COMPLETERS; i++) {
                // the wave has closed: like a real one, it keeps only the address's hash
                String hash = Issuance.emailHash("non-completer-" + achievement + "-" + i + "@demo.example");
                long id = invite(h, tenantId, achievement, 6, "non_completer", null, sample, hash, invited);
                maybeAnswer(h, tenantId, id, invited, random, 0.22, false);
            }
        }
    }

    private static long invite(Handle h, long tenantId, long achievement, int month, String cohort, UUID credential, Long sample, String hash,
                               Instant invited) {
        return h.createUpdate("""
                        INSERT INTO survey_invitation (tenant_id, achievement_id, wave_month, cohort, credential_id, sample_id, email_hash, language,
                                                       invited_at, closes_at, reminded_at, simulated)
                        VALUES (:tenant, :achievement, :month, :cohort, CAST(:credential AS UUID), :sample, :hash, 'en', :invited, :closes, :reminded, true)
                        """)
                .bind("tenant", tenantId).bind("achievement", achievement).bind("month", month).bind("cohort", cohort)
                .bind("credential", credential).bind("sample", sample).bind("hash", hash).bind("invited", Timestamp.from(invited))
                .bind("closes", Timestamp.from(invited.plus(Duration.ofDays(30)))).bind("reminded", Timestamp.from(invited.plus(Duration.ofDays(7))))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Earners are happier and apply more than non-completers; about half of respondents give the three Phillips estimates. */
    private static void maybeAnswer(Handle h, long tenantId, long invitation, Instant invited, SplittableRandom random, double responseRate,
                                    boolean earner) {
        if (random.nextDouble() >= responseRate) {
            return;
        }
        int satisfaction = Math.min(5, Math.max(1, (int) Math.round((earner ? 4.1 : 3.2) + random.nextGaussian())));
        double r = random.nextDouble();
        String skill = r < (earner ? 0.55 : 0.25) ? "yes" : r < (earner ? 0.85 : 0.55) ? "partly" : "no";
        List<String> career = new ArrayList<>();
        for (String outcome : new String[] {"promotion", "raise", "new_job", "new_responsibilities"}) {
            if (random.nextDouble() < (earner ? 0.14 : 0.07)) {
                career.add(outcome);
            }
        }
        if (career.isEmpty()) {
            career.add("none");
        }
        boolean estimates = random.nextDouble() < 0.5;
        Instant answered = invited.plus(random.nextInt(1, 20), ChronoUnit.DAYS);
        BigDecimal impact = estimates ? BigDecimal.valueOf(Math.round(Math.exp(8.3 + 0.8 * random.nextGaussian()) / 100) * 100) : null;
        h.createUpdate("""
                        INSERT INTO survey_answer (invitation_id, tenant_id, satisfaction, skill_applied, career_outcomes, monetary_impact,
                                                   attribution_pct, confidence_pct, answered_at, simulated)
                        VALUES (:invitation, :tenant, :satisfaction, :skill, :career, :impact, :attribution, :confidence, :at, true)
                        """)
                .bind("invitation", invitation).bind("tenant", tenantId).bind("satisfaction", satisfaction).bind("skill", skill)
                .bindArray("career", String.class, career).bind("impact", impact)
                .bind("attribution", estimates ? Integer.valueOf(10 + 10 * random.nextInt(7)) : null)
                .bind("confidence", estimates ? Integer.valueOf(50 + 10 * random.nextInt(5)) : null)
                .bind("at", Timestamp.from(answered)).execute();
        h.createUpdate("UPDATE survey_invitation SET answered_at = :at WHERE tenant_id = :tenant AND id = :id")
                .bind("at", Timestamp.from(answered)).bind("tenant", tenantId).bind("id", invitation).execute();
    }
}
