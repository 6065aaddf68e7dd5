package org.directbill.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.directbill.enrollment.domain.CreditBureauRequestRecords;
import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.enrollment.domain.HmacSigner;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Without {@code directbill.credit-bureau.url}: nothing is sent, the webhook is closed, analysts decide. */
@IntegrationTest
@Import(EnrollmentTime.class)
class CreditBureauNotConfiguredTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @Autowired
    MutableClock clock;

    @Autowired
    CreditBureauRequests requests;

    @Autowired
    CreditBureauRequestRecords outbox;

    @Test
    void without_a_bureau_nothing_is_queued_and_the_webhook_is_not_found() throws Exception {
        EnrollmentScenario s = new EnrollmentScenario(mvc, jdbc, rollups);
        String id = s.inCreditCheck();

        assertThat(outbox.ofEnrollment(EnrollmentId.parse(id).orElseThrow())).isEmpty();
        assertThat(requests.deliverDue(clock.instant())).isEqualTo(new CreditBureauRequests.Delivery(0, 0, 0, 0));

        byte[] body = """
                {"enrollmentId": "%s", "decision": "APPROVED", "creditLimitUsd": "5000.00"}""".formatted(id).getBytes(StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        mvc.perform(post("/api/v1/credit-bureau/decisions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .header(HmacSigner.TIMESTAMP_HEADER, Long.toString(now))
                        .header(
                                HmacSigner.SIGNATURE_HEADER,
                                HmacSigner.of("any").sign(now, body)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CREDIT_BUREAU_NOT_CONFIGURED"));
        s.read("/api/v1/enrollments/" + id, org.directbill.support.Fixtures.as(s.analyst))
                .andExpect(jsonPath("$.status").value("CREDIT_CHECK"));
    }
}
