package org.directbill.compliance;

import static org.directbill.support.Fixtures.admin;
import static org.directbill.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.directbill.enrollment.EnrollmentScenario;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.MutableClock;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Direct-bill partners in the states the compliance pages show, made through the real API on
 * {@code EnrollmentTime.START} (2023-06-14): ACTIVE in France through the whole enrollment, AT_RISK
 * after a run finds a requirement broken, RESTRICTED by a program admin's hand.
 */
public final class CompliancePartners {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final LedgerRollups rollups;
    private final MutableClock clock;

    public CompliancePartners(MockMvc mvc, JdbcClient jdbc, LedgerRollups rollups, MutableClock clock) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.clock = clock;
    }

    /**
     * A minute passes (the date stays): the history is ordered by when each change was recorded, and a
     * clock that stands still would record a step and the next at the same instant.
     */
    private void aMinuteLater() {
        clock.advance(Duration.ofMinutes(1));
    }

    /** A partner ready for csp-direct-2021, enrolled in France and ACTIVE since 2023-06-14. */
    public EnrollmentScenario active() throws Exception {
        EnrollmentScenario s = new EnrollmentScenario(mvc, jdbc, rollups);
        String enrollment = s.creditApproved();
        s.supportPlan("2023-06-14").andExpect(status().isCreated());
        String version = EnrollmentScenario.json(s.read("/api/v1/agreements/current?market=FR", as(s.globalAdmin)))
                .get("version")
                .asString();
        s.accept(enrollment, version)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        return s;
    }

    /** The partner no longer names a signatory: the ENDORSEMENT requirement fails from now on. */
    public void clearSignatory(String partner) throws Exception {
        mvc.perform(patch("/api/v1/partners/{id}/profile", partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signatory\": null}"))
                .andExpect(status().isOk());
    }

    /** The compliance run as of a date, as the program admin: what it did. */
    public JsonNode run(String asOf, boolean reassessAll) throws Exception {
        aMinuteLater();
        return EnrollmentScenario.json(mvc.perform(post("/api/v1/compliance/runs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"%s\", \"reassessAll\": %s}".formatted(asOf, reassessAll)))
                .andExpect(status().isOk()));
    }

    /** Active, then AT_RISK from {@code asOf} (a run reassessing every active partner that day). */
    public EnrollmentScenario atRisk(String asOf) throws Exception {
        EnrollmentScenario s = active();
        clearSignatory(s.partner);
        run(asOf, true);
        return s;
    }

    /** A program admin's step by hand, today, with a reason. */
    public JsonNode act(String partner, String action, String reason) throws Exception {
        aMinuteLater();
        return EnrollmentScenario.json(mvc.perform(post("/api/v1/partners/{id}/status-actions", partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"%s\", \"reason\": \"%s\"}".formatted(action, reason)))
                .andExpect(status().isOk()));
    }

    /** Active, then RESTRICTED today by a program admin, with this reason. */
    public EnrollmentScenario restricted(String reason) throws Exception {
        EnrollmentScenario s = active();
        act(s.partner, "RESTRICT", reason);
        return s;
    }
}
