package org.directbill.enrollment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.directbill.enrollment.domain.AgreementAcceptance;
import org.directbill.enrollment.domain.AttachmentInfo;
import org.directbill.enrollment.domain.Checklist;
import org.directbill.enrollment.domain.ChecklistItem;
import org.directbill.enrollment.domain.ChecklistMark;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.enrollment.domain.EnrollmentRecords;
import org.directbill.enrollment.domain.EnrollmentStatus;
import org.directbill.enrollment.domain.HistoryEntry;
import org.directbill.enrollment.domain.InfoRequest;
import org.directbill.enrollment.domain.Step;
import org.directbill.partner.domain.PartnerId;
import org.directbill.shared.problem.Conflict;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enrollments in JdbcClient: a change is written only over the version it was read at. */
@Repository
class JdbcEnrollmentRecords implements EnrollmentRecords {

    private static final String COLUMNS = "id, partner_id, market, status, version, policy_id, submitted_on,"
            + " evaluation_id, status_since, credit_limit_usd, checklist, agreement_version, accepted_at,"
            + " accepted_by, accepted_from, accepted_user_agent, created_at, created_by";

    private final JdbcClient jdbc;

    JdbcEnrollmentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Enrollment e) {
        try {
            jdbc.sql("INSERT INTO enrollment (" + COLUMNS + ", live_key) VALUES"
                            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values(e, e.version()))
                    .update();
        } catch (DuplicateKeyException live) {
            throw new Conflict("ENROLLMENT_EXISTS", e.market());
        }
    }

    @Override
    public Optional<Enrollment> find(EnrollmentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enrollment WHERE id = ?")
                .param(id.value())
                .query(JdbcEnrollmentRecords::enrollment)
                .optional();
    }

    @Override
    public Optional<Enrollment> update(Enrollment next) {
        long newVersion = next.version() + 1;
        List<Object> params = new ArrayList<>(values(next, newVersion).subList(1, 19));
        params.add(next.id().value());
        params.add(next.version());
        int rows = jdbc.sql("UPDATE enrollment SET partner_id = ?, market = ?, status = ?, version = ?, policy_id = ?,"
                        + " submitted_on = ?, evaluation_id = ?, status_since = ?, credit_limit_usd = ?,"
                        + " checklist = ?, agreement_version = ?, accepted_at = ?, accepted_by = ?,"
                        + " accepted_from = ?, accepted_user_agent = ?, created_at = ?, created_by = ?,"
                        + " live_key = ? WHERE id = ? AND version = ?")
                .params(params)
                .update();
        return rows == 1 ? Optional.of(next.atVersion(newVersion)) : Optional.empty();
    }

    @Override
    public void addHistory(EnrollmentId id, HistoryEntry entry) {
        jdbc.sql("INSERT INTO enrollment_history (enrollment_id, seq, step, status, at, by_user, note)"
                        + " SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ? FROM enrollment_history"
                        + " WHERE enrollment_id = ?")
                .params(
                        id.value(),
                        entry.step().name(),
                        entry.status().name(),
                        timestamp(entry.at()),
                        entry.by(),
                        entry.note(),
                        id.value())
                .update();
    }

    @Override
    public List<HistoryEntry> history(EnrollmentId id) {
        return jdbc.sql("SELECT step, status, at, by_user, note FROM enrollment_history WHERE enrollment_id = ?"
                        + " ORDER BY seq")
                .param(id.value())
                .query((rs, row) -> new HistoryEntry(
                        Step.valueOf(rs.getString("step")),
                        EnrollmentStatus.valueOf(rs.getString("status")),
                        instant(rs, "at"),
                        rs.getString("by_user"),
                        rs.getString("note")))
                .list();
    }

    @Override
    public List<Enrollment> ofPartner(PartnerId partner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM enrollment WHERE partner_id = ? ORDER BY created_at DESC, id")
                .param(partner.value())
                .query(JdbcEnrollmentRecords::enrollment)
                .list();
    }

    @Override
    public List<Enrollment> ofPartner(PartnerId partner, Set<EnrollmentStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM enrollment WHERE partner_id = :partner AND status IN (:statuses)"
                        + " ORDER BY created_at DESC, id")
                .param("partner", partner.value())
                .param("statuses", names(statuses))
                .query(JdbcEnrollmentRecords::enrollment)
                .list();
    }

    @Override
    public List<Enrollment> withStatus(Set<EnrollmentStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM enrollment WHERE status IN (:statuses) ORDER BY created_at, id")
                .param("statuses", names(statuses))
                .query(JdbcEnrollmentRecords::enrollment)
                .list();
    }

    @Override
    public void addInfoRequest(InfoRequest r) {
        jdbc.sql("INSERT INTO enrollment_info_request (id, enrollment_id, message, due_date, requested_at,"
                        + " requested_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.enrollmentId().value(),
                        r.message(),
                        r.dueDate(),
                        timestamp(r.requestedAt()),
                        r.requestedBy())
                .update();
    }

    @Override
    public List<InfoRequest> infoRequests(EnrollmentId id) {
        return requests("WHERE r.enrollment_id = ?", id.value());
    }

    @Override
    public Optional<InfoRequest> openInfoRequest(EnrollmentId id) {
        return requests("WHERE r.enrollment_id = ? AND r.answered_at IS NULL", id.value()).stream()
                .reduce((first, later) -> later);
    }

    @Override
    public List<InfoRequest> unansweredDueBy(LocalDate until) {
        return requests("WHERE r.answered_at IS NULL AND r.due_date <= ?", until);
    }

    @Override
    public void answer(UUID requestId, InfoRequest.Answer answer, List<AttachmentContent> files) {
        jdbc.sql("UPDATE enrollment_info_request SET answer = ?, answered_at = ?, answered_by = ? WHERE id = ?")
                .params(answer.message(), timestamp(answer.at()), answer.by(), requestId)
                .update();
        for (AttachmentContent file : files) {
            AttachmentInfo info = file.info();
            jdbc.sql("INSERT INTO enrollment_attachment (id, request_id, file_name, content_type, size_bytes,"
                            + " sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            info.id(),
                            requestId,
                            info.fileName(),
                            info.contentType(),
                            info.size(),
                            info.sha256(),
                            file.content())
                    .update();
        }
    }

    @Override
    public boolean markReminded(UUID requestId, LocalDate on) {
        return jdbc.sql("UPDATE enrollment_info_request SET reminded_on = ? WHERE id = ? AND reminded_on IS NULL")
                        .params(on, requestId)
                        .update()
                == 1;
    }

    @Override
    public Optional<AttachmentContent> attachment(EnrollmentId enrollment, UUID attachmentId) {
        return jdbc.sql("SELECT a.id, a.file_name, a.content_type, a.size_bytes, a.sha256, a.content"
                        + " FROM enrollment_attachment a JOIN enrollment_info_request r ON r.id = a.request_id"
                        + " WHERE a.id = ? AND r.enrollment_id = ?")
                .params(attachmentId, enrollment.value())
                .query((rs, row) -> new AttachmentContent(attachmentInfo(rs), rs.getBytes("content")))
                .optional();
    }

    private List<InfoRequest> requests(String where, Object parameter) {
        List<InfoRequest> requests = jdbc.sql("SELECT r.id, r.enrollment_id, r.message, r.due_date, r.requested_at,"
                        + " r.requested_by, r.reminded_on, r.answer, r.answered_at, r.answered_by"
                        + " FROM enrollment_info_request r " + where + " ORDER BY r.requested_at, r.id")
                .param(parameter)
                .query((rs, row) -> new InfoRequest(
                        rs.getObject("id", UUID.class),
                        new EnrollmentId(rs.getObject("enrollment_id", UUID.class)),
                        rs.getString("message"),
                        rs.getObject("due_date", LocalDate.class),
                        instant(rs, "requested_at"),
                        rs.getString("requested_by"),
                        rs.getObject("reminded_on", LocalDate.class),
                        rs.getString("answered_by") == null
                                ? null
                                : new InfoRequest.Answer(
                                        rs.getString("answer"),
                                        instant(rs, "answered_at"),
                                        rs.getString("answered_by"),
                                        List.of())))
                .list();
        List<UUID> answered = requests.stream()
                .filter(InfoRequest::answered)
                .map(InfoRequest::id)
                .toList();
        if (answered.isEmpty()) {
            return requests;
        }
        Map<UUID, List<AttachmentInfo>> files = new LinkedHashMap<>();
        jdbc.sql("SELECT id, request_id, file_name, content_type, size_bytes, sha256 FROM enrollment_attachment"
                        + " WHERE request_id IN (:ids) ORDER BY file_name, id")
                .param("ids", answered)
                .query((rs, row) -> Map.entry(rs.getObject("request_id", UUID.class), attachmentInfo(rs)))
                .list()
                .forEach(entry -> files.computeIfAbsent(entry.getKey(), key -> new ArrayList<>())
                        .add(entry.getValue()));
        return requests.stream()
                .map(r -> r.answered()
                        ? new InfoRequest(
                                r.id(),
                                r.enrollmentId(),
                                r.message(),
                                r.dueDate(),
                                r.requestedAt(),
                                r.requestedBy(),
                                r.remindedOn(),
                                new InfoRequest.Answer(
                                        r.answer().message(),
                                        r.answer().at(),
                                        r.answer().by(),
                                        files.getOrDefault(r.id(), List.of())))
                        : r)
                .toList();
    }

    private static AttachmentInfo attachmentInfo(ResultSet rs) throws SQLException {
        return new AttachmentInfo(
                rs.getObject("id", UUID.class),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"));
    }

    private static List<Object> values(Enrollment e, long version) {
        AgreementAcceptance a = e.acceptance();
        List<Object> values = new ArrayList<>();
        values.add(e.id().value());
        values.add(e.partnerId().value());
        values.add(e.market());
        values.add(e.status().name());
        values.add(version);
        values.add(e.policyId());
        values.add(e.submittedOn());
        values.add(e.evaluationId());
        values.add(e.statusSince());
        values.add(e.creditLimitUsd());
        values.add(checklist(e.checklist()));
        values.add(a == null ? null : a.version());
        values.add(a == null ? null : timestamp(a.at()));
        values.add(a == null ? null : a.by());
        values.add(a == null ? null : a.fromAddress());
        values.add(a == null ? null : a.userAgent());
        values.add(timestamp(e.createdAt()));
        values.add(e.createdBy());
        values.add(e.status().ended() ? null : e.partnerId() + ":" + e.market());
        return values;
    }

    private static Enrollment enrollment(ResultSet rs, int row) throws SQLException {
        String agreementVersion = rs.getString("agreement_version");
        return new Enrollment(
                new EnrollmentId(rs.getObject("id", UUID.class)),
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                rs.getString("market"),
                EnrollmentStatus.valueOf(rs.getString("status")),
                rs.getLong("version"),
                rs.getString("policy_id"),
                rs.getObject("submitted_on", LocalDate.class),
                rs.getObject("evaluation_id", UUID.class),
                rs.getObject("status_since", LocalDate.class),
                rs.getBigDecimal("credit_limit_usd"),
                checklist(rs.getString("checklist")),
                agreementVersion == null
                        ? null
                        : new AgreementAcceptance(
                                agreementVersion,
                                instant(rs, "accepted_at"),
                                rs.getString("accepted_by"),
                                rs.getString("accepted_from"),
                                rs.getString("accepted_user_agent")),
                instant(rs, "created_at"),
                rs.getString("created_by"));
    }

    private static String checklist(Checklist checklist) {
        return checklist.marks().entrySet().stream()
                .map(entry -> entry.getKey().name() + "=" + entry.getValue().name())
                .collect(Collectors.joining(","));
    }

    private static Checklist checklist(@Nullable String stored) {
        Map<ChecklistItem, ChecklistMark> marks = new EnumMap<>(ChecklistItem.class);
        if (stored != null && !stored.isBlank()) {
            for (String pair : stored.split(",")) {
                String[] parts = pair.split("=", 2);
                marks.put(ChecklistItem.valueOf(parts[0]), ChecklistMark.valueOf(parts[1]));
            }
        }
        return new Checklist(marks);
    }

    private static List<String> names(Set<EnrollmentStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
