package org.directbill.revenue.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A run of calendar days with no publication of a currency, longer than a weekend and a holiday
 * together: more than {@value #MAX_QUIET_DAYS} days. Such a run leaves billing dates without a
 * usable rate sooner or later, so the coverage page shows it.
 */
public record Gap(LocalDate from, LocalDate to) {

    public static final int MAX_QUIET_DAYS = 4;

    public Gap {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a gap ends on or after it starts");
        }
    }

    /** The days strictly between two consecutive publications, when there are too many of them. */
    public static Optional<Gap> between(LocalDate previous, LocalDate next) {
        long quietDays = ChronoUnit.DAYS.between(previous, next) - 1;
        return quietDays > MAX_QUIET_DAYS
                ? Optional.of(new Gap(previous.plusDays(1), next.minusDays(1)))
                : Optional.empty();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
