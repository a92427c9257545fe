package org.credence.report;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/**
 * A calendar quarter, written {@code 2026Q3}: the period of the board report.
 *
 * @param year    2000 to 2999
 * @param quarter 1 to 4
 */
public record Quarter(int year, int quarter) {
    private static final Pattern TEXT = Pattern.compile("(2\\d{3})Q([1-4])");

    public Quarter {
        if (year < 2000 || year > 2999 || quarter < 1 || quarter > 4) {
            throw new DomainException.InvalidInput("quarter", ErrorText.of("report.quarter_range"));
        }
    }

    /** Reads {@code 2026Q3} exactly: no spaces, a capital Q, nothing else. */
    public static Quarter parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new DomainException.InvalidInput("quarter", ErrorText.of("report.quarter_invalid", "value", (text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "…" : text)));
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The quarter {@code day} falls in. */
    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate first() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate last() {
        return first().plusMonths(3).minusDays(1);
    }

    public Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    /** The period as sections read it. */
    public ReportPeriod period() {
        return new ReportPeriod(first(), last(), toString());
    }

    @Override
    public String toString() {
        return year + "Q" + quarter;
    }
}
