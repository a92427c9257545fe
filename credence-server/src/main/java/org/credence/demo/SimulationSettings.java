package org.credence.demo;

import java.time.LocalDate;

/**
 * What to simulate. The same settings always give the same data, so benchmarks and screenshots repeat.
 *
 * @param seed the random seed
 * @param recipients how many people earn credentials (some earn several)
 * @param months how many months of history, ending at {@code end}
 * @param end the last simulated day (exclusive)
 */
public record SimulationSettings(long seed, int recipients, int months, LocalDate end) {
    public SimulationSettings {
        if (recipients < 1 || recipients > 10_000_000) {
            throw new IllegalArgumentException("recipients must be between 1 and 10,000,000, not " + recipients);
        }
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("months must be between 1 and 120, not " + months);
        }
    }

    /** The demo's defaults: a few thousand recipients over a year. */
    public static SimulationSettings demo(LocalDate end) {
        return new SimulationSettings(2026, 3_000, 12, end);
    }

    public LocalDate start() {
        return end.minusMonths(months);
    }
}
