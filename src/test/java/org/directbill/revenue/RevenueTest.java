package org.directbill.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.UserId;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.shared.problem.Forbidden;
import org.directbill.shared.problem.NotFound;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** The revenue service itself: who may call it, and every partner's revenue in one pass (H2 and PostgreSQL). */
@IntegrationTest
class RevenueTest {

    @Autowired
    Revenue revenue;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static <T> T as(Caller caller, Supplier<T> work) {
        Callers.CallerHolder holder = () -> caller;
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(holder, null, List.of()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Caller staff(Role role) {
        return new Caller(UserId.random(), "staff@example.com", Set.of(role), null);
    }

    private static Caller partnerUser(String partner, Role role) {
        return new Caller(UserId.random(), "user@example.com", Set.of(role), new PartnerId(UUID.fromString(partner)));
    }

    private static PartnerId id(String partner) {
        return new PartnerId(UUID.fromString(partner));
    }

    /** A location ID at the very start (prefix 00000) or end (prefix 9999) of the order of location IDs. */
    private static String locationIdAt(boolean start) {
        int random = ThreadLocalRandom.current().nextInt(100_000);
        return start ? "00000" + String.format("%05d", random) : "9999" + String.format("%06d", random);
    }

    private void addLocation(String partner, String locationId) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/partners/{id}/locations", partner)
                        .with(Fixtures.admin())
                        .contentType("application/json")
                        .content("{\"locationId\": \"" + locationId
                                + "\", \"country\": \"FR\", \"membershipStatus\": \"ACTIVE\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isCreated());
    }

    @Test
    void every_partner_computed_in_one_pass_has_the_figures_it_has_alone() throws Exception {
        RevenueScenario scenario = RevenueScenario.create(mvc, jdbc, rollups, Fixtures.unique("Batch"));
        Fixtures fixtures = new Fixtures(mvc);
        String withoutLocation = fixtures.createPartner(Fixtures.unique("No Location"));
        // Locations far apart in the order of location IDs: nothing depends on that order.
        String spread = fixtures.createPartner(Fixtures.unique("Spread"));
        String first = locationIdAt(true);
        String last = locationIdAt(false);
        addLocation(spread, first);
        addLocation(spread, last);
        String before = scenario.previousYear;
        new TestLedger(jdbc, rollups)
                .line(first, "AZURE_CONSUMPTION", before + "-12-01", before + "-12-02", "1000", "USD")
                .line(last, "AZURE_CONSUMPTION", before + "-12-03", before + "-12-04", "234.56", "USD")
                .line(last, "AZURE_CONSUMPTION", scenario.year + "-01-05", scenario.year + "-01-06", "-0.01", "USD")
                .rollUp();
        LocalDate asOf = LocalDate.parse(scenario.asOf);

        List<RevenueView> all = new ArrayList<>();
        as(staff(Role.REVIEWER), () -> {
            revenue.ofAll(asOf, all::add);
            return null;
        });
        // Two locations per query: many queries, partners split across none of them.
        List<RevenueView> inSmallReads = new ArrayList<>();
        as(staff(Role.CREDIT_ANALYST), () -> {
            revenue.ofAll(asOf, 2, inSmallReads::add);
            return null;
        });

        Map<PartnerId, RevenueView> byPartner = new HashMap<>();
        all.forEach(view -> assertThat(byPartner.put(view.partnerId(), view))
                .as("each partner once")
                .isNull());
        assertThat(inSmallReads).containsExactlyInAnyOrderElementsOf(all);
        for (String partner : List.of(scenario.partnerId, withoutLocation, spread)) {
            RevenueView alone = as(staff(Role.PROGRAM_ADMIN), () -> revenue.of(id(partner), asOf));
            assertThat(byPartner.get(id(partner))).as(partner).isEqualTo(alone);
        }
        assertThat(byPartner.get(id(scenario.partnerId)).result().total().rounded())
                .isEqualByComparingTo("1826.27");
        assertThat(byPartner.get(id(spread)).result().total().rounded()).isEqualByComparingTo("1234.55");
        RevenueView empty = byPartner.get(id(withoutLocation));
        assertThat(empty.byLocation()).isEmpty();
        assertThat(empty.result().total().rounded()).isEqualByComparingTo("0.00");
        assertThat(empty.result().months()).hasSize(12);
    }

    @Test
    void only_program_staff_compute_every_partner() throws Exception {
        String partner = new Fixtures(mvc).createPartner(Fixtures.unique("Own"));
        for (Caller caller : List.of(partnerUser(partner, Role.GLOBAL_ADMIN), staff(Role.INTEGRATION))) {
            assertThatThrownBy(() -> as(caller, () -> {
                        revenue.ofAll(LocalDate.parse("2030-01-10"), view -> {});
                        return null;
                    }))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void the_partners_admins_and_billing_admin_read_its_revenue_others_are_refused_or_told_nothing() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String partner = fixtures.createPartner(Fixtures.unique("Permissions"));
        String other = fixtures.createPartner(Fixtures.unique("Someone Else"));
        LocalDate asOf = LocalDate.parse("2030-01-10");

        for (Role role : List.of(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN, Role.BILLING_ADMIN)) {
            assertThat(as(partnerUser(partner, role), () -> revenue.of(id(partner), asOf))
                            .partnerId())
                    .isEqualTo(id(partner));
        }
        for (Role role : List.of(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST)) {
            assertThat(as(staff(role), () -> revenue.of(id(partner), asOf))).isNotNull();
        }
        for (Role role : List.of(Role.REPORT_VIEWER, Role.SALES_AGENT, Role.ADMIN_AGENT)) {
            assertThatThrownBy(() -> as(partnerUser(partner, role), () -> revenue.of(id(partner), asOf)))
                    .isInstanceOf(Forbidden.class);
        }
        assertThatThrownBy(() -> as(staff(Role.INTEGRATION), () -> revenue.of(id(partner), asOf)))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> as(partnerUser(other, Role.GLOBAL_ADMIN), () -> revenue.of(id(partner), asOf)))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void revenue_is_counted_by_the_policy_in_force_on_the_as_of_date() throws Exception {
        String partner = new Fixtures(mvc).createPartner(Fixtures.unique("Policy"));

        RevenueView in2019 =
                as(staff(Role.PROGRAM_ADMIN), () -> revenue.of(id(partner), LocalDate.parse("2019-03-10")));
        assertThat(in2019.policyId()).isEqualTo("csp-direct-2018");
        assertThat(in2019.rules().thresholdUsd()).isEmpty();
        assertThat(in2019.requirement()).isNull();
        assertThat(in2019.result().windowStart()).hasToString("2018-03");

        RevenueView in2021 =
                as(staff(Role.PROGRAM_ADMIN), () -> revenue.of(id(partner), LocalDate.parse("2021-03-10")));
        assertThat(in2021.policyId()).isEqualTo("csp-direct-2020");
        assertThat(in2021.rules().thresholdUsd()).contains(new BigDecimal("300000"));
        assertThat(in2021.requirement()).isNotNull();

        RevenueView in2026 =
                as(staff(Role.PROGRAM_ADMIN), () -> revenue.of(id(partner), LocalDate.parse("2026-01-10")));
        assertThat(in2026.policyId()).isEqualTo("csp-direct-fy26");
        assertThat(in2026.rules().thresholdUsd()).contains(new BigDecimal("1000000"));
        assertThat(in2026.requirement()).isNotNull();
    }

    @Test
    void before_the_first_policy_revenue_is_counted_by_the_earliest_one() throws Exception {
        String partner = new Fixtures(mvc).createPartner(Fixtures.unique("Early"));

        RevenueView view = as(staff(Role.PROGRAM_ADMIN), () -> revenue.of(id(partner), LocalDate.parse("2017-06-30")));

        assertThat(view.policyId()).isEqualTo("csp-direct-2018");
        assertThat(view.requirement()).isNull();
        assertThat(view.result().windowStart()).hasToString("2016-06");
    }
}
