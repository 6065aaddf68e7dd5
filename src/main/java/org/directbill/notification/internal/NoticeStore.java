package org.directbill.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.directbill.notification.domain.EmailStatus;
import org.directbill.notification.domain.ListedEmail;
import org.directbill.notification.domain.Notice;
import org.directbill.notification.domain.OutboxEmail;
import org.directbill.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The notices and their outbox emails. Every change of an email's status is one conditional
 * {@code UPDATE} that names the status (and attempt) it expects, so that two nodes or threads never
 * both act on one email: the second finds no row to change.
 */
@Repository
public class NoticeStore {

    private final JdbcClient jdbc;
    private final ArgumentsJson arguments;

    NoticeStore(JdbcClient jdbc, ArgumentsJson arguments) {
        this.jdbc = jdbc;
        this.arguments = arguments;
    }

    boolean keyTaken(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM notice WHERE notice_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Stores a notice and returns its id. */
    long add(Notice notice) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notice (partner_id, kind, notice_key, arguments, link, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        notice.partnerId(),
                        notice.kind(),
                        notice.key(),
                        arguments.write(notice.arguments()),
                        notice.link(),
                        utc(notice.createdAt()))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    void add(OutboxEmail e) {
        jdbc.sql("INSERT INTO notice_email (id, notice_id, recipient, locale, status, attempts, next_attempt_at,"
                        + " last_error, sent_at, message_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        e.id(),
                        e.noticeId(),
                        e.recipient(),
                        e.locale(),
                        e.status().name(),
                        e.attempts(),
                        utc(e.nextAttemptAt()),
                        e.lastError(),
                        e.sentAt() == null ? null : utc(e.sentAt()),
                        e.messageId(),
                        utc(e.createdAt()))
                .update();
    }

    public Optional<Notice> find(long id) {
        return jdbc.sql("SELECT * FROM notice WHERE id = ?")
                .param(id)
                .query(this::notice)
                .optional();
    }

    /** A partner's notices, newest first. */
    public Page<Notice> ofPartner(UUID partnerId, Page.Request request) {
        long total = jdbc.sql("SELECT COUNT(*) FROM notice WHERE partner_id = ?")
                .param(partnerId)
                .query(Long.class)
                .single();
        List<Notice> items = jdbc.sql("SELECT * FROM notice WHERE partner_id = ? ORDER BY created_at DESC, id DESC"
                        + " LIMIT ? OFFSET ?")
                .params(partnerId, request.size(), request.offset())
                .query(this::notice)
                .list();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** The emails of these notices, in the order they were written. */
    public List<OutboxEmail> emailsOf(Collection<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM notice_email WHERE notice_id IN (:ids) ORDER BY created_at, recipient")
                .param("ids", noticeIds)
                .query(NoticeStore::email)
                .list();
    }

    public Optional<OutboxEmail> email(UUID id) {
        return jdbc.sql("SELECT * FROM notice_email WHERE id = ?")
                .param(id)
                .query(NoticeStore::email)
                .optional();
    }

    /** Every email (or those in one status), newest first, with the partner and kind of its notice. */
    public Page<ListedEmail> emails(@Nullable EmailStatus status, Page.Request request) {
        String where = status == null ? "" : " WHERE e.status = :status";
        var count = jdbc.sql("SELECT COUNT(*) FROM notice_email e" + where);
        var select = jdbc.sql("SELECT e.*, n.partner_id, n.kind FROM notice_email e JOIN notice n ON n.id = e.notice_id"
                + where + " ORDER BY e.created_at DESC, e.id LIMIT :limit OFFSET :offset");
        if (status != null) {
            count = count.param("status", status.name());
            select = select.param("status", status.name());
        }
        long total = count.query(Long.class).single();
        List<ListedEmail> items = select.param("limit", request.size())
                .param("offset", request.offset())
                .query((rs, row) ->
                        new ListedEmail(email(rs, row), rs.getObject("partner_id", UUID.class), rs.getString("kind")))
                .list();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /**
     * Emails that may be claimed now: due and PENDING, or SENDING since before {@code staleBefore}
     * (left by a node that stopped while sending), oldest due first.
     */
    public List<UUID> claimable(Instant now, Instant staleBefore, int limit) {
        return jdbc.sql("SELECT id FROM notice_email WHERE (status = 'PENDING' AND next_attempt_at <= ?)"
                        + " OR (status = 'SENDING' AND claimed_at <= ?) ORDER BY next_attempt_at, id LIMIT ?")
                .params(utc(now), utc(staleBefore), limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Claims an email for one attempt: PENDING (or stale SENDING) becomes SENDING with one more
     * attempt, in one statement that re-checks the status, so only one claimant wins. Committed on
     * its own: the claim is visible to every other node before the email is sent.
     */
    public boolean claim(UUID id, Instant now, Instant staleBefore) {
        return jdbc.sql("UPDATE notice_email SET status = 'SENDING', attempts = attempts + 1, claimed_at = ?"
                                + " WHERE id = ? AND ((status = 'PENDING' AND next_attempt_at <= ?)"
                                + " OR (status = 'SENDING' AND claimed_at <= ?))")
                        .params(utc(now), id, utc(now), utc(staleBefore))
                        .update()
                == 1;
    }

    /** The claimed attempt ended: SENT or LOGGED. False when the claim was lost meanwhile. */
    public boolean finish(UUID id, int attempt, EmailStatus status, @Nullable Instant sentAt) {
        return jdbc.sql("UPDATE notice_email SET status = ?, sent_at = ?, last_error = NULL, claimed_at = NULL"
                                + " WHERE id = ? AND status = 'SENDING' AND attempts = ?")
                        .params(status.name(), sentAt == null ? null : utc(sentAt), id, attempt)
                        .update()
                == 1;
    }

    /** The claimed attempt failed: PENDING again until {@code nextAttemptAt}, or FAILED for good. */
    public boolean failed(UUID id, int attempt, EmailStatus status, Instant nextAttemptAt, String error) {
        return jdbc.sql("UPDATE notice_email SET status = ?, next_attempt_at = ?, last_error = ?, claimed_at = NULL"
                                + " WHERE id = ? AND status = 'SENDING' AND attempts = ?")
                        .params(status.name(), utc(nextAttemptAt), error, id, attempt)
                        .update()
                == 1;
    }

    private Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(
                rs.getLong("id"),
                rs.getObject("partner_id", UUID.class),
                rs.getString("kind"),
                rs.getString("notice_key"),
                arguments.read(rs.getString("arguments")),
                rs.getString("link"),
                instant(rs, "created_at"));
    }

    private static OutboxEmail email(ResultSet rs, int row) throws SQLException {
        return new OutboxEmail(
                rs.getObject("id", UUID.class),
                rs.getLong("notice_id"),
                rs.getString("recipient"),
                rs.getString("locale"),
                EmailStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                nullableInstant(rs, "sent_at"),
                rs.getString("message_id"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
