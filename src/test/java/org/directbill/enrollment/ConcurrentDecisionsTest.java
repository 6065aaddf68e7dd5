package org.directbill.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Two reviewers deciding at once: one wins, the other gets 409, nothing is lost or doubled. */
@IntegrationTest
@Import(EnrollmentTime.class)
class ConcurrentDecisionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @RepeatedTest(3)
    void two_reviewers_deciding_at_once_one_wins_and_the_other_gets_409() throws Exception {
        EnrollmentScenario s = new EnrollmentScenario(mvc, jdbc, rollups);
        String second = s.fixtures.addStaff("REVIEWER").get("email").asString();
        String id = s.start();
        s.submit(id, as(s.globalAdmin)).andExpect(status().isOk());

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> {
                go.await();
                return s.review(id, as(s.reviewer), "{\"decision\": \"VERIFIED\", \"note\": \"first\"}")
                        .andReturn()
                        .getResponse()
                        .getStatus();
            }));
            answers.add(pool.submit(() -> {
                go.await();
                return s.review(id, as(second), "{\"decision\": \"REJECTED\", \"note\": \"second\"}")
                        .andReturn()
                        .getResponse()
                        .getStatus();
            }));
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        List<String> steps = jdbc.sql("SELECT step FROM enrollment_history WHERE enrollment_id = ? ORDER BY seq")
                .param(UUID.fromString(id))
                .query(String.class)
                .list();
        assertThat(steps).hasSize(3);
        assertThat(steps.get(2)).isIn("VERIFY", "REJECT");
        String status = jdbc.sql("SELECT status FROM enrollment WHERE id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
        assertThat(status).isEqualTo(steps.get(2).equals("VERIFY") ? "CREDIT_CHECK" : "REJECTED");
        long version = jdbc.sql("SELECT version FROM enrollment WHERE id = ?")
                .param(UUID.fromString(id))
                .query(Long.class)
                .single();
        assertThat(version).isEqualTo(2);
    }
}
