package org.directbill.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every action under every status, for an indirect reseller and for a partner that is not one,
 * against a table written from domain.md ("Staying a direct-bill partner"), not from the code:
 *
 * <ul>
 *   <li>Restricted blocks new purchases (new Azure, license and add-on subscriptions, one-time
 *       purchases, partner shared services), creating customers, requesting reseller relationships
 *       and creating sandboxes; renewing, suspending subscriptions, seat counts and managing Azure
 *       resources are still allowed.
 *   <li>Suspended additionally blocks changing seat counts.
 *   <li>Revoked allows nothing but managing Azure resources and suspending subscriptions.
 *   <li>At risk allows what active allows.
 *   <li>Not a direct-bill partner (NONE): every direct-bill action refused, NOT_DIRECT_BILL.
 *   <li>Inviting as an indirect reseller: allowed when the partner is also an indirect reseller,
 *       whatever its direct-bill status (even revoked); otherwise refused as not an indirect reseller
 *       — and as not a direct-bill partner at all when it is NONE.
 * </ul>
 */
class AuthorizationMatrixTest {

    private static final List<DirectBillStatus> COLUMNS = List.of(
            DirectBillStatus.NONE,
            DirectBillStatus.ACTIVE,
            DirectBillStatus.AT_RISK,
            DirectBillStatus.RESTRICTED,
            DirectBillStatus.SUSPENDED,
            DirectBillStatus.REVOKED);

    /** "ok" is allowed; otherwise the refusal's code (NDB: NOT_DIRECT_BILL, NIR: NOT_INDIRECT_RESELLER). */
    private static final String TABLE = """
            action                        NONE  ACTIVE  AT_RISK  RESTRICTED  SUSPENDED  REVOKED
            NEW_AZURE_SUBSCRIPTION        NDB   ok      ok       RESTRICTED  SUSPENDED  REVOKED
            NEW_LICENSE_SUBSCRIPTION      NDB   ok      ok       RESTRICTED  SUSPENDED  REVOKED
            NEW_ADDON                     NDB   ok      ok       RESTRICTED  SUSPENDED  REVOKED
            ONE_TIME_PURCHASE             NDB   ok      ok       RESTRICTED  SUSPENDED  REVOKED
            PARTNER_SHARED_SERVICES       NDB   ok      ok       RESTRICTED  SUSPENDED  REVOKED
            CREATE_CUSTOMER               NDB   ok      ok       RESTRICTED  SUSPENDED  REVOKED
            REQUEST_RESELLER_RELATIONSHIP NDB   ok      ok       RESTRICTED  SUSPENDED  REVOKED
            CREATE_SANDBOX                NDB   ok      ok       RESTRICTED  SUSPENDED  REVOKED
            RENEW_SUBSCRIPTION            NDB   ok      ok       ok          ok         REVOKED
            CHANGE_SEAT_COUNT             NDB   ok      ok       ok          SUSPENDED  REVOKED
            SUSPEND_SUBSCRIPTION          NDB   ok      ok       ok          ok         ok
            MANAGE_AZURE_RESOURCES        NDB   ok      ok       ok          ok         ok
            """;

    /** The invitation as an indirect reseller, the one action that depends on being one. */
    private static final String INVITATION = """
            indirect reseller             NONE  ACTIVE  AT_RISK  RESTRICTED  SUSPENDED  REVOKED
            yes                           ok    ok      ok       ok          ok         ok
            no                            NDB   NIR     NIR      NIR         NIR        NIR
            """;

    @Test
    void every_action_under_every_status_for_an_indirect_reseller_or_not() {
        Map<PartnerAction, List<String>> expected = rows(TABLE);
        assertThat(expected.keySet())
                .as("the table lists every action but the invitation")
                .containsExactlyInAnyOrderElementsOf(allBut(PartnerAction.INDIRECT_RESELLER_INVITATION));
        List<String> invitation = invitationRows().get(true);
        List<String> notIndirect = invitationRows().get(false);
        int checked = 0;
        for (PartnerAction action : PartnerAction.values()) {
            for (boolean indirect : new boolean[] {true, false}) {
                List<String> row = action == PartnerAction.INDIRECT_RESELLER_INVITATION
                        ? (indirect ? invitation : notIndirect)
                        : expected.get(action);
                for (int column = 0; column < COLUMNS.size(); column++) {
                    DirectBillStatus status = COLUMNS.get(column);
                    AuthorizationDecision decision = AuthorizationMatrix.decide(status, indirect, action);
                    String cell = row.get(column);
                    String what = action + " while " + status + (indirect ? ", indirect reseller" : "");
                    assertThat(decision.status()).as(what).isEqualTo(status);
                    assertThat(decision.allowed()).as(what).isEqualTo(cell.equals("ok"));
                    assertThat(decision.code()).as(what).isEqualTo(code(cell));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(13 * 6 * 2);
    }

    @Test
    void a_location_in_a_market_not_enrolled_is_refused_direct_bill_actions_while_enrolled_elsewhere() {
        Set<String> enrolled = Set.of("FR", "BE");
        for (DirectBillStatus status : List.of(
                DirectBillStatus.ACTIVE,
                DirectBillStatus.AT_RISK,
                DirectBillStatus.RESTRICTED,
                DirectBillStatus.SUSPENDED)) {
            for (PartnerAction action : PartnerAction.values()) {
                AuthorizationDecision elsewhere = AuthorizationMatrix.decideIn("DE", enrolled, status, true, action);
                AuthorizationDecision here = AuthorizationMatrix.decideIn("FR", enrolled, status, true, action);
                assertThat(here)
                        .as(action + " in FR while " + status)
                        .isEqualTo(AuthorizationMatrix.decide(status, true, action));
                if (action == PartnerAction.INDIRECT_RESELLER_INVITATION) {
                    assertThat(elsewhere.allowed())
                            .as("inviting does not depend on the market")
                            .isTrue();
                } else {
                    assertThat(elsewhere)
                            .as(action + " in DE while " + status)
                            .isEqualTo(AuthorizationDecision.refused(status, RefusalCode.MARKET_NOT_ENROLLED));
                }
            }
        }
        // Revoked, or never enrolled: the status alone answers, wherever the location is.
        for (PartnerAction action : PartnerAction.values()) {
            assertThat(AuthorizationMatrix.decideIn("DE", enrolled, DirectBillStatus.REVOKED, false, action))
                    .isEqualTo(AuthorizationMatrix.decide(DirectBillStatus.REVOKED, false, action));
            assertThat(AuthorizationMatrix.decideIn("DE", Set.of(), DirectBillStatus.NONE, false, action))
                    .isEqualTo(AuthorizationDecision.refused(DirectBillStatus.NONE, RefusalCode.NOT_DIRECT_BILL));
        }
    }

    private static List<PartnerAction> allBut(PartnerAction left) {
        List<PartnerAction> all = new ArrayList<>(List.of(PartnerAction.values()));
        all.remove(left);
        return all;
    }

    private static String code(String cell) {
        return switch (cell) {
            case "ok" -> AuthorizationDecision.ALLOWED;
            case "NDB" -> RefusalCode.NOT_DIRECT_BILL.name();
            case "NIR" -> RefusalCode.NOT_INDIRECT_RESELLER.name();
            default -> RefusalCode.valueOf(cell).name();
        };
    }

    private static Map<PartnerAction, List<String>> rows(String table) {
        Map<PartnerAction, List<String>> rows = new EnumMap<>(PartnerAction.class);
        table.lines().skip(1).forEach(line -> {
            String[] cells = line.trim().split("\\s+");
            assertThat(cells).hasSize(COLUMNS.size() + 1);
            rows.put(PartnerAction.valueOf(cells[0]), List.of(cells).subList(1, cells.length));
        });
        return rows;
    }

    private static Map<Boolean, List<String>> invitationRows() {
        Map<Boolean, List<String>> rows = new HashMap<>();
        INVITATION.lines().skip(1).forEach(line -> {
            String[] cells = line.trim().split("\\s+");
            rows.put(cells[0].equals("yes"), List.of(cells).subList(1, cells.length));
        });
        return rows;
    }
}
