package org.directbill.policy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.directbill.policy.domain.RequirementCode;
import org.directbill.policy.domain.RequirementStatus;
import org.junit.jupiter.api.Test;

class NextStepTest {

    private static final NextStep.Access PARTNER_ADMIN = new NextStep.Access(false, true, true, false, false);
    private static final NextStep.Access REVIEWER = new NextStep.Access(true, true, false, true, false);
    private static final NextStep.Access REPORT_VIEWER = new NextStep.Access(false, false, false, false, false);

    private static NextStep step(RequirementCode code, RequirementStatus status, NextStep.Access access) {
        return NextStep.of(code, status, "p1", access);
    }

    @Test
    void a_met_requirement_has_no_next_step() {
        assertThat(step(RequirementCode.ENDORSEMENT, RequirementStatus.MET, PARTNER_ADMIN))
                .isNull();
    }

    @Test
    void a_declared_fact_links_its_section_of_the_profile_form() {
        assertThat(step(RequirementCode.ENDORSEMENT, RequirementStatus.NOT_MET, PARTNER_ADMIN))
                .isEqualTo(new NextStep("/partners/p1/profile#signatory", "eligibility.next.profile.edit"));
        assertThat(step(RequirementCode.ENDORSEMENT, RequirementStatus.NOT_MET, REPORT_VIEWER))
                .isEqualTo(new NextStep("/partners/p1/profile#signatory", "eligibility.next.profile.seeDeclared"));
    }

    @Test
    void a_program_fact_waiting_on_staff_tells_the_partner_there_is_nothing_to_do() {
        assertThat(step(RequirementCode.BUSINESS_VETTING, RequirementStatus.PENDING, PARTNER_ADMIN))
                .isEqualTo(new NextStep(null, "eligibility.next.programStaff"));
    }

    @Test
    void a_program_fact_not_met_tells_the_partner_to_act_then_tell_staff() {
        assertThat(step(RequirementCode.SOLUTIONS_DESIGNATION, RequirementStatus.NOT_MET, PARTNER_ADMIN))
                .isEqualTo(new NextStep(null, "eligibility.next.programStaff.notMet"));
    }

    @Test
    void staff_get_a_link_to_record_the_program_facts() {
        assertThat(step(RequirementCode.SECURITY_SCORE, RequirementStatus.NOT_MET, REVIEWER))
                .isEqualTo(new NextStep("/partners/p1/profile#program-facts", "eligibility.next.programFacts.edit"));
    }

    @Test
    void the_revenue_page_is_offered_only_to_who_may_see_it() {
        assertThat(step(RequirementCode.TTM_REVENUE, RequirementStatus.NOT_MET, PARTNER_ADMIN))
                .isEqualTo(new NextStep("/partners/p1/revenue", "eligibility.next.revenue"));
        assertThat(step(RequirementCode.TTM_REVENUE, RequirementStatus.NOT_MET, REPORT_VIEWER))
                .isEqualTo(new NextStep(null, "eligibility.next.revenueHidden"));
    }
}
