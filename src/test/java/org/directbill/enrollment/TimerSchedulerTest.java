package org.directbill.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
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
 * With db-scheduler running (off in the other tests), the recurring task {@code enrollment-timers}
 * runs the timers for the clock's today by itself: an information request past its due date is
 * withdrawn without anyone calling. The context is closed afterwards, so its scheduler stops.
 */
@IntegrationTest
@DirtiesContext
@Import(EnrollmentTime.class)
class TimerSchedulerTest {

    @DynamicPropertySource
    static void scheduler(DynamicPropertyRegistry registry) {
        registry.add("db-scheduler.enabled", () -> true);
        registry.add("db-scheduler.polling-interval", () -> "1s");
        registry.add("directbill.enrollment.timers-every", () -> "1s");
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
    void the_scheduled_timers_withdraw_an_application_left_unanswered_past_its_due_date() throws Exception {
        EnrollmentScenario s = new EnrollmentScenario(mvc, jdbc, rollups);
        String id = s.start();
        s.submit(id, as(s.globalAdmin)).andExpect(status().isOk());
        s.review(id, as(s.reviewer), """
                        {"decision": "INFO_REQUESTED", "note": "Send it", "dueDate": "2023-06-20"}""").andExpect(status().isOk());
        clock.set(Instant.parse("2023-06-21T08:00:00Z"));
        try {
            String status = "INFO_REQUESTED";
            for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    System.nanoTime() < deadline && !status.equals("WITHDRAWN"); ) {
                Thread.sleep(250);
                status = jdbc.sql("SELECT status FROM enrollment WHERE id = ?")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single();
            }
            assertThat(status).as("withdrawn by the scheduled task within 30 s").isEqualTo("WITHDRAWN");
        } finally {
            clock.set(EnrollmentTime.START);
        }
    }
}
