package org.directbill.revenue.internal;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.directbill.partner.PartnerDirectory;
import org.directbill.revenue.LedgerChanged;
import org.directbill.revenue.domain.FileError;
import org.directbill.revenue.domain.FileErrors;
import org.directbill.revenue.domain.ImportKind;
import org.directbill.revenue.domain.ImportStatus;
import org.directbill.revenue.domain.LedgerFile;
import org.directbill.revenue.domain.LedgerImport;
import org.directbill.revenue.domain.PaymentFile;
import org.directbill.revenue.domain.StrictUtf8Reader;
import org.directbill.shared.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs, one at a time per instance, each in one transaction: the file is read as a
 * stream and its valid lines staged, then checked and stored, and the job marked SUCCEEDED, all
 * committed together; with any error the transaction rolls back and the job ends FAILED listing
 * them. Progress is written on the side as the file is read.
 *
 * <p>A job cut off (a crash, a restart) stops saying it is alive; after {@code silence-limit}
 * without a heartbeat any instance marks it FAILED ({@value LedgerImport#INTERRUPTED}). Its
 * transaction never committed, so none of its lines is visible, and the file can simply be sent
 * again.
 */
@Component
public class ImportRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

    /** How often the progress of a running job is written: often enough for a live progress bar. */
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(250);

    private static final String AUDIT_SUBJECT = "ledger";

    private final ImportRecords records;
    private final BulkLoader loader;
    private final DirectLoad directLoad;
    private final LedgerMerge ledgerMerge;
    private final PaymentMerge paymentMerge;
    private final PartnerDirectory partners;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate work;
    private final TransactionTemplate aside;
    private final Duration silenceLimit;
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;

    ImportRunner(
            ImportRecords records,
            BulkLoader loader,
            DirectLoad directLoad,
            LedgerMerge ledgerMerge,
            PaymentMerge paymentMerge,
            PartnerDirectory partners,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${directbill.revenue.imports.silence-limit:PT1M}") Duration silenceLimit) {
        this.records = records;
        this.loader = loader;
        this.directLoad = directLoad;
        this.ledgerMerge = ledgerMerge;
        this.paymentMerge = paymentMerge;
        this.partners = partners;
        this.events = events;
        this.clock = clock;
        this.work = new TransactionTemplate(transactions);
        this.aside = new TransactionTemplate(transactions);
        aside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.silenceLimit = silenceLimit;
        // The job runs as whoever submitted it: the same rights, and the audit log names them.
        this.executor = new DelegatingSecurityContextExecutorService(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-import");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** Queues a job whose record is stored (QUEUED) and whose file is at {@code file}. */
    public void submit(LedgerImport job, Path file) {
        active.add(job.id());
        executor.execute(() -> run(job, file));
    }

    /** Waits until no import is merging, and keeps others out until the current transaction ends. */
    public void lockLedger() {
        ledgerMerge.lock();
    }

    /** Keeps this instance's jobs alive and fails those no instance speaks for any more. */
    @Scheduled(fixedDelayString = "${directbill.revenue.imports.heartbeat:PT10S}")
    public void heartbeatAndSweep() {
        Instant now = clock.instant();
        aside.executeWithoutResult(status -> {
            records.heartbeat(active, now);
            List<UUID> interrupted = records.failSilentSince(now.minus(silenceLimit), now);
            if (!interrupted.isEmpty()) {
                LOG.warn("Ledger import jobs cut off, marked FAILED: {}", interrupted);
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepAtStart() {
        heartbeatAndSweep();
    }

    private void run(LedgerImport job, Path file) {
        FileErrors errors = new FileErrors();
        Progress progress = new Progress(job.id());
        try {
            aside.executeWithoutResult(status -> records.started(job.id(), clock.instant()));
            Result result = work.execute(status -> {
                Result done = job.kind() == ImportKind.LEDGER
                        ? ledger(job, file, errors, progress, status)
                        : payments(job, file, errors, progress);
                if (!errors.isEmpty()) {
                    status.setRollbackOnly();
                    return done;
                }
                if (!records.succeeded(job.id(), done.counts(), done.warnings(), clock.instant())) {
                    status.setRollbackOnly(); // declared cut off meanwhile: keep nothing, as it says
                    return done;
                }
                events.publishEvent(AuditEvent.created(
                        AUDIT_SUBJECT, "LEDGER_IMPORT", job.id().toString(), "LEDGER_IMPORTED", done.counts()));
                events.publishEvent(new LedgerChanged(
                        job.id(),
                        job.kind(),
                        done.counts().imported(),
                        done.counts().paidUpdated()));
                return done;
            });
            if (!errors.isEmpty()) {
                Result refused = result;
                aside.executeWithoutResult(status -> records.finished(
                        job.id(),
                        ImportStatus.FAILED,
                        refused.counts(),
                        errors.count(),
                        errors.listed(),
                        refused.warnings(),
                        null,
                        clock.instant()));
            }
        } catch (RuntimeException failure) {
            LOG.error("Ledger import {} failed", job.id(), failure);
            aside.executeWithoutResult(status -> records.finished(
                    job.id(),
                    ImportStatus.FAILED,
                    new ImportRecords.Counts(progress.lines, 0, 0, 0),
                    0,
                    List.of(),
                    List.of(),
                    LedgerImport.INTERNAL_ERROR,
                    clock.instant()));
        } finally {
            active.remove(job.id());
            deleteQuietly(file);
        }
    }

    private record Result(ImportRecords.Counts counts, List<FileError> warnings) {}

    private Result ledger(
            LedgerImport job, Path file, FileErrors errors, Progress progress, TransactionStatus transaction) {
        Set<String> known = partners.knownLocationIds();
        Timings timings = new Timings();
        Object beforeDirect = transaction.createSavepoint();
        try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(file))) {
            LedgerFile ledger = LedgerFile.open(utf8(bytes), job.format(), known::contains);
            progress.bytes = bytes;
            long read = directLoad.load(job.id(), ledger, progress::line);
            transaction.releaseSavepoint(beforeDirect);
            progress.write(read);
            timings.mark("read and stored " + read + " new lines directly");
            LOG.info("Ledger import {}: {}", job.id(), timings);
            return new Result(new ImportRecords.Counts(read, read, 0, 0), ledger.warnings());
        } catch (DirectLoad.NotDirect careful) {
            transaction.rollbackToSavepoint(beforeDirect);
            timings.mark("direct attempt given up (" + careful.getMessage() + ")");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        progress.restart();
        UUID stagingId = UUID.randomUUID();
        List<FileError> warnings;
        long read;
        try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(file));
                BulkLoader.Writer writer = loader.open("ledger_staging", LedgerRows.STAGED)) {
            LedgerFile ledger = LedgerFile.open(utf8(bytes), job.format(), known::contains);
            warnings = ledger.warnings();
            progress.bytes = bytes;
            UUID staged = stagingId;
            read = ledger.read(
                    (line, entry) -> {
                        LedgerRows.stage(writer, staged, line, entry);
                        progress.line();
                    },
                    errors);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        progress.write(read);
        ledgerMerge.lock();
        timings.mark("staged " + read + " lines");
        long[] repeats = {0};
        if (read > 0) {
            stagingId = ledgerMerge.foldRepeatsIfAny(stagingId, errors, repeats);
        }
        timings.mark("repeats folded");
        LedgerMerge.Outcome checked = ledgerMerge.check(stagingId, errors);
        timings.mark("checked against the ledger");
        long imported = 0;
        if (errors.isEmpty()) {
            imported = ledgerMerge.store(stagingId, job.id(), checked);
        }
        ledgerMerge.discard(stagingId);
        timings.mark("stored");
        LOG.info("Ledger import {}: {}", job.id(), timings);
        return new Result(
                new ImportRecords.Counts(read, imported, checked.duplicates() + repeats[0], checked.paidUpdated()),
                warnings);
    }

    private Result payments(LedgerImport job, Path file, FileErrors errors, Progress progress) {
        UUID stagingId = UUID.randomUUID();
        List<FileError> warnings;
        long read;
        try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(file));
                BulkLoader.Writer writer = paymentMerge.open()) {
            PaymentFile payments = PaymentFile.open(utf8(bytes), job.format());
            warnings = payments.warnings();
            progress.bytes = bytes;
            read = payments.read(
                    (line, payment) -> {
                        PaymentMerge.stage(writer, stagingId, line, payment);
                        progress.line();
                    },
                    errors);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        progress.write(read);
        ledgerMerge.lock();
        long repeats = paymentMerge.check(stagingId, errors);
        PaymentMerge.Outcome outcome = new PaymentMerge.Outcome(0, 0);
        if (errors.isEmpty()) {
            outcome = paymentMerge.store(stagingId, repeats);
        }
        paymentMerge.discard(stagingId);
        return new Result(new ImportRecords.Counts(read, 0, outcome.duplicates(), outcome.paidUpdated()), warnings);
    }

    /**
     * UTF-8, strictly: a byte that is not UTF-8 stops the reading rather than becoming a wrong
     * character, once every character before it has been read (so the error names its line).
     */
    public static BufferedReader utf8(InputStream bytes) {
        return new BufferedReader(StrictUtf8Reader.of(bytes), 1 << 16);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException stillThere) {
            LOG.warn("Could not delete the spooled import file {}", file, stillThere);
        }
    }

    /** How long each step of a job took, for the log: where the time of a big import goes. */
    private static final class Timings {

        private final StringBuilder steps = new StringBuilder();
        private final long start = System.nanoTime();
        private long last = start;

        void mark(String step) {
            long now = System.nanoTime();
            steps.append(step).append(' ').append((now - last) / 1_000_000).append(" ms; ");
            last = now;
        }

        @Override
        public String toString() {
            return steps + "total " + (System.nanoTime() - start) / 1_000_000 + " ms";
        }
    }

    /** Counts the bytes read from a file, for the progress of its job. */
    private static final class CountingInputStream extends FilterInputStream {

        volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            if (read >= 0) {
                count++;
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** Writes how far a job has read, at most every {@link #PROGRESS_EVERY}, outside its transaction. */
    private final class Progress {

        private final UUID id;
        CountingInputStream bytes;
        long lines;
        private long lastWritten = System.nanoTime();

        Progress(UUID id) {
            this.id = id;
        }

        void line() {
            lines++;
            if ((lines & 1023) == 0 && System.nanoTime() - lastWritten >= PROGRESS_EVERY.toNanos()) {
                write(lines);
            }
        }

        /** The file is read again from the start (the careful way after a direct attempt). */
        void restart() {
            bytes = null;
            lines = 0;
            write(0);
        }

        void write(long linesRead) {
            long bytesRead = bytes == null ? 0 : bytes.count;
            aside.executeWithoutResult(status -> records.progress(id, bytesRead, linesRead, clock.instant()));
            lastWritten = System.nanoTime();
        }
    }
}
