package org.credence.insights.operations;

import java.util.Map;

/**
 * How many distinct recipients a HyperLogLog sketch of 512 registers has seen (Flajolet et al. 2007,
 * with the linear-counting correction for small sets): a register holds the largest rank (position
 * of the first 1 bit) among the hashes that chose it. The standard error is 1.04 / √512 ≈ 4.6 %.
 * Migration V24 computes registers and ranks in the database; this only estimates.
 */
public final class RecipientSketch {
    /** Registers in the sketch. */
    public static final int REGISTERS = 512;
    /** The estimate's relative standard error. */
    public static final double STANDARD_ERROR = 1.04 / Math.sqrt(REGISTERS);

    private RecipientSketch() {
    }

    /** The estimated count from {@code ranks} by register (a register not present holds 0). */
    public static long estimate(Map<Integer, Long> ranks) {
        double alpha = 0.7213 / (1 + 1.079 / REGISTERS);
        double sum = 0;
        int zeros = 0;
        for (int register = 0; register < REGISTERS; register++) {
            long rank = ranks.getOrDefault(register, 0L);
            sum += Math.pow(2, -rank);
            if (rank == 0) {
                zeros++;
            }
        }
        double raw = alpha * REGISTERS * REGISTERS / sum;
        if (raw <= 2.5 * REGISTERS && zeros > 0) {
            return Math.round(REGISTERS * Math.log((double) REGISTERS / zeros));
        }
        return Math.round(raw);
    }
}
