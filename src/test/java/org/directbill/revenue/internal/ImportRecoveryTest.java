package org.directbill.revenue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.directbill.revenue.domain.FileFormat;
import org.directbill.revenue.domain.ImportKind;
import org.directbill.revenue.domain.ImportStatus;
import org.directbill.revenue.domain.LedgerImport;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A job cut off by a crash or a restart: its instance no longer says it is alive, so it ends FAILED
 * (INTERRUPTED); and a job so declared can no longer record a success (its lines are then rolled
 * back with it).
 */
@IntegrationTest
class ImportRecoveryTest {

    @Autowired
    ImportRecords records;

    @Autowired
    ImportRunner runner;

    @Autowired
    MockMvc mvc;

    private LedgerImport runningSince(Instant heartbeat) {
        LedgerImport job = new LedgerImport(
                UUID.randomUUID(),
                ImportKind.LEDGER,
                ImportStatus.QUEUED,
                "cut-off.csv",
                FileFormat.CSV,
                1000,
                0,
                "admin",
                heartbeat,
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
        records.started(job.id(), heartbeat);
        return job;
    }

    @Test
    void aJobNoInstanceSpeaksForEndsFailedAsInterrupted() throws Exception {
        LedgerImport job = runningSince(Instant.now().minus(Duration.ofMinutes(5)));

        runner.heartbeatAndSweep();

        mvc.perform(get("/api/v1/ledger/imports/" + job.id()).with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.failure").value("INTERRUPTED"))
                .andExpect(jsonPath("$.failureMessage")
                        .value("The import was cut off (the service stopped or restarted) and nothing of it was"
                                + " kept: send the file again."));
    }

    @Test
    void aJobHeardOfRecentlyKeepsRunning() {
        LedgerImport job = runningSince(Instant.now());

        runner.heartbeatAndSweep();

        assertThat(records.find(job.id()).orElseThrow().status()).isEqualTo(ImportStatus.RUNNING);
    }

    @Test
    void aJobDeclaredCutOffCannotRecordASuccessAfterwards() {
        LedgerImport job = runningSince(Instant.now().minus(Duration.ofMinutes(5)));
        runner.heartbeatAndSweep();

        boolean recorded = records.succeeded(job.id(), new ImportRecords.Counts(1, 1, 0, 0), List.of(), Instant.now());

        assertThat(recorded).isFalse();
        assertThat(records.find(job.id()).orElseThrow().status()).isEqualTo(ImportStatus.FAILED);
    }
}
