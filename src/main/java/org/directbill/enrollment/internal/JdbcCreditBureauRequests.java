package org.directbill.enrollment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.directbill.enrollment.domain.CreditBureauRequest;
import org.directbill.enrollment.domain.CreditBureauRequest.Status;
import org.directbill.enrollment.domain.CreditBureauRequestRecords;
import org.directbill.enrollment.domain.CreditCheckRequest;
import org.directbill.enrollment.domain.EnrollmentId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The credit bureau outbox in JdbcClient: every change is conditional on the attempts it read. */
@Repository
class JdbcCreditBureauRequests implements CreditBureauRequestRecords {

    private static final int MAX_ERROR = 1000;

    private static final String COLUMNS =
            "payload, status, attempts, next_attempt_at, reference, last_error, created_at, sent_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcCreditBureauRequests(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void add(CreditCheckRequest request, Instant now) {
        jdbc.sql("INSERT INTO credit_bureau_request (id, enrollment_id, payload, status, attempts, next_attempt_at,"
                        + " created_at) VALUES (?, ?, ?, ?, 0, ?, ?)")
                .params(
                        request.requestId(),
                        request.enrollmentId().value(),
                        json.writeValueAsString(CreditCheckRequestJson.of(request)),
                        Status.PENDING.name(),
                        timestamp(now),
                        timestamp(now))
                .update();
    }

    @Override
    public List<CreditBureauRequest> due(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_bureau_request WHERE status = ? AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at, created_at, id LIMIT ?")
                .params(Status.PENDING.name(), timestamp(now), limit)
                .query(this::request)
                .list();
    }

    @Override
    public boolean claim(UUID id, int attemptsRead, Instant now, Instant heldUntil) {
        return jdbc.sql("UPDATE credit_bureau_request SET attempts = attempts + 1, next_attempt_at = ?"
                                + " WHERE id = ? AND status = ? AND attempts = ? AND next_attempt_at <= ?")
                        .params(timestamp(heldUntil), id, Status.PENDING.name(), attemptsRead, timestamp(now))
                        .update()
                == 1;
    }

    @Override
    public void sent(UUID id, int attempts, @Nullable String reference, Instant at) {
        jdbc.sql("UPDATE credit_bureau_request SET status = ?, reference = ?, sent_at = ?, last_error = NULL"
                        + " WHERE id = ? AND attempts = ?")
                .params(Status.SENT.name(), reference, timestamp(at), id, attempts)
                .update();
    }

    @Override
    public void retryAt(UUID id, int attempts, Instant next, String error) {
        jdbc.sql("UPDATE credit_bureau_request SET next_attempt_at = ?, last_error = ?"
                        + " WHERE id = ? AND status = ? AND attempts = ?")
                .params(timestamp(next), truncate(error), id, Status.PENDING.name(), attempts)
                .update();
    }

    @Override
    public void failed(UUID id, int attempts, String error) {
        jdbc.sql("UPDATE credit_bureau_request SET status = ?, last_error = ? WHERE id = ? AND attempts = ?")
                .params(Status.FAILED.name(), truncate(error), id, attempts)
                .update();
    }

    @Override
    public void cancel(UUID id, int attemptsRead, String why) {
        jdbc.sql("UPDATE credit_bureau_request SET status = ?, last_error = ?"
                        + " WHERE id = ? AND status = ? AND attempts = ?")
                .params(Status.CANCELLED.name(), truncate(why), id, Status.PENDING.name(), attemptsRead)
                .update();
    }

    @Override
    public Optional<CreditBureauRequest> ofEnrollment(EnrollmentId enrollment) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_bureau_request WHERE enrollment_id = ?")
                .param(enrollment.value())
                .query(this::request)
                .optional();
    }

    private CreditBureauRequest request(ResultSet rs, int row) throws SQLException {
        return new CreditBureauRequest(
                json.readValue(rs.getString("payload"), CreditCheckRequestJson.class)
                        .toRequest(),
                Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                rs.getString("reference"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                rs.getObject("sent_at", OffsetDateTime.class) == null ? null : instant(rs, "sent_at"));
    }

    private static String truncate(String text) {
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
