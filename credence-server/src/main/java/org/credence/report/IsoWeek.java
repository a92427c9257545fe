package org.credence.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/**
 * An ISO 8601 week, written {@code 2026-W48}: Monday to Sunday, the first week of a year being
 * the one with its first Thursday. The period of the weekly report.
 */
public record IsoWeek(int year, int week) {
    private static final Pattern TEXT = Pattern.compile("(2\\d{3})-W(\\d{2})");

    public IsoWeek {
        if (year < 2000 || year > 2999 || week < 1 || week > weeksIn(year)) {
            throw new DomainException.InvalidInput("week", ErrorText.of("report.week_missing", "week", week, "year", year, "weeks", weeksIn(year)));
        }
    }

    /** Reads {@code 2026-W48} exactly. */
    public static IsoWeek parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            throw new DomainException.InvalidInput("week", ErrorText.of("report.week_invalid", "value", (text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "…" : text)));
        }
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The week {@code day} falls in. */
    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public IsoWeek previous() {
        return of(monday().minusDays(1));
    }

    public ReportPeriod period() {
        return new ReportPeriod(monday(), sunday(), toString());
    }

    private static int weeksIn(int year) {
        return (int) LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    @Override
    public String toString() {
        return String.format("%d-W%02d", year, week);
    }
}
