package org.directbill.enrollment.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.directbill.enrollment.EnrollmentView;
import org.directbill.enrollment.domain.AgreementAcceptance;
import org.directbill.enrollment.domain.AttachmentInfo;
import org.directbill.enrollment.domain.ChecklistItem;
import org.directbill.enrollment.domain.ChecklistMark;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.HistoryEntry;
import org.directbill.enrollment.domain.InfoRequest;
import org.directbill.enrollment.domain.ServiceLevel;
import org.directbill.policy.api.EvaluationResponse;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;

/** An enrollment as the API shows it (api.md, {@code GET /enrollments/{id}}), with what it adds. */
public record EnrollmentResponse(
        String id,
        String partnerId,
        String market,
        String status,
        long version,
        @Nullable String policyId,
        @Nullable LocalDate submittedOn,
        LocalDate statusSince,
        @Nullable String creditLimitUsd,
        Map<String, @Nullable String> checklist,
        @Nullable ServiceLevelResponse serviceLevel,
        @Nullable AgreementResponse agreement,
        List<InfoRequestResponse> infoRequests,
        @Nullable EvaluationResponse evaluation,
        List<HistoryResponse> history,
        List<String> actions) {

    public record ServiceLevelResponse(String kind, LocalDate deadline, int businessDaysLeft, boolean overdue) {
        static @Nullable ServiceLevelResponse of(@Nullable ServiceLevel level, LocalDate today) {
            return level == null
                    ? null
                    : new ServiceLevelResponse(
                            level.kind().name(), level.deadline(), level.businessDaysLeft(today), level.overdue(today));
        }
    }

    public record AgreementResponse(String version, Instant acceptedAt, String acceptedBy, String acceptedFrom) {
        static @Nullable AgreementResponse of(@Nullable AgreementAcceptance acceptance) {
            return acceptance == null
                    ? null
                    : new AgreementResponse(
                            acceptance.version(), acceptance.at(), acceptance.by(), acceptance.fromAddress());
        }
    }

    public record AttachmentResponse(String id, String fileName, String contentType, long size, String href) {}

    public record AnswerResponse(String message, Instant at, String by, List<AttachmentResponse> attachments) {}

    public record InfoRequestResponse(
            String id,
            String message,
            LocalDate dueDate,
            Instant requestedAt,
            String requestedBy,
            @Nullable LocalDate remindedOn,
            @Nullable AnswerResponse answer) {}

    public record HistoryResponse(
            String step,
            String status,
            Instant at,
            String by,
            @Nullable String note) {
        static HistoryResponse of(HistoryEntry entry) {
            return new HistoryResponse(
                    entry.step().name(), entry.status().name(), entry.at(), entry.by(), entry.note());
        }
    }

    public static EnrollmentResponse of(EnrollmentView view, Localized localized) {
        Enrollment e = view.enrollment();
        Map<String, @Nullable String> checklist = new LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            ChecklistMark mark = e.checklist().mark(item);
            checklist.put(item.name(), mark == null ? null : mark.name());
        }
        return new EnrollmentResponse(
                e.id().toString(),
                e.partnerId().toString(),
                e.market(),
                e.status().name(),
                e.version(),
                e.policyId(),
                e.submittedOn(),
                e.statusSince(),
                e.creditLimitUsd() == null ? null : e.creditLimitUsd().toPlainString(),
                checklist,
                ServiceLevelResponse.of(view.serviceLevel(), view.today()),
                AgreementResponse.of(e.acceptance()),
                view.infoRequests().stream().map(r -> request(e, r)).toList(),
                view.evaluation() == null ? null : EvaluationResponse.of(view.evaluation(), localized),
                view.history().stream().map(HistoryResponse::of).toList(),
                view.allowedSteps().stream().map(Enum::name).toList());
    }

    private static InfoRequestResponse request(Enrollment e, InfoRequest r) {
        InfoRequest.Answer answer = r.answer();
        return new InfoRequestResponse(
                r.id().toString(),
                r.message(),
                r.dueDate(),
                r.requestedAt(),
                r.requestedBy(),
                r.remindedOn(),
                answer == null
                        ? null
                        : new AnswerResponse(
                                answer.message(),
                                answer.at(),
                                answer.by(),
                                answer.attachments().stream()
                                        .map(file -> attachment(e, file))
                                        .toList()));
    }

    private static AttachmentResponse attachment(Enrollment e, AttachmentInfo file) {
        return new AttachmentResponse(
                file.id().toString(),
                file.fileName(),
                file.contentType(),
                file.size(),
                "/api/v1/enrollments/" + e.id() + "/attachments/" + file.id());
    }
}
