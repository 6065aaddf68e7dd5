package org.directbill.enrollment.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Monday to Friday (domain.md, "Dates and boundaries"); public holidays are not known to the program. */
public final class BusinessDays {

    private BusinessDays() {}

    public static boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The date {@code days} business days after {@code start} (a Friday plus one is the Monday). */
    public static LocalDate plus(LocalDate start, int days) {
        LocalDate date = start;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                left--;
            }
        }
        return date;
    }

    /**
     * Business days from {@code from} (exclusive) to {@code to} (inclusive); negative when {@code to}
     * is earlier: how many are left until a deadline, or how many it is past.
     */
    public static int between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -between(to, from);
        }
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isBusinessDay(date)) {
                count++;
            }
        }
        return count;
    }
}
