package org.directbill.revenue.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import job as people and programs follow it: the file, where the job stands, its counts so
 * far, and the errors (the first 1,000; {@code errorCount} counts them all) and warnings found.
 *
 * @param failure why a job FAILED other than for its lines: {@code INTERRUPTED} (cut off by a crash
 *     or a restart) or {@code INTERNAL_ERROR}; {@code null} otherwise
 */
public record LedgerImport(
        UUID id,
        ImportKind kind,
        ImportStatus status,
        @Nullable String fileName,
        FileFormat format,
        long bytesTotal,
        long bytesRead,
        String submittedBy,
        Instant submittedAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        long linesRead,
        long linesImported,
        long linesDuplicate,
        long linesPaidUpdated,
        long errorCount,
        @Nullable String failure,
        List<FileError> errors,
        List<FileError> warnings) {

    public static final String INTERRUPTED = "INTERRUPTED";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    public LedgerImport {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(status);
        Objects.requireNonNull(format);
        Objects.requireNonNull(submittedBy);
        Objects.requireNonNull(submittedAt);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** How much of the file has been read, 0 to 100; 100 once the job has finished. */
    public int percentDone() {
        if (status.finished()) {
            return 100;
        }
        if (bytesTotal <= 0) {
            return 0;
        }
        return (int) Math.min(99, bytesRead * 100 / bytesTotal);
    }
}
