package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.directbill.revenue.domain.SaleSelection.Candidate;
import org.directbill.shared.validation.Violation;
import org.directbill.shared.validation.Violations;
import org.junit.jupiter.api.Test;

/** Which sales a reviewer's selection names: whole invoices and single lines, of one partner only. */
class SaleSelectionTest {

    static final Set<String> OWN = Set.of("1111111", "2222222");
    static final List<Candidate> LEDGER = List.of(
            new Candidate("L3", "INV-A", "1111111"),
            new Candidate("L1", "INV-A", "2222222"),
            new Candidate("L2", "INV-B", "1111111"),
            new Candidate("X1", "INV-A", "9999999"),
            new Candidate("X2", "INV-X", "9999999"));

    static SaleSelection valid(List<String> invoices, List<String> lines) {
        Violations violations = new Violations();
        SaleSelection selection = SaleSelection.validate(invoices, lines, violations);
        assertThat(violations.list()).isEmpty();
        return selection;
    }

    @Test
    void an_invoice_selects_every_line_of_the_partner_on_it_and_lines_add_to_them_once() {
        SaleSelection selection = valid(List.of("INV-A"), List.of("L2", "L1"));

        Violations violations = new Violations();
        assertThat(selection.resolve(LEDGER, OWN, violations)).containsExactly("L1", "L3", "L2");
        assertThat(violations.isEmpty()).isTrue();
    }

    @Test
    void another_partners_sale_or_invoice_reads_as_unknown_and_each_is_named_by_its_position() {
        SaleSelection selection = valid(List.of("INV-A", "INV-X", "INV-NONE"), List.of("L2", "X1", "NOPE"));

        Violations violations = new Violations();
        assertThat(selection.resolve(LEDGER, OWN, violations)).containsExactly("L1", "L3", "L2");
        assertThat(violations.list())
                .containsExactly(
                        Violation.of("invoiceIds[1]", "UNKNOWN_INVOICE", "INV-X"),
                        Violation.of("invoiceIds[2]", "UNKNOWN_INVOICE", "INV-NONE"),
                        Violation.of("lineIds[1]", "UNKNOWN_SALE", "X1"),
                        Violation.of("lineIds[2]", "UNKNOWN_SALE", "NOPE"));
    }

    @Test
    void a_selection_names_at_least_one_sale() {
        Violations violations = new Violations();
        SaleSelection.validate(null, List.of(), violations);

        assertThat(violations.list()).containsExactly(Violation.of("lineIds", "SALES_REQUIRED"));
    }

    @Test
    void blank_long_and_too_many_ids_are_refused() {
        Violations violations = new Violations();
        SaleSelection selection =
                SaleSelection.validate(Arrays.asList(" INV-1 ", null, "x".repeat(65)), List.of(" "), violations);

        assertThat(violations.list())
                .containsExactly(
                        Violation.of("invoiceIds[1]", "REQUIRED"),
                        Violation.of("invoiceIds[2]", "TOO_LONG", 64),
                        Violation.of("lineIds[0]", "REQUIRED"));
        assertThat(selection.invoiceIds().get(0)).isEqualTo("INV-1");

        Violations many = new Violations();
        List<String> ids = new ArrayList<>(Collections.nCopies(SaleSelection.MAX_IDS + 1, "L"));
        SaleSelection.validate(List.of("INV-1"), ids, many);
        assertThat(many.list()).containsExactly(Violation.of("lineIds", "TOO_MANY", SaleSelection.MAX_IDS));
    }
}
