package org.credence.insights.roi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalInt;

/**
 * How many months until an upfront cost is earned back by a steady net monthly flow.
 *
 * <ul>
 *   <li>Simple: the smallest whole month m with m × monthly ≥ upfront (⌈upfront ÷ monthly⌉).</li>
 *   <li>Discounted: the smallest m with Σₖ₌₁..ₘ monthly ÷ (1 + i)ᵏ ≥ upfront, where i = (1 + r)^(1/12) − 1
 *       is the monthly rate equivalent to the annual rate r, and each month's flow arrives at its end.</li>
 * </ul>
 * Empty ("never") when the monthly flow is not positive, or when the discounted flows never add up
 * to the upfront cost within {@value #HORIZON_MONTHS} months (a perpetuity worth less than the cost).
 *
 * @param upfront          the cost at month 0
 * @param monthlyNet       the net flow each month (benefits − running costs)
 * @param annualRate       r, e.g. 0.10
 * @param simpleMonths     simple payback in whole months
 * @param discountedMonths discounted payback in whole months
 */
public record Payback(BigDecimal upfront, BigDecimal monthlyNet, BigDecimal annualRate, OptionalInt simpleMonths,
        OptionalInt discountedMonths) {

    /** The longest payback looked for: 100 years. */
    public static final int HORIZON_MONTHS = 1200;

    /** Simple and discounted payback of {@code upfront} from {@code monthlyNet} at {@code annualRate}. */
    public static Payback of(BigDecimal upfront, BigDecimal monthlyNet, BigDecimal annualRate) {
        Money.requireNonNegative("upfront cost", upfront);
        Money.requireNonNegative("annual discount rate", annualRate);
        if (monthlyNet == null) {
            throw new IllegalArgumentException("a payback needs the net monthly flow");
        }
        if (upfront.signum() == 0) {
            return new Payback(upfront, monthlyNet, annualRate, OptionalInt.of(0), OptionalInt.of(0));
        }
        if (monthlyNet.signum() <= 0) {
            return new Payback(upfront, monthlyNet, annualRate, OptionalInt.empty(), OptionalInt.empty());
        }
        int simple = upfront.divide(monthlyNet, 0, RoundingMode.CEILING).intValueExact();
        double monthlyRate = NetPresentValue.monthlyRate(annualRate);
        double target = upfront.doubleValue();
        double flow = monthlyNet.doubleValue();
        double cumulative = 0;
        double factor = 1;
        OptionalInt discounted = OptionalInt.empty();
        for (int month = 1; month <= HORIZON_MONTHS; month++) {
            factor /= 1 + monthlyRate;
            cumulative += flow * factor;
            if (cumulative >= target - 1e-9) { // a cent's rounding must not add a month
                discounted = OptionalInt.of(month);
                break;
            }
        }
        return new Payback(upfront, monthlyNet, annualRate,
                simple <= HORIZON_MONTHS ? OptionalInt.of(simple) : OptionalInt.empty(), discounted);
    }
}
