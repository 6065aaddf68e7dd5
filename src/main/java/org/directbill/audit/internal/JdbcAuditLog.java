package org.directbill.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.directbill.audit.AuditEntry;
import org.directbill.audit.AuditLog;
import org.directbill.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(AuditEntry e) {
        jdbc.sql("INSERT INTO audit_entry (at, actor, subject, subject_type, subject_id, action, before_state,"
                        + " after_state, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC),
                        e.actor(),
                        e.subject(),
                        e.subjectType(),
                        e.subjectId(),
                        e.action(),
                        e.before(),
                        e.after(),
                        e.reason())
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<AuditEntry> find(String subject, Page.Request request) {
        String where = subject.isBlank() ? "" : " WHERE subject = :subject OR subject_id = :subject";
        var count = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where);
        var select = jdbc.sql("SELECT * FROM audit_entry" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset");
        if (!subject.isBlank()) {
            count = count.param("subject", subject.strip());
            select = select.param("subject", subject.strip());
        }
        long total = count.query(Long.class).single();
        List<AuditEntry> items = select.param("limit", request.size())
                .param("offset", request.offset())
                .query(JdbcAuditLog::map)
                .list();
        return new Page<>(items, request.page(), request.size(), total);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("subject"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getString("action"),
                rs.getString("before_state"),
                rs.getString("after_state"),
                rs.getString("reason"));
    }
}
