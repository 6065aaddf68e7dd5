package org.directbill.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.directbill.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Information requests: asked with a due date, answered with files, reminded, and withdrawn past due. */
@IntegrationTest
@Import(EnrollmentTime.class)
class InformationRequestTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @Autowired
    MutableClock clock;

    @Autowired
    EnrollmentTimers timers;

    @Autowired
    PublishedNotices notices;

    EnrollmentScenario s;
    String id;

    @BeforeEach
    void anEnrollmentInReview() throws Exception {
        clock.set(EnrollmentTime.START);
        s = new EnrollmentScenario(mvc, jdbc, rollups);
        id = s.start();
        s.submit(id, as(s.globalAdmin)).andExpect(status().isOk());
    }

    @AfterEach
    void backToTheStart() {
        clock.set(EnrollmentTime.START);
    }

    private void ask(String dueDate) throws Exception {
        s.review(id, as(s.reviewer), """
                        {"decision": "INFO_REQUESTED", "note": "Send your registration certificate", "dueDate": "%s"}""".formatted(dueDate))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("INFO_REQUESTED"));
    }

    @Test
    void a_request_needs_a_message_and_a_due_date_that_leaves_time_for_a_reminder() throws Exception {
        s.review(id, as(s.reviewer), "{\"decision\": \"INFO_REQUESTED\", \"dueDate\": \"2023-06-30\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("message"));
        s.review(id, as(s.reviewer), "{\"decision\": \"INFO_REQUESTED\", \"note\": \"Send it\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueDate"));
        s.review(
                        id,
                        as(s.reviewer),
                        "{\"decision\": \"INFO_REQUESTED\", \"note\": \"Send it\", \"dueDate\": \"2023-06-16\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("DUE_DATE_TOO_SOON"));
        s.review(
                        id,
                        as(s.reviewer),
                        "{\"decision\": \"INFO_REQUESTED\", \"note\": \"Send it\", \"dueDate\": \"2023-06-01\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("DUE_DATE_IN_PAST"));
        s.read("/api/v1/enrollments/" + id, as(s.reviewer))
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.infoRequests.length()").value(0));
        ask("2023-06-17");
    }

    @Test
    void the_partner_answers_with_a_file_and_the_review_resumes() throws Exception {
        ask("2023-06-30");
        s.read("/api/v1/enrollments/" + id, as(s.globalAdmin))
                .andExpect(jsonPath("$.serviceLevel.kind").value("PARTNER_ANSWER"))
                .andExpect(jsonPath("$.serviceLevel.deadline").value("2023-06-30"))
                .andExpect(jsonPath("$.actions[0]").value("ANSWER_INFO"));
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        JsonNode answered = EnrollmentScenario.json(mvc.perform(multipart("/api/v1/enrollments/{id}/info-response", id)
                        .file(new MockMultipartFile("files", "certificate.pdf", "application/pdf", pdf))
                        .param("message", "Here is the certificate")
                        .with(as(s.accountAdmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.infoRequests[0].answer.message").value("Here is the certificate"))
                .andExpect(jsonPath("$.infoRequests[0].answer.by").value(s.accountAdmin)));
        JsonNode file = answered.get("infoRequests")
                .get(0)
                .get("answer")
                .get("attachments")
                .get(0);
        assertThat(file.get("fileName").asString()).isEqualTo("certificate.pdf");
        assertThat(file.get("contentType").asString()).isEqualTo("application/pdf");
        byte[] downloaded = mvc.perform(get(file.get("href").asString()).with(as(s.reviewer)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(downloaded).isEqualTo(pdf);
        String stranger = s.fixtures.addPartnerUser(s.fixtures.createPartner("Other"), "GLOBAL_ADMIN");
        mvc.perform(get(file.get("href").asString()).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/enrollments/" + id + "/attachments/" + UUID.randomUUID())
                        .with(as(s.reviewer)))
                .andExpect(status().isNotFound());
    }

    @Test
    void an_answer_needs_a_message_an_allowed_file_and_an_open_request() throws Exception {
        s.call(
                        "/api/v1/enrollments/" + id + "/info-response",
                        as(s.globalAdmin),
                        "{\"message\": \"Nothing was asked\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
        ask("2023-06-30");
        s.call("/api/v1/enrollments/" + id + "/info-response", as(s.globalAdmin), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("message"));
        mvc.perform(multipart("/api/v1/enrollments/{id}/info-response", id)
                        .file(new MockMultipartFile("files", "run.exe", "application/pdf", new byte[] {'M', 'Z', 0, 0}))
                        .param("message", "A program")
                        .with(as(s.globalAdmin)))
                .andExpect(status().isUnsupportedMediaType());
        s.call("/api/v1/enrollments/" + id + "/info-response", as(s.reportViewer), "{\"message\": \"Hello\"}")
                .andExpect(status().isForbidden());
        s.read("/api/v1/enrollments/" + id, as(s.reviewer))
                .andExpect(jsonPath("$.status").value("INFO_REQUESTED"));
    }

    @Test
    void the_partner_is_reminded_two_days_before_the_due_date_once_and_withdrawn_the_day_after_it() throws Exception {
        ask("2023-06-30");
        timers.run(LocalDate.of(2023, 6, 27));
        assertThat(reminderSentOn()).as("three days before").isNull();
        assertThat(notices.count(s.partner, "ENROLLMENT_INFO_REMINDER")).isZero();
        assertThat(timers.run(LocalDate.of(2023, 6, 28)).reminded()).isGreaterThanOrEqualTo(1);
        assertThat(reminderSentOn()).isEqualTo(LocalDate.of(2023, 6, 28));
        timers.run(LocalDate.of(2023, 6, 28));
        timers.run(LocalDate.of(2023, 6, 29));
        assertThat(notices.count(s.partner, "ENROLLMENT_INFO_REMINDER")).isEqualTo(1);
        timers.run(LocalDate.of(2023, 6, 30));
        s.read("/api/v1/enrollments/" + id, as(s.reviewer))
                .andExpect(jsonPath("$.status").value("INFO_REQUESTED"));

        clock.advance(Duration.ofDays(17));
        timers.run(LocalDate.of(2023, 7, 1));
        s.read("/api/v1/enrollments/" + id, as(s.globalAdmin))
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.history[3].step").value("EXPIRE"))
                .andExpect(jsonPath("$.history[3].by").value(EnrollmentWorkflow.SYSTEM));
        timers.run(LocalDate.of(2023, 7, 2));
        assertThat(notices.count(s.partner, "ENROLLMENT_WITHDRAWN_PAST_DUE")).isEqualTo(1);
    }

    @Test
    void an_answer_on_the_due_date_keeps_the_application() throws Exception {
        ask("2023-06-20");
        clock.set(java.time.Instant.parse("2023-06-20T18:00:00Z"));
        s.call("/api/v1/enrollments/" + id + "/info-response", as(s.globalAdmin), "{\"message\": \"Sent by post\"}")
                .andExpect(status().isOk());
        timers.run(LocalDate.of(2023, 6, 21));
        s.read("/api/v1/enrollments/" + id, as(s.globalAdmin))
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
    }

    @Test
    void a_program_admin_runs_the_timers_for_a_date_over_http() throws Exception {
        ask("2023-06-30");
        s.call("/api/v1/enrollments/timer-runs", admin(), "{\"asOf\": \"2023-06-28\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2023-06-28"));
        assertThat(reminderSentOn()).isEqualTo(LocalDate.of(2023, 6, 28));
        s.call("/api/v1/enrollments/timer-runs", as(s.reviewer), "{\"asOf\": \"2023-06-28\"}")
                .andExpect(status().isForbidden());
        s.call("/api/v1/enrollments/timer-runs", admin(), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    private @org.jspecify.annotations.Nullable LocalDate reminderSentOn() {
        List<LocalDate> reminded = new java.util.ArrayList<>();
        jdbc.sql("SELECT r.reminded_on FROM enrollment_info_request r WHERE r.enrollment_id = ?")
                .param(UUID.fromString(id))
                .query(rs -> {
                    reminded.add(rs.getObject(1, LocalDate.class));
                });
        assertThat(reminded).hasSize(1);
        return reminded.get(0);
    }
}
