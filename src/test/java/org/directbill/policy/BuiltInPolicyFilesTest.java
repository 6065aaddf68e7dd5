package org.directbill.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PolicyDraft;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The four built-in policy files say exactly what domain.md's table says, in the API's shape. */
class BuiltInPolicyFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"csp-direct-2018", "csp-direct-2020", "csp-direct-2021", "csp-direct-fy26"})
    void each_file_is_a_valid_policy_equal_to_the_table_requirement_by_requirement(String id) {
        Policy policy = BuiltInPolicyFiles.policy(id);
        Policy table = BuiltInTable.POLICIES.get(id);

        assertThat(policy.id()).isEqualTo(id);
        assertThat(policy.title()).isEqualTo(table.title());
        assertThat(policy.effectiveFrom()).isEqualTo(table.effectiveFrom());
        assertThat(policy.enforcement()).isEqualTo(table.enforcement());
        assertThat(policy.requirements()).containsExactlyElementsOf(table.requirements());
        assertThat(policy).isEqualTo(table);
    }

    @ParameterizedTest
    @ValueSource(strings = {"csp-direct-2018", "csp-direct-2020", "csp-direct-2021", "csp-direct-fy26"})
    void each_file_spells_out_every_parameter_and_the_enforcement(String id) {
        JsonNode file = BuiltInPolicyFiles.tree(id);

        assertThat(names(file)).containsExactly("id", "title", "effectiveFrom", "enforcement", "requirements");
        assertThat(names(file.get("enforcement")))
                .containsExactly("measureAt", "cureDays", "suspendAfterDays", "revokeAfterDays");
        for (JsonNode requirement : file.get("requirements")) {
            assertThat(names(requirement)).containsExactly("code", "level", "parameters");
            List<String> expected = switch (requirement.get("code").asString()) {
                case "LOCATION_ID" -> List.of("scope");
                case "TTM_REVENUE" -> List.of("thresholdUsd", "windowMonths", "refreshDay", "countedCategories");
                case "INDIRECT_TENURE" -> List.of("months");
                default -> List.of();
            };
            assertThat(names(requirement.get("parameters")))
                    .as("parameters of %s in %s", requirement.get("code"), id)
                    .containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csp-direct-2018", "csp-direct-2020", "csp-direct-2021", "csp-direct-fy26"})
    void each_file_is_the_canonical_document_of_its_policy(String id) {
        JsonNode canonical = BuiltInPolicyFiles.JSON.valueToTree(PolicyDraft.of(BuiltInPolicyFiles.policy(id)));

        assertThat(BuiltInPolicyFiles.tree(id)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"csp-direct-2020", "csp-direct-2021", "csp-direct-fy26"})
    void money_is_written_as_a_decimal_string(String id) {
        for (JsonNode requirement : BuiltInPolicyFiles.tree(id).get("requirements")) {
            if (requirement.get("code").asString().equals("TTM_REVENUE")) {
                assertThat(requirement.at("/parameters/thresholdUsd").isString())
                        .isTrue();
            }
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
