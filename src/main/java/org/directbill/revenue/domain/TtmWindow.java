package org.directbill.revenue.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The complete calendar months a trailing-twelve-month revenue covers, first and last included
 * (domain.md, TTM step 2). The ledger is refreshed on the refresh day of each month up to the
 * previous month: from that day on the window ends with the previous month, before it with the
 * month before that.
 */
public record TtmWindow(YearMonth start, YearMonth end) {

    public static final int DEFAULT_MONTHS = 12;
    public static final int DEFAULT_REFRESH_DAY = 8;

    public TtmWindow {
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a window ends on or after its start: " + start + " … " + end);
        }
    }

    /** The window as of a date with the defaults: 12 months, refreshed on day 8. */
    public static TtmWindow asOf(LocalDate asOf) {
        return asOf(asOf, DEFAULT_MONTHS, DEFAULT_REFRESH_DAY);
    }

    /**
     * The {@code months} months ending with the month before {@code asOf}'s month when its day of
     * month is at least {@code refreshDay}, else with the month two months before.
     */
    public static TtmWindow asOf(LocalDate asOf, int months, int refreshDay) {
        requireValid(months, refreshDay);
        YearMonth current = YearMonth.from(asOf);
        YearMonth end = asOf.getDayOfMonth() >= refreshDay ? current.minusMonths(1) : current.minusMonths(2);
        return new TtmWindow(end.minusMonths(months - 1L), end);
    }

    static void requireValid(int months, int refreshDay) {
        if (months < 1) {
            throw new IllegalArgumentException("a window has at least one month: " + months);
        }
        if (refreshDay < 1 || refreshDay > 31) {
            throw new IllegalArgumentException("a refresh day is a day of month, 1 to 31: " + refreshDay);
        }
    }

    /** Whether a line billed on this date falls into the window (the month of its billing date). */
    public boolean contains(LocalDate billingDate) {
        YearMonth month = YearMonth.from(billingDate);
        return !month.isBefore(start) && !month.isAfter(end);
    }

    /** Every month of the window, oldest first. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = start; !month.isAfter(end); month = month.plusMonths(1)) {
            months.add(month);
        }
        return List.copyOf(months);
    }

    /** The first day billed in the window, for a query on billing dates. */
    public LocalDate firstDay() {
        return start.atDay(1);
    }

    /** The last day billed in the window, for a query on billing dates. */
    public LocalDate lastDay() {
        return end.atEndOfMonth();
    }
}
