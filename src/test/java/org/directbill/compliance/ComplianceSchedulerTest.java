package org.directbill.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.directbill.enrollment.EnrollmentTime;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With db-scheduler running (off in the other tests), the recurring task {@code compliance-run} runs
 * compliance for the clock's today by itself, as the service: the partner's renewal-date assessment
 * fails and it is AT_RISK without anyone calling. The context is closed afterwards.
 */
@IntegrationTest
@DirtiesContext
@Import(EnrollmentTime.class)
class ComplianceSchedulerTest {

    @DynamicPropertySource
    static void scheduler(DynamicPropertyRegistry registry) {
        registry.add("db-scheduler.enabled", () -> true);
        registry.add("db-scheduler.polling-interval", () -> "1s");
        registry.add("directbill.compliance.schedule", () -> "FIXED_DELAY|1s");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @Autowired
    MutableClock clock;

    @Test
    void the_daily_job_assesses_a_partner_due_today_by_itself() throws Exception {
        ActivePartner partner = new ActivePartner(mvc, jdbc, rollups);
        clock.set(Instant.parse("2024-06-30T06:00:00Z"));
        try {
            String status = "ACTIVE";
            for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    System.nanoTime() < deadline && !status.equals("AT_RISK"); ) {
                Thread.sleep(250);
                status = jdbc.sql("SELECT status FROM direct_bill_standing WHERE partner_id = ?")
                        .param(UUID.fromString(partner.id()))
                        .query(String.class)
                        .single();
            }
            assertThat(status).as("at risk by the scheduled run within 30 s").isEqualTo("AT_RISK");
            assertThat(jdbc.sql("SELECT recorded_by FROM direct_bill_status_change WHERE partner_id = ?"
                                    + " AND to_status = 'AT_RISK'")
                            .param(UUID.fromString(partner.id()))
                            .query(String.class)
                            .single())
                    .isEqualTo("system");
        } finally {
            clock.set(EnrollmentTime.START);
        }
    }
}
