package org.directbill.revenue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Role;
import org.directbill.revenue.domain.FileError;
import org.directbill.revenue.domain.FileFormat;
import org.directbill.revenue.domain.ImportKind;
import org.directbill.revenue.domain.ImportStatus;
import org.directbill.revenue.domain.InvalidFileHeader;
import org.directbill.revenue.domain.LedgerFile;
import org.directbill.revenue.domain.LedgerImport;
import org.directbill.revenue.domain.PaymentFile;
import org.directbill.revenue.internal.ImportRecords;
import org.directbill.revenue.internal.ImportRunner;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.shared.Page;
import org.directbill.shared.audit.AuditEvent;
import org.directbill.shared.problem.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ledger and payments imports (api.md, {@code POST /ledger/imports}, {@code POST /ledger/payments}):
 * a file is received whole onto disk (never into memory), its header checked at once, then imported
 * by a job that can be followed ({@link #get}). Also the rebuild of the rollups.
 */
@Service
public class LedgerImports {

    private static final Role[] FEEDERS = {Role.PROGRAM_ADMIN, Role.INTEGRATION};
    private static final Role[] READERS = {Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST, Role.INTEGRATION};

    private final ImportRecords records;
    private final ImportRunner runner;
    private final LedgerRollups rollups;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Path spool;

    LedgerImports(
            ImportRecords records,
            ImportRunner runner,
            LedgerRollups rollups,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${directbill.data-dir}") Path dataDir) {
        this.records = records;
        this.runner = runner;
        this.rollups = rollups;
        this.events = events;
        this.clock = clock;
        this.spool = dataDir.resolve("imports");
    }

    /**
     * Receives a file and queues its import; refuses it at once ({@link InvalidFileHeader}, nothing
     * queued) when it is empty or its header lacks a required column.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public LedgerImport submit(ImportKind kind, FileFormat format, @Nullable String fileName, InputStream body) {
        Caller caller = Callers.requireStaff(FEEDERS);
        UUID id = UUID.randomUUID();
        Path file = receive(id, body);
        try {
            checkHeader(kind, format, file);
            LedgerImport job = new LedgerImport(
                    id,
                    kind,
                    ImportStatus.QUEUED,
                    fileName,
                    format,
                    Files.size(file),
                    0,
                    caller.username(),
                    clock.instant(),
                    null,
                    null,
                    0,
                    0,
                    0,
                    0,
                    0,
                    null,
                    List.of(),
                    List.of());
            records.create(job);
            runner.submit(job, file);
            return job;
        } catch (IOException unreadable) {
            deleteQuietly(file);
            throw new UncheckedIOException(unreadable);
        } catch (RuntimeException refused) {
            deleteQuietly(file);
            throw refused;
        }
    }

    @Transactional(readOnly = true)
    public LedgerImport get(UUID id) {
        Callers.requireStaff(READERS);
        return records.find(id).orElseThrow(() -> new NotFound("IMPORT_NOT_FOUND", id));
    }

    @Transactional(readOnly = true)
    public Page<LedgerImport> history(Page.Request request) {
        Callers.requireStaff(READERS);
        return records.page(request);
    }

    /** Recomputes every rollup from the ledger, between imports (it waits for a running one to end). */
    @Transactional
    public long rebuildRollups() {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        runner.lockLedger();
        rollups.rebuild();
        long groups = rollups.count();
        events.publishEvent(AuditEvent.created("ledger", "LEDGER_ROLLUPS", "all", "ROLLUPS_REBUILT", groups));
        return groups;
    }

    private Path receive(UUID id, InputStream body) {
        try {
            Files.createDirectories(spool);
            Path file = spool.resolve(id + ".upload");
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static void checkHeader(ImportKind kind, FileFormat format, Path file) throws IOException {
        try (var text = ImportRunner.utf8(Files.newInputStream(file))) {
            if (kind == ImportKind.LEDGER) {
                LedgerFile.open(text, format, location -> true);
            } else {
                PaymentFile.open(text, format);
            }
        } catch (UncheckedIOException notUtf8) {
            throw new InvalidFileHeader(List.of(FileError.of(1, null, "NOT_UTF8")));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover upload file holds nothing anyone reads; the next start does not need it
        }
    }
}
