package org.directbill.revenue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.directbill.revenue.domain.FileError;
import org.directbill.revenue.domain.FileFormat;
import org.directbill.revenue.domain.ImportKind;
import org.directbill.revenue.domain.ImportStatus;
import org.directbill.revenue.domain.LedgerImport;
import org.directbill.shared.Page;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The import jobs ({@code ledger_import}) and their errors and warnings ({@code
 * ledger_import_message}). Progress is written while a job runs, outside its transaction, so that it
 * can be followed; the outcome is written with the lines (success) or after they were rolled back
 * (failure).
 */
@Repository
public class ImportRecords {

    /** Separates a message's arguments in one column: a control character no file value holds. */
    private static final String ARGUMENT_SEPARATOR = "\u001F";

    private static final String COLUMNS = "id, kind, status, file_name, file_format, bytes_total, bytes_read,"
            + " submitted_by, submitted_at, started_at, finished_at, lines_read, lines_imported, lines_duplicate,"
            + " lines_paid_updated, error_count, failure";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ImportRecords(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    public void create(LedgerImport job) {
        jdbc.sql("INSERT INTO ledger_import (id, kind, status, file_name, file_format, bytes_total, submitted_by,"
                        + " submitted_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        job.id(),
                        job.kind().name(),
                        job.status().name(),
                        job.fileName(),
                        job.format().name(),
                        job.bytesTotal(),
                        job.submittedBy(),
                        at(job.submittedAt()),
                        at(job.submittedAt()))
                .update();
    }

    public void started(UUID id, Instant at) {
        jdbc.sql("UPDATE ledger_import SET status = 'RUNNING', started_at = ?, heartbeat_at = ? WHERE id = ?"
                        + " AND status = 'QUEUED'")
                .params(at(at), at(at), id)
                .update();
    }

    public void progress(UUID id, long bytesRead, long linesRead, Instant at) {
        jdbc.sql("UPDATE ledger_import SET bytes_read = ?, lines_read = ?, heartbeat_at = ? WHERE id = ?"
                        + " AND status = 'RUNNING'")
                .params(bytesRead, linesRead, at(at), id)
                .update();
    }

    /** Says that these jobs are alive (queued or running on this instance). */
    public void heartbeat(Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE ledger_import SET heartbeat_at = :at WHERE id IN (:ids) AND status IN ('QUEUED', 'RUNNING')")
                .param("at", at(at))
                .param("ids", List.copyOf(ids))
                .update();
    }

    /**
     * Records a job's success, in the transaction that stored its lines: false (nothing recorded)
     * when the job was meanwhile declared cut off, so that the caller keeps nothing either.
     */
    public boolean succeeded(UUID id, Counts counts, List<FileError> warnings, Instant at) {
        int updated = end(id, ImportStatus.SUCCEEDED, counts, 0, null, at, " AND status = 'RUNNING'");
        if (updated == 1) {
            messages(id, List.of(), warnings);
        }
        return updated == 1;
    }

    /** Records how a job ended, with its final counts and its messages. */
    public void finished(
            UUID id,
            ImportStatus status,
            Counts counts,
            long errorCount,
            List<FileError> errors,
            List<FileError> warnings,
            @Nullable String failure,
            Instant at) {
        end(id, status, counts, errorCount, failure, at, "");
        messages(id, errors, warnings);
    }

    private int end(
            UUID id,
            ImportStatus status,
            Counts counts,
            long errorCount,
            @Nullable String failure,
            Instant at,
            String onlyIf) {
        return jdbc.sql(
                        "UPDATE ledger_import SET status = ?, finished_at = ?, heartbeat_at = ?, bytes_read = bytes_total,"
                                + " lines_read = ?, lines_imported = ?, lines_duplicate = ?, lines_paid_updated = ?,"
                                + " error_count = ?, failure = ? WHERE id = ?" + onlyIf)
                .params(
                        status.name(),
                        at(at),
                        at(at),
                        counts.read(),
                        counts.imported(),
                        counts.duplicate(),
                        counts.paidUpdated(),
                        errorCount,
                        failure,
                        id)
                .update();
    }

    private void messages(UUID id, List<FileError> errors, List<FileError> warnings) {
        List<Object[]> rows = new ArrayList<>();
        int seq = 0;
        for (FileError error : errors) {
            rows.add(message(id, ++seq, "ERROR", error));
        }
        for (FileError warning : warnings) {
            rows.add(message(id, ++seq, "WARNING", warning));
        }
        if (!rows.isEmpty()) {
            batches.batchUpdate(
                    "INSERT INTO ledger_import_message (import_id, seq, severity, line, column_name, code, arguments)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
    }

    /** Fails every job not heard of since {@code staleBefore}: its instance stopped. Returns them. */
    public List<UUID> failSilentSince(Instant staleBefore, Instant now) {
        List<UUID> stale = jdbc.sql(
                        "SELECT id FROM ledger_import WHERE status IN ('QUEUED', 'RUNNING') AND heartbeat_at < ?")
                .params(at(staleBefore))
                .query(UUID.class)
                .list();
        for (UUID id : stale) {
            jdbc.sql("UPDATE ledger_import SET status = 'FAILED', failure = ?, finished_at = ? WHERE id = ?"
                            + " AND status IN ('QUEUED', 'RUNNING') AND heartbeat_at < ?")
                    .params(LedgerImport.INTERRUPTED, at(now), id, at(staleBefore))
                    .update();
        }
        return stale;
    }

    public Optional<LedgerImport> find(UUID id) {
        List<FileError> errors = new ArrayList<>();
        List<FileError> warnings = new ArrayList<>();
        jdbc.sql("SELECT severity, line, column_name, code, arguments FROM ledger_import_message"
                        + " WHERE import_id = ? ORDER BY seq")
                .params(id)
                .query(row -> {
                    long line = row.getLong("line");
                    FileError error = new FileError(
                            row.wasNull() ? 0 : line,
                            row.getString("column_name"),
                            row.getString("code"),
                            arguments(row.getString("arguments")));
                    ("ERROR".equals(row.getString("severity")) ? errors : warnings).add(error);
                });
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger_import WHERE id = ?")
                .params(id)
                .query((row, n) -> job(row, errors, warnings))
                .optional();
    }

    /** The jobs, newest first, without their messages. */
    public Page<LedgerImport> page(Page.Request request) {
        long total =
                jdbc.sql("SELECT COUNT(*) FROM ledger_import").query(Long.class).single();
        List<LedgerImport> items = jdbc.sql(
                        "SELECT " + COLUMNS + " FROM ledger_import ORDER BY submitted_at DESC, id LIMIT ? OFFSET ?")
                .params(request.size(), request.offset())
                .query((row, n) -> job(row, List.of(), List.of()))
                .list();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** Counts of lines as a job reports them. */
    public record Counts(long read, long imported, long duplicate, long paidUpdated) {}

    private static Object[] message(UUID id, int seq, String severity, FileError error) {
        return new Object[] {
            id,
            seq,
            severity,
            error.line() > 0 ? error.line() : null,
            error.column(),
            error.code(),
            String.join(ARGUMENT_SEPARATOR, error.arguments())
        };
    }

    private static List<String> arguments(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(ARGUMENT_SEPARATOR, -1));
    }

    private static LedgerImport job(ResultSet row, List<FileError> errors, List<FileError> warnings)
            throws SQLException {
        return new LedgerImport(
                row.getObject("id", UUID.class),
                ImportKind.valueOf(row.getString("kind")),
                ImportStatus.valueOf(row.getString("status")),
                row.getString("file_name"),
                FileFormat.valueOf(row.getString("file_format")),
                row.getLong("bytes_total"),
                row.getLong("bytes_read"),
                row.getString("submitted_by"),
                instant(row, "submitted_at"),
                instant(row, "started_at"),
                instant(row, "finished_at"),
                row.getLong("lines_read"),
                row.getLong("lines_imported"),
                row.getLong("lines_duplicate"),
                row.getLong("lines_paid_updated"),
                row.getLong("error_count"),
                row.getString("failure"),
                errors,
                warnings);
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
