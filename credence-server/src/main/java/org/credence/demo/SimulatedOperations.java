package org.credence.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.credence.achievement.Achievement;
import org.credence.analytics.SupportTickets;
import org.credence.analytics.costs.CostCategory;
import org.credence.analytics.costs.CostDraft;
import org.credence.analytics.costs.ProgramCostLedger;

/**
 * The demo's operations data, all simulated and labelled so: a program-cost ledger over the
 * simulated months (a platform licence, design per achievement, delivery, exam administration,
 * staff hours), support tickets per day, and the time from each completion to its credential.
 * Seeded, so one seed gives one demo.
 */
final class SimulatedOperations {
    static final String NOTE = "simulated";
    private static final String CURRENCY = "EUR";

    private SimulatedOperations() {}

    /**
     * How long after its completion a simulated credential was issued: log-normal, a median of
     * about 12 minutes with a long tail of manual batches (a few days for the slowest percent).
     */
    static Duration requestLag(long seed, long index) {
        double z = new SplittableRandom(seed * 1_000_003L + index).nextGaussian();
        return Duration.ofSeconds(Math.max(5, Math.round(60 * Math.exp(2.5 + 1.5 * z))));
    }

    /** Enters the ledger lines and support tickets of the simulated period through the ledger and ticket services. */
    static void load(ProgramCostLedger ledger, SupportTickets tickets, long tenantId, String actor, List<Achievement> achievements,
                     SimulationSettings settings, Clock clock) {
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x0905L);
        LocalDate start = settings.start();
        LocalDate end = settings.end();
        ledger.create(tenantId, actor, line(null, CostCategory.PLATFORM, start, end.minusDays(1), money(9_600),
                "Credence hosting and support for the period, " + NOTE));
        for (Achievement a : achievements) {
            ledger.create(tenantId, actor, line(a.id(), CostCategory.DESIGN, start, null, money(1_800 + random.nextInt(1_500)),
                    "Badge and certificate design for " + a.name() + ", " + NOTE));
        }
        for (LocalDate month = start; month.isBefore(end); month = month.plusMonths(1)) {
            LocalDate last = month.plusMonths(1).isBefore(end) ? month.plusMonths(1).minusDays(1) : end.minusDays(1);
            ledger.create(tenantId, actor, line(null, CostCategory.DELIVERY, month, last, money(60 + random.nextInt(60)),
                    "Mail delivery service, " + NOTE));
            for (Achievement a : achievements) {
                ledger.create(tenantId, actor, line(a.id(), CostCategory.EXAM_ADMINISTRATION, month, last, money(250 + random.nextInt(650)),
                        "Proctoring and exam fees, " + NOTE));
            }
            ledger.create(tenantId, actor, new CostDraft(null, CostCategory.STAFF, last, null, null, CURRENCY,
                    BigDecimal.valueOf(12 + random.nextInt(20)), BigDecimal.valueOf(58), "Program coordinator hours, " + NOTE));
        }
        List<SupportTickets.Count> counts = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (LocalDate day = start; day.isBefore(end) && !day.isAfter(today); day = day.plusDays(1)) {
            // roughly two tickets a working day by e-mail, fewer by phone and chat, none at weekends
            if (day.getDayOfWeek().getValue() <= 5) {
                counts.add(new SupportTickets.Count(day, "email", random.nextInt(5)));
                if (random.nextInt(3) == 0) {
                    counts.add(new SupportTickets.Count(day, random.nextBoolean() ? "phone" : "chat", 1 + random.nextInt(2)));
                }
            }
        }
        for (int from = 0; from < counts.size(); from += 5_000) {
            tickets.record(tenantId, actor, counts.subList(from, Math.min(counts.size(), from + 5_000)));
        }
    }

    private static CostDraft line(Long achievement, CostCategory category, LocalDate on, LocalDate until, BigDecimal amount, String note) {
        return new CostDraft(achievement, category, on, until, amount, CURRENCY, null, null, note);
    }

    private static BigDecimal money(long amount) {
        return BigDecimal.valueOf(amount);
    }
}
