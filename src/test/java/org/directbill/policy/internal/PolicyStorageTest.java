package org.directbill.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.directbill.policy.BuiltInPolicyFiles;
import org.directbill.policy.BuiltInTable;
import org.directbill.policy.PolicyFixtures;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PublishedPolicy;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code policy} table on H2 and PostgreSQL: the built-ins stored at start once and for all,
 * read back as the table says, and no published row ever changed.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PolicyStorageTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    PolicyStore store;

    @Autowired
    BuiltInPolicies builtIns;

    @Autowired
    Clock clock;

    private List<Map<String, Object>> builtInRows() {
        return jdbc.sql("SELECT id, document, published_at, published_by FROM policy WHERE built_in ORDER BY id")
                .query()
                .listOfRows();
    }

    @Test
    void the_built_in_policies_are_stored_at_start_as_the_table_says() {
        assertThat(builtInRows())
                .extracting(row -> row.get("id"), row -> row.get("published_by"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("csp-direct-2018", "system"),
                        org.assertj.core.groups.Tuple.tuple("csp-direct-2020", "system"),
                        org.assertj.core.groups.Tuple.tuple("csp-direct-2021", "system"),
                        org.assertj.core.groups.Tuple.tuple("csp-direct-fy26", "system"));
        for (String id : BuiltInPolicyFiles.IDS) {
            PublishedPolicy stored = store.find(id).orElseThrow();
            assertThat(stored.policy()).isEqualTo(BuiltInTable.POLICIES.get(id));
            assertThat(stored.builtIn()).isTrue();
        }
    }

    @Test
    void the_stored_document_is_the_canonical_json_of_the_api() {
        String document = jdbc.sql("SELECT document FROM policy WHERE id = 'csp-direct-fy26'")
                .query(String.class)
                .single();

        assertThat(json.readTree(document)).isEqualTo(BuiltInPolicyFiles.tree("csp-direct-fy26"));
    }

    @Test
    void loading_the_built_ins_again_changes_nothing() {
        List<Map<String, Object>> before = builtInRows();

        builtIns.afterSingletonsInstantiated();
        builtIns.afterSingletonsInstantiated();

        assertThat(builtInRows()).isEqualTo(before);
    }

    @Test
    void a_stored_built_in_that_differs_from_its_file_is_left_as_it_is_and_said_in_the_log(CapturedOutput log) {
        Policy stored = BuiltInPolicyFiles.policy("csp-direct-2021");
        Policy edited = new Policy(
                stored.id(),
                "CSP direct bill requirements (April 2021, edited)",
                stored.effectiveFrom(),
                stored.enforcement(),
                stored.requirements());
        List<Map<String, Object>> before = builtInRows();

        builtIns.load(edited);

        assertThat(builtInRows()).isEqualTo(before);
        assertThat(store.find("csp-direct-2021").orElseThrow().policy()).isEqualTo(stored);
        assertThat(log.getOut() + log.getErr())
                .contains("The stored policy csp-direct-2021 differs from its built-in file");
    }

    @Test
    void an_instance_that_finds_the_built_in_stored_by_another_between_its_look_and_its_insert_carries_on() {
        AtomicBoolean firstLook = new AtomicBoolean(true);
        // The other instance stores it just after this one looked: the first look sees nothing.
        PolicyStore late = new PolicyStore(jdbc, json) {
            @Override
            public Optional<PublishedPolicy> find(String id) {
                return firstLook.getAndSet(false) ? Optional.empty() : super.find(id);
            }
        };
        List<Map<String, Object>> before = builtInRows();

        new BuiltInPolicies(late, clock).afterSingletonsInstantiated();

        assertThat(firstLook).isFalse();
        assertThat(builtInRows()).isEqualTo(before);
    }

    @Test
    void a_built_in_whose_date_is_already_another_policys_is_not_stored_and_the_start_goes_on(CapturedOutput log) {
        Policy fy26 = BuiltInPolicyFiles.policy("csp-direct-fy26");
        String id = PolicyFixtures.uniqueId();
        Policy sameDate = new Policy(id, "Same date", fy26.effectiveFrom(), fy26.enforcement(), fy26.requirements());

        builtIns.load(sameDate);

        assertThat(store.find(id)).isEmpty();
        assertThat(log.getOut() + log.getErr()).contains("is already the policy csp-direct-fy26's");
    }

    @Test
    void the_database_refuses_to_update_or_delete_a_policy() {
        String before = jdbc.sql("SELECT title FROM policy WHERE id = 'csp-direct-2020'")
                .query(String.class)
                .single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE policy SET title = 'Edited' WHERE id = 'csp-direct-2020'")
                        .update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("UPDATE policy SET published_at = ?")
                        .param(OffsetDateTime.now())
                        .update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM policy WHERE id = 'csp-direct-2020'")
                        .update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM policy").update()).hasMessageContaining("immutable");

        assertThat(jdbc.sql("SELECT title FROM policy WHERE id = 'csp-direct-2020'")
                        .query(String.class)
                        .single())
                .isEqualTo(before);
        assertThat(builtInRows()).hasSize(4);
    }
}
