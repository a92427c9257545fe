package org.credence.insights.stats;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * The smallest true difference a comparison of this size would detect with 80 % power at
 * α = 5 % two-sided: below it, "no significant difference" says little, because a real
 * difference of that size would be missed more than one time in five.
 *
 * <p>For two proportions with group sizes n₁, n₂ and the reference group's rate p₂, the
 * difference d is the root of (the unequal-n form of {@link SampleSize}'s formula)
 * <pre>
 *   d = z(1−α/2) × √(p̄ q̄ (1/n₁ + 1/n₂)) + z(1−β) × √(p₁q₁/n₁ + p₂q₂/n₂),
 *   p₁ = p₂ + d,  p̄ = (n₁p₁ + n₂p₂)/(n₁ + n₂)
 * </pre>
 * solved with Brent's method (Commons Numbers) in the direction asked for, or the other one when
 * nothing in that direction is detectable. For two means it is d = (z(1−α/2) + z(1−β)) × √(1/n₁ + 1/n₂) in standard-deviation
 * units, times the pooled standard deviation in the data's units (normal approximation).
 *
 * @param absolute     the difference in the data's units (a proportion for rates); null when no
 *                     difference within the possible range can be detected at this n
 * @param standardized the difference in standard deviations (means only), else null
 */
public record MinimumDetectableEffect(Double absolute, Double standardized) {

    private static final BrentSolver SOLVER = new BrentSolver(1e-10, 1e-12, 1e-14);

    /** At 80 % power and α = 5 % two-sided. */
    public static MinimumDetectableEffect forProportions(long n1, long n2, double baselineRate) {
        return forProportions(n1, n2, baselineRate, SampleSize.ALPHA, SampleSize.POWER);
    }

    /**
     * At 80 % power and α = 5 % two-sided, in the direction of an observed difference: a change
     * toward 0 % or 100 % is easier to detect than one of the same size toward 50 %, where the
     * variance is largest.
     *
     * @param decrease whether to look for a decrease first (the observed rate is below the baseline)
     */
    public static MinimumDetectableEffect forProportions(long n1, long n2, double baselineRate, boolean decrease) {
        return forProportions(n1, n2, baselineRate, SampleSize.ALPHA, SampleSize.POWER, decrease);
    }

    /**
     * The minimum detectable difference in proportion for groups of {@code n1} and {@code n2}
     * when the reference group's rate is {@code baselineRate}: an increase, or a decrease when no
     * increase is detectable.
     */
    public static MinimumDetectableEffect forProportions(long n1, long n2, double baselineRate, double alpha,
            double power) {
        return forProportions(n1, n2, baselineRate, alpha, power, false);
    }

    private static MinimumDetectableEffect forProportions(long n1, long n2, double baselineRate, double alpha,
            double power, boolean decreaseFirst) {
        requireSizes(n1, n2);
        SampleSize.requireRate("baseline rate", baselineRate);
        double zAlpha = SampleSize.zAlpha(alpha);
        double zPower = SampleSize.zPower(power);
        int first = decreaseFirst ? -1 : +1;
        Double preferred = solve(n1, n2, baselineRate, first, zAlpha, zPower);
        if (preferred != null) {
            return new MinimumDetectableEffect(preferred, null);
        }
        return new MinimumDetectableEffect(solve(n1, n2, baselineRate, -first, zAlpha, zPower), null);
    }

    /** At 80 % power and α = 5 % two-sided; {@code pooledSd} in the data's units. */
    public static MinimumDetectableEffect forMeans(long n1, long n2, double pooledSd) {
        requireSizes(n1, n2);
        if (!(pooledSd >= 0) || Double.isInfinite(pooledSd)) {
            throw new IllegalArgumentException("standard deviation (" + pooledSd + ") must be a finite number ≥ 0");
        }
        double standardized = (SampleSize.zAlpha(SampleSize.ALPHA) + SampleSize.zPower(SampleSize.POWER))
                * Math.sqrt(1.0 / n1 + 1.0 / n2);
        return new MinimumDetectableEffect(standardized * pooledSd, standardized);
    }

    /**
     * (z(1−α/2) + z(1−β)) × SE at 80 % power and α = 5 %: the normal-approximation minimum
     * detectable difference for an estimate whose standard error is known (a bootstrap one, say).
     */
    public static MinimumDetectableEffect fromStandardError(double standardError) {
        if (!(standardError >= 0) || Double.isInfinite(standardError)) {
            throw new IllegalArgumentException("standard error (" + standardError + ") must be a finite number ≥ 0");
        }
        return new MinimumDetectableEffect(
                (SampleSize.zAlpha(SampleSize.ALPHA) + SampleSize.zPower(SampleSize.POWER)) * standardError, null);
    }

    /** √(((n₁ − 1)s₁² + (n₂ − 1)s₂²) / (n₁ + n₂ − 2)): the standard deviation both groups share. */
    public static double pooledSd(double sd1, long n1, double sd2, long n2) {
        if (n1 + n2 <= 2) {
            return Math.sqrt((sd1 * sd1 + sd2 * sd2) / 2);
        }
        return Math.sqrt(((n1 - 1) * sd1 * sd1 + (n2 - 1) * sd2 * sd2) / (n1 + n2 - 2));
    }

    private static Double solve(long n1, long n2, double p2, int sign, double zAlpha, double zPower) {
        double room = sign > 0 ? 1 - p2 : p2;
        if (!(room > 0)) {
            return null;
        }
        double inverseSum = 1.0 / n1 + 1.0 / n2;
        DoubleUnaryOperator shortfall = d -> {
            double p1 = p2 + sign * d;
            double pooled = (n1 * p1 + n2 * p2) / (n1 + n2);
            double needed = zAlpha * Math.sqrt(pooled * (1 - pooled) * inverseSum)
                    + zPower * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
            return d - needed;
        };
        // shortfall(0) < 0; detectable within range only if the largest possible difference suffices.
        if (shortfall.applyAsDouble(room) < 0) {
            return null;
        }
        return SOLVER.findRoot(shortfall, 0, room);
    }

    private static void requireSizes(long n1, long n2) {
        if (n1 < 1 || n2 < 1) {
            throw new IllegalArgumentException("group sizes (" + n1 + ", " + n2 + ") must be at least 1");
        }
    }
}
