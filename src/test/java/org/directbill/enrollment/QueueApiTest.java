package org.directbill.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The operations queue: what waits on whom, overdue first, with the time left on each service level. */
@IntegrationTest
@Import(EnrollmentTime.class)
class QueueApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @Autowired
    MutableClock clock;

    @AfterEach
    void backToTheStart() {
        clock.set(EnrollmentTime.START);
    }

    @Test
    void overdue_work_comes_first_and_each_line_says_how_long_is_left() throws Exception {
        // Submitted on Monday 5 June: its verification was due on Monday 12 June.
        clock.set(Instant.parse("2023-06-05T09:00:00Z"));
        EnrollmentScenario late = new EnrollmentScenario(mvc, jdbc, rollups);
        String lateId = late.start();
        late.submit(lateId, as(late.globalAdmin)).andExpect(status().isOk());
        // Verified on Wednesday 14 June: its credit check is due on Wednesday 21 June.
        clock.set(EnrollmentTime.START);
        EnrollmentScenario onTime = new EnrollmentScenario(mvc, jdbc, rollups);
        String creditId = onTime.inCreditCheck();

        JsonNode queue = EnrollmentScenario.json(
                late.read("/api/v1/enrollments?size=200", as(late.reviewer)).andExpect(status().isOk()));
        List<String> ids = new ArrayList<>();
        queue.get("items").forEach(item -> ids.add(item.get("id").asString()));
        assertThat(ids).contains(lateId, creditId);
        assertThat(ids.indexOf(lateId)).isLessThan(ids.indexOf(creditId));
        JsonNode first = line(queue, lateId);
        assertThat(first.get("overdue").asBoolean()).isTrue();
        assertThat(first.get("serviceLevel").get("kind").asString()).isEqualTo("VERIFICATION");
        assertThat(first.get("serviceLevel").get("deadline").asString()).isEqualTo("2023-06-12");
        assertThat(first.get("serviceLevel").get("businessDaysLeft").asInt()).isEqualTo(-2);
        assertThat(first.get("legalName").asString()).startsWith("Enrolling");
        JsonNode credit = line(queue, creditId);
        assertThat(credit.get("overdue").asBoolean()).isFalse();
        assertThat(credit.get("serviceLevel").get("kind").asString()).isEqualTo("CREDIT_CHECK");
        assertThat(credit.get("serviceLevel").get("businessDaysLeft").asInt()).isEqualTo(5);

        JsonNode overdue =
                EnrollmentScenario.json(late.read("/api/v1/enrollments?overdue=true&size=200", as(late.analyst)));
        overdue.get("items")
                .forEach(item -> assertThat(item.get("overdue").asBoolean()).isTrue());
        JsonNode inCredit = EnrollmentScenario.json(
                late.read("/api/v1/enrollments?status=CREDIT_CHECK&size=200", as(late.analyst)));
        inCredit.get("items")
                .forEach(item -> assertThat(item.get("status").asString()).isEqualTo("CREDIT_CHECK"));
        assertThat(inCredit.get("items").size()).isPositive();

        late.read("/api/v1/enrollments?status=NOPE", as(late.analyst)).andExpect(status().isBadRequest());
        late.read("/api/v1/enrollments?size=0", as(late.analyst)).andExpect(status().isBadRequest());
        late.read("/api/v1/enrollments", as(late.globalAdmin)).andExpect(status().isForbidden());
    }

    private static JsonNode line(JsonNode queue, String id) {
        for (JsonNode item : queue.get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in the queue");
    }
}
