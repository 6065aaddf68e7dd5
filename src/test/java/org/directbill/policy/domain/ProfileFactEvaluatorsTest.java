package org.directbill.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.directbill.partner.domain.FactStatus;
import org.directbill.partner.domain.PartnerProfile.BillingInfrastructure;
import org.directbill.partner.domain.PartnerProfile.ManagedService;
import org.directbill.partner.domain.PartnerProfile.ServiceKind;
import org.directbill.partner.domain.PartnerProfile.Signatory;
import org.directbill.partner.domain.PartnerProfile.SupportCapability;
import org.directbill.policy.domain.RequirementParameters.None;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The requirements read from the profile: declared facts (NOT_MET when empty or "no": the partner
 * can act) and the checks others make (PENDING while they have not decided).
 */
class ProfileFactEvaluatorsTest {

    static RequirementResult evaluate(RequirementEvaluator evaluator, FactsBuilder facts) {
        return evaluator.evaluate(new Requirement(evaluator.code(), Level.REQUIRED, new None()), facts.build());
    }

    @Nested
    class Endorsement {
        final EndorsementEvaluator evaluator = new EndorsementEvaluator();

        @Test
        void a_signatory_with_authority_to_sign_is_met_with_name_and_title() {
            RequirementResult result = evaluate(
                    evaluator,
                    new FactsBuilder().signatory(new Signatory("Ada Lovelace", "ada@example.com", "CEO", true)));

            assertThat(result.status()).isEqualTo(RequirementStatus.MET);
            assertThat(result.reason()).isEqualTo("SIGNATORY_WITH_AUTHORITY");
            assertThat(result.reasonArguments()).containsExactly("Ada Lovelace");
            assertThat(result.details())
                    .containsEntry("signatoryName", "Ada Lovelace")
                    .containsEntry("signatoryTitle", "CEO")
                    .doesNotContainKey("signatoryEmail");
        }

        @Test
        void no_signatory_is_not_met() {
            RequirementResult result = evaluate(evaluator, new FactsBuilder().signatory(null));

            assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
            assertThat(result.reason()).isEqualTo("NO_SIGNATORY");
        }

        @Test
        void a_signatory_without_authority_to_sign_is_not_met() {
            RequirementResult result = evaluate(
                    evaluator, new FactsBuilder().signatory(new Signatory("Bob", "bob@example.com", null, false)));

            assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
            assertThat(result.reason()).isEqualTo("SIGNATORY_WITHOUT_AUTHORITY");
            assertThat(result.reasonArguments()).containsExactly("Bob");
            assertThat(result.details()).doesNotContainKey("signatoryTitle");
        }
    }

    @Nested
    class SupportCapabilityRule {
        final SupportCapabilityEvaluator evaluator = new SupportCapabilityEvaluator();

        @Test
        void first_level_support_is_met() {
            assertThat(evaluate(evaluator, new FactsBuilder().supportCapability(new SupportCapability(true, null)))
                            .reason())
                    .isEqualTo("FIRST_LEVEL_SUPPORT");
        }

        @Test
        void nothing_declared_is_not_met() {
            RequirementResult result = evaluate(evaluator, new FactsBuilder().supportCapability(null));

            assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
            assertThat(result.reason()).isEqualTo("NO_SUPPORT_CAPABILITY");
        }

        @Test
        void no_first_level_support_is_not_met() {
            RequirementResult result =
                    evaluate(evaluator, new FactsBuilder().supportCapability(new SupportCapability(false, null)));

            assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
            assertThat(result.reason()).isEqualTo("NO_FIRST_LEVEL_SUPPORT");
        }
    }

    @Nested
    class Billing {
        final BillingInfrastructureEvaluator evaluator = new BillingInfrastructureEvaluator();

        @Test
        void billing_in_place_is_met() {
            assertThat(evaluate(evaluator, new FactsBuilder().billing(new BillingInfrastructure(true, null)))
                            .status())
                    .isEqualTo(RequirementStatus.MET);
        }

        @Test
        void nothing_declared_is_not_met() {
            assertThat(evaluate(evaluator, new FactsBuilder().billing(null)).reason())
                    .isEqualTo("NO_BILLING_INFRASTRUCTURE");
        }

        @Test
        void billing_not_in_place_is_not_met() {
            RequirementResult result =
                    evaluate(evaluator, new FactsBuilder().billing(new BillingInfrastructure(false, "none")));

            assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
            assertThat(result.reason()).isEqualTo("BILLING_NOT_IN_PLACE");
        }
    }

    @Nested
    class ManagedServices {
        final ManagedServiceEvaluator evaluator = new ManagedServiceEvaluator();

        @Test
        void declared_services_are_met_with_their_count_and_names() {
            RequirementResult result = evaluate(
                    evaluator,
                    new FactsBuilder()
                            .managedServices(
                                    new ManagedService("Backup", ServiceKind.MANAGED_SERVICE),
                                    new ManagedService("Migration kit", ServiceKind.IP_SERVICE)));

            assertThat(result.status()).isEqualTo(RequirementStatus.MET);
            assertThat(result.reasonArguments()).containsExactly("2", "Backup, Migration kit");
            assertThat(result.details())
                    .containsEntry("count", 2)
                    .containsEntry("names", List.of("Backup", "Migration kit"));
        }

        @Test
        void no_service_is_not_met() {
            RequirementResult result = evaluate(evaluator, new FactsBuilder().managedServices());

            assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
            assertThat(result.reason()).isEqualTo("NO_MANAGED_SERVICE");
        }
    }

    @Nested
    class BusinessVetting {
        final BusinessVettingEvaluator evaluator = new BusinessVettingEvaluator();

        @Test
        void passed_is_met_failed_not_met_in_progress_pending() {
            assertThat(evaluate(evaluator, new FactsBuilder().businessVetting(FactStatus.PASSED))
                            .status())
                    .isEqualTo(RequirementStatus.MET);
            assertThat(evaluate(evaluator, new FactsBuilder().businessVetting(FactStatus.FAILED))
                            .status())
                    .isEqualTo(RequirementStatus.NOT_MET);
            RequirementResult inProgress = evaluate(evaluator, new FactsBuilder().businessVetting(FactStatus.PENDING));
            assertThat(inProgress.status()).isEqualTo(RequirementStatus.PENDING);
            assertThat(inProgress.details()).containsEntry("status", "PENDING");
        }

        @Test
        void not_yet_recorded_is_pending_so_that_it_does_not_block_a_submission() {
            RequirementResult result = evaluate(evaluator, new FactsBuilder().businessVetting(null));

            assertThat(result.status()).isEqualTo(RequirementStatus.PENDING);
            assertThat(result.reason()).isEqualTo("VETTING_NOT_RECORDED");
            assertThat(result.details()).isEmpty();
        }
    }

    @Nested
    class OperationalAssessment {
        final OperationalAssessmentEvaluator evaluator = new OperationalAssessmentEvaluator();

        @Test
        void passed_is_met_failed_not_met_in_progress_pending() {
            assertThat(evaluate(evaluator, new FactsBuilder().operationalAssessment(FactStatus.PASSED))
                            .reason())
                    .isEqualTo("ASSESSMENT_PASSED");
            assertThat(evaluate(evaluator, new FactsBuilder().operationalAssessment(FactStatus.FAILED))
                            .reason())
                    .isEqualTo("ASSESSMENT_FAILED");
            assertThat(evaluate(evaluator, new FactsBuilder().operationalAssessment(FactStatus.PENDING))
                            .reason())
                    .isEqualTo("ASSESSMENT_IN_PROGRESS");
        }

        @Test
        void not_yet_recorded_is_pending() {
            RequirementResult result = evaluate(evaluator, new FactsBuilder().operationalAssessment(null));

            assertThat(result.status()).isEqualTo(RequirementStatus.PENDING);
            assertThat(result.reason()).isEqualTo("ASSESSMENT_NOT_RECORDED");
        }
    }

    @Nested
    class SecurityScore {
        final SecurityScoreEvaluator evaluator = new SecurityScoreEvaluator();

        @Test
        void complete_is_met() {
            assertThat(evaluate(evaluator, new FactsBuilder().securityScoreComplete(true))
                            .status())
                    .isEqualTo(RequirementStatus.MET);
        }

        @Test
        void incomplete_is_not_met_the_partner_completes_them() {
            RequirementResult result = evaluate(evaluator, new FactsBuilder().securityScoreComplete(false));

            assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
            assertThat(result.reason()).isEqualTo("SECURITY_SCORE_INCOMPLETE");
        }

        @Test
        void not_reported_is_pending() {
            RequirementResult result = evaluate(evaluator, new FactsBuilder().securityScoreComplete(null));

            assertThat(result.status()).isEqualTo(RequirementStatus.PENDING);
            assertThat(result.reason()).isEqualTo("SECURITY_SCORE_NOT_REPORTED");
        }
    }

    @Nested
    class Designations {
        final SolutionsDesignationEvaluator evaluator = new SolutionsDesignationEvaluator();

        @Test
        void a_designation_is_met_and_listed() {
            RequirementResult result =
                    evaluate(evaluator, new FactsBuilder().designations("Security", "Infrastructure (Azure)"));

            assertThat(result.status()).isEqualTo(RequirementStatus.MET);
            assertThat(result.reasonArguments()).containsExactly("Security, Infrastructure (Azure)");
            assertThat(result.details()).containsEntry("designations", List.of("Security", "Infrastructure (Azure)"));
        }

        @Test
        void none_is_not_met() {
            RequirementResult result = evaluate(evaluator, new FactsBuilder().designations());

            assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
            assertThat(result.reason()).isEqualTo("NO_DESIGNATION");
        }
    }
}
