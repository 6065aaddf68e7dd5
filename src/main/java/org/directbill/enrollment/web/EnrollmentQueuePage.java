package org.directbill.enrollment.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.directbill.enrollment.EnrollmentQueue;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.EnrollmentStatus;
import org.directbill.shared.Page;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operations queue (program roles): the enrollments waiting on someone, overdue first, then by
 * the time left on their service level; one status, or the overdue ones only, on request.
 */
@PageController
class EnrollmentQueuePage {

    private static final int PAGE_SIZE = 25;

    private final EnrollmentQueue queue;
    private final EnrollmentWords words;

    EnrollmentQueuePage(EnrollmentQueue queue, EnrollmentWords words) {
        this.queue = queue;
        this.words = words;
    }

    /** One line of the queue. */
    record Line(
            String id,
            String partnerId,
            String legalName,
            String market,
            EnrollmentWords.Status status,
            String since,
            EnrollmentWords.@Nullable Deadline deadline) {}

    @GetMapping("/enrollments")
    String queue(
            @RequestParam(required = false) @Nullable EnrollmentStatus status,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Set<EnrollmentStatus> statuses = status == null ? EnumSet.noneOf(EnrollmentStatus.class) : EnumSet.of(status);
        Page<EnrollmentQueue.Entry> entries =
                queue.list(statuses, overdue ? Boolean.TRUE : null, Page.Request.of(Math.max(page, 0), PAGE_SIZE));
        List<Line> lines = entries.items().stream()
                .map(entry -> {
                    Enrollment e = entry.enrollment();
                    return new Line(
                            e.id().toString(),
                            e.partnerId().toString(),
                            entry.legalName(),
                            words.market(e.market()),
                            words.status(e.status()),
                            e.statusSince().toString(),
                            words.deadline(entry.serviceLevel(), entry.asOf()));
                })
                .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("entries", entries);
        model.addAttribute("status", status);
        model.addAttribute("overdue", overdue);
        model.addAttribute(
                "statuses",
                List.of(EnrollmentStatus.values()).stream().map(words::status).toList());
        return "enrollment/queue";
    }
}
