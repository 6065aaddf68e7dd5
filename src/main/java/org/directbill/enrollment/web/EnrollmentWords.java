package org.directbill.enrollment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.directbill.enrollment.domain.EnrollmentStatus;
import org.directbill.enrollment.domain.ServiceLevel;
import org.directbill.enrollment.domain.Step;
import org.directbill.policy.domain.ReasonArguments;
import org.directbill.policy.domain.RequirementResult;
import org.directbill.policy.web.MarketOptions;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The enrollment said in the reader's language: statuses and steps in words (never {@code
 * CREDIT_CHECK}), markets by name, times in UTC, and the time left on a service level in business days.
 */
@Component
class EnrollmentWords {

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Localized localized;

    EnrollmentWords(Localized localized) {
        this.localized = localized;
    }

    /** A status as a badge: its words, and a class for its colour. */
    record Status(String code, String text, String css) {}

    /**
     * A service level as operations read it.
     *
     * @param left the business days left ("3 business days left"), or how late it is
     */
    record Deadline(String kind, LocalDate deadline, String left, boolean overdue) {}

    /** A requirement that stops a step, with its reason. */
    record Unmet(String code, String name, String status, String reason) {}

    Status status(EnrollmentStatus status) {
        return new Status(
                status.name(),
                localized.text("enrollment.status." + status.name()),
                "enrollment-" + status.name().toLowerCase(Locale.ROOT));
    }

    String step(Step step) {
        return localized.text("enrollment.step." + step.name());
    }

    /** "France (FR)" in the reader's language. */
    String market(String code) {
        return MarketOptions.name(code, LocaleContextHolder.getLocale()) + " (" + code + ")";
    }

    /** "France" alone, for sentences that name the market. */
    String marketName(String code) {
        return MarketOptions.name(code, LocaleContextHolder.getLocale());
    }

    String time(Instant at) {
        return MINUTES.format(at) + " UTC";
    }

    @Nullable
    Deadline deadline(@Nullable ServiceLevel level, LocalDate today) {
        if (level == null) {
            return null;
        }
        int left = level.businessDaysLeft(today);
        boolean overdue = level.overdue(today);
        return new Deadline(
                localized.text("enrollment.sla." + level.kind().name()),
                level.deadline(),
                overdue
                        ? localized.text("enrollment.sla.overdue", Math.max(0, -left))
                        : localized.text("enrollment.sla.left", Math.max(0, left)),
                overdue);
    }

    List<Unmet> unmet(List<RequirementResult> results) {
        return results.stream()
                .map(result -> new Unmet(
                        result.code().name(),
                        localized.text("requirement.code." + result.code().name()),
                        localized.text("requirement.status." + result.status().name()),
                        localized.text(
                                "requirement.reason." + result.reason(),
                                ReasonArguments.forMessage(result.reasonArguments()))))
                .toList();
    }
}
