package org.credence.insights.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm–Bonferroni adjusted p-values (Holm 1979, Scand J Statist 6:65) for a family of m tests
 * made together — several segments compared at once — so that "one of them came out
 * significant" is not read as a finding when it is what chance alone gives one time in three.
 * <pre>
 *   sort p ascending: p(1) ≤ … ≤ p(m)
 *   adjusted p(i) = max over j ≤ i of min(1, (m − j + 1) × p(j))
 * </pre>
 * Controls the family-wise error rate like Bonferroni, and is never less powerful.
 */
public final class Holm {

    private Holm() {
    }

    /** The adjusted p-values, in the order the raw ones were given. */
    public static double[] adjust(double... pValues) {
        int m = pValues.length;
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a p-value (" + p + ") must be between 0 and 1");
            }
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int index = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
            adjusted[index] = running;
        }
        return adjusted;
    }
}
