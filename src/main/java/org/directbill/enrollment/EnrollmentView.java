package org.directbill.enrollment;

import java.time.LocalDate;
import java.util.List;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.HistoryEntry;
import org.directbill.enrollment.domain.InfoRequest;
import org.directbill.enrollment.domain.ServiceLevel;
import org.directbill.enrollment.domain.Step;
import org.directbill.policy.domain.Evaluation;
import org.jspecify.annotations.Nullable;

/**
 * An enrollment with its history, information requests, the evaluation made at submission, the
 * service level running, and the steps the reader may take now.
 */
public record EnrollmentView(
        Enrollment enrollment,
        List<HistoryEntry> history,
        List<InfoRequest> infoRequests,
        @Nullable Evaluation evaluation,
        @Nullable ServiceLevel serviceLevel,
        List<Step> allowedSteps,
        LocalDate today) {}
