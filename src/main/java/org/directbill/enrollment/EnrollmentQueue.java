package org.directbill.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.EnrollmentRecords;
import org.directbill.enrollment.domain.EnrollmentStatus;
import org.directbill.enrollment.domain.InfoRequest;
import org.directbill.enrollment.domain.ServiceLevel;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.Role;
import org.directbill.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations queue: enrollments waiting on someone, overdue first, then by the time left on
 * their service level. Program roles only.
 */
@Service
@Transactional(readOnly = true)
public class EnrollmentQueue {

    /** What the queue shows when no status is asked for: everything on its way to ACTIVE. */
    public static final Set<EnrollmentStatus> WAITING = EnumSet.of(
            EnrollmentStatus.IN_REVIEW,
            EnrollmentStatus.INFO_REQUESTED,
            EnrollmentStatus.CREDIT_CHECK,
            EnrollmentStatus.CREDIT_APPROVED);

    private final EnrollmentRecords records;
    private final PartnerDirectory directory;
    private final Clock clock;

    EnrollmentQueue(EnrollmentRecords records, PartnerDirectory directory, Clock clock) {
        this.records = records;
        this.directory = directory;
        this.clock = clock;
    }

    /** One line of the queue. */
    public record Entry(
            Enrollment enrollment,
            String legalName,
            @Nullable ServiceLevel serviceLevel,
            boolean overdue,
            LocalDate asOf) {}

    public Page<Entry> list(Set<EnrollmentStatus> statuses, @Nullable Boolean overdue, Page.Request page) {
        Callers.requireStaff(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST);
        LocalDate today = LocalDate.now(clock);
        Map<PartnerId, String> names = new HashMap<>();
        List<Entry> entries = records.withStatus(statuses.isEmpty() ? WAITING : statuses).stream()
                .map(enrollment -> {
                    InfoRequest open = enrollment.status() == EnrollmentStatus.INFO_REQUESTED
                            ? records.openInfoRequest(enrollment.id()).orElse(null)
                            : null;
                    ServiceLevel level = ServiceLevel.of(enrollment, open).orElse(null);
                    String name = names.computeIfAbsent(
                            enrollment.partnerId(),
                            id -> directory.get(id).partner().legalName());
                    return new Entry(enrollment, name, level, level != null && level.overdue(today), today);
                })
                .filter(entry -> overdue == null || entry.overdue() == overdue)
                .sorted(Comparator.comparing(Entry::overdue)
                        .reversed()
                        .thenComparing(
                                entry -> entry.serviceLevel() == null
                                        ? null
                                        : entry.serviceLevel().deadline(),
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(entry -> entry.enrollment().createdAt()))
                .toList();
        int from = (int) Math.min(entries.size(), page.offset());
        int to = Math.min(entries.size(), from + page.size());
        return new Page<>(entries.subList(from, to), page.page(), page.size(), entries.size());
    }
}
