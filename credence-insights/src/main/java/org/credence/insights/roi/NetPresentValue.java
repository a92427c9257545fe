package org.credence.insights.roi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Net present value of an upfront cost and monthly net flows at an annual discount rate r.
 *
 * <p>Two conventions, both stated next to the figure:
 * <ul>
 *   <li>{@link Convention#YEAR_END} (the default, the one a finance spreadsheet's NPV over yearly
 *       totals gives): each year's twelve monthly flows are summed and discounted as one flow at the
 *       end of that year. NPV = −upfront + Σ_y (Σ flows of year y) ÷ (1 + r)^y. Upfront €60,000 and
 *       €5,000 a month over 3 years at 10 % gives −60,000 + 60,000 × (1/1.1 + 1/1.1² + 1/1.1³) = €89,211.12.</li>
 *   <li>{@link Convention#MONTHLY}: each month's flow discounted at its own month end at the equivalent
 *       monthly rate i = (1 + r)^(1/12) − 1: NPV = −upfront + Σₘ flowₘ ÷ (1 + i)ᵐ. The same example gives
 *       €95,932.51; money arriving earlier is worth more, so this is the higher of the two.</li>
 * </ul>
 */
public final class NetPresentValue {

    /** When the monthly flows are taken to arrive, for discounting. */
    public enum Convention {
        /** A year's flows summed and discounted at the year's end. */
        YEAR_END,
        /** Each month's flow discounted at the month's end at the equivalent monthly rate. */
        MONTHLY
    }

    private NetPresentValue() {
    }

    /** NPV of a constant monthly flow over {@code years} years, year-end convention, to the cent. */
    public static BigDecimal of(BigDecimal upfront, BigDecimal monthlyNet, BigDecimal annualRate, int years) {
        return of(upfront, monthlyNet, annualRate, years, Convention.YEAR_END);
    }

    /** NPV of a constant monthly flow over {@code years} years, to the cent. */
    public static BigDecimal of(BigDecimal upfront, BigDecimal monthlyNet, BigDecimal annualRate, int years,
            Convention convention) {
        if (years < 1) {
            throw new IllegalArgumentException("an NPV needs at least one year, got " + years);
        }
        return ofFlows(upfront, Collections.nCopies(years * 12, monthlyNet), annualRate, convention);
    }

    /**
     * NPV of monthly flows (month 1 first), to the cent. Under {@link Convention#YEAR_END} a last,
     * incomplete year is discounted at the end of that year.
     */
    public static BigDecimal ofFlows(BigDecimal upfront, List<BigDecimal> monthlyFlows, BigDecimal annualRate,
            Convention convention) {
        Money.requireNonNegative("upfront cost", upfront);
        Money.requireNonNegative("annual discount rate", annualRate);
        BigDecimal onePlusRate = BigDecimal.ONE.add(annualRate);
        BigDecimal total = upfront.negate();
        if (convention == Convention.YEAR_END) {
            List<BigDecimal> yearly = new ArrayList<>();
            for (int month = 0; month < monthlyFlows.size(); month++) {
                if (month % 12 == 0) {
                    yearly.add(BigDecimal.ZERO);
                }
                yearly.set(month / 12, yearly.get(month / 12).add(monthlyFlows.get(month)));
            }
            for (int year = 1; year <= yearly.size(); year++) {
                total = total.add(yearly.get(year - 1).divide(onePlusRate.pow(year), Money.PRECISION));
            }
        } else {
            double monthlyFactor = 1 + monthlyRate(annualRate);
            for (int month = 1; month <= monthlyFlows.size(); month++) {
                BigDecimal discount = BigDecimal.valueOf(Math.pow(monthlyFactor, -month));
                total = total.add(monthlyFlows.get(month - 1).multiply(discount, Money.PRECISION));
            }
        }
        return Money.cents(total);
    }

    /** i = (1 + r)^(1/12) − 1: the monthly rate that compounds to the annual rate r. */
    static double monthlyRate(BigDecimal annualRate) {
        return Math.pow(1 + annualRate.doubleValue(), 1.0 / 12) - 1;
    }
}
