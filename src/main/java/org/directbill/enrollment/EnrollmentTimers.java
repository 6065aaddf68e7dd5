package org.directbill.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.EnrollmentRecords;
import org.directbill.enrollment.domain.EnrollmentStatus;
import org.directbill.enrollment.domain.InfoRequest;
import org.directbill.enrollment.domain.Step;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the calendar does to enrollments (domain.md, step 3): an unanswered information request is
 * reminded {@value InfoRequest#REMINDER_DAYS_BEFORE} days before its due date, and the day after it
 * the enrollment is withdrawn and the partner told. {@link #run} does everything due on or before
 * an as-of date; running it again for the same date changes nothing. Each enrollment is handled in
 * its own transaction, so one that fails (or that someone changed meanwhile) does not hold up the rest.
 */
@Service
public class EnrollmentTimers {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentTimers.class);

    private final EnrollmentRecords records;
    private final EnrollmentWorkflow workflow;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EnrollmentTimers(
            EnrollmentRecords records, EnrollmentWorkflow workflow, TransactionTemplate transactions, Clock clock) {
        this.records = records;
        this.workflow = workflow;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a run did. */
    public record Run(LocalDate asOf, int reminded, int withdrawn) {}

    /** The run a program admin asks for (the daily job runs {@link #run} for today). */
    public Run runAsProgramAdmin(LocalDate asOf) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        return run(asOf);
    }

    /** Today's run, for the scheduler. */
    public Run runToday() {
        return run(LocalDate.now(clock));
    }

    public Run run(LocalDate asOf) {
        int reminded = 0;
        int withdrawn = 0;
        for (InfoRequest request : records.unansweredDueBy(asOf.plusDays(InfoRequest.REMINDER_DAYS_BEFORE))) {
            try {
                Integer outcome = transactions.execute(status -> handle(request, asOf));
                if (outcome != null && outcome == 1) {
                    reminded++;
                } else if (outcome != null && outcome == 2) {
                    withdrawn++;
                }
            } catch (RuntimeException failed) {
                log.warn(
                        "Enrollment {}: information request {} not handled on {}",
                        request.enrollmentId(),
                        request.id(),
                        asOf,
                        failed);
            }
        }
        return new Run(asOf, reminded, withdrawn);
    }

    /** 1 when reminded, 2 when withdrawn, 0 when nothing was due. */
    private int handle(InfoRequest request, LocalDate asOf) {
        Enrollment enrollment = records.find(request.enrollmentId()).orElse(null);
        if (enrollment == null || enrollment.status() != EnrollmentStatus.INFO_REQUESTED) {
            return 0;
        }
        if (request.pastDue(asOf)) {
            Enrollment withdrawn = workflow.save(
                    enrollment,
                    enrollment.expire(asOf),
                    Step.EXPIRE,
                    "INFO_REQUEST_PAST_DUE",
                    EnrollmentWorkflow.SYSTEM);
            workflow.notice(
                    withdrawn,
                    "ENROLLMENT_WITHDRAWN_PAST_DUE",
                    "withdrawn-past-due:" + request.id(),
                    request.dueDate());
            return 2;
        }
        if (request.reminderDue(asOf) && records.markReminded(request.id(), asOf)) {
            workflow.notice(
                    enrollment,
                    "ENROLLMENT_INFO_REMINDER",
                    "info-reminder:" + request.id(),
                    request.dueDate(),
                    request.message());
            return 1;
        }
        return 0;
    }
}
