package org.directbill.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.TreeSet;
import java.util.UUID;
import org.directbill.compliance.domain.ChangeCause;
import org.directbill.compliance.domain.DirectBillStatus;
import org.directbill.compliance.domain.IllegalStatusChange;
import org.directbill.compliance.domain.Standing;
import org.directbill.partner.domain.PartnerId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the status page offers a program admin is what the standing then accepts, from every status. */
class StatusActionTest {

    static final LocalDate ON = LocalDate.of(2024, 7, 31);

    @ParameterizedTest
    @EnumSource(DirectBillStatus.class)
    void an_action_is_offered_from_a_status_exactly_when_the_standing_takes_it(DirectBillStatus status) {
        Standing standing = new Standing(
                PartnerId.random(),
                status,
                status == DirectBillStatus.NONE ? null : ON.minusDays(10),
                new TreeSet<>(java.util.List.of("FR")),
                ON.minusYears(1),
                null,
                status == DirectBillStatus.AT_RISK ? ON.plusDays(20) : null,
                status.isRestriction() ? ON.minusDays(10) : null,
                status == DirectBillStatus.RESTRICTED ? ON.plusDays(20) : null,
                status == DirectBillStatus.RESTRICTED || status == DirectBillStatus.SUSPENDED ? ON.plusDays(50) : null,
                status == DirectBillStatus.NONE || status == DirectBillStatus.ACTIVE ? null : UUID.randomUUID(),
                null,
                3);
        for (StatusAction action : StatusAction.values()) {
            assertThat(action.allowedFrom(status))
                    .as("%s from %s", action, status)
                    .isEqualTo(takes(standing, action));
        }
    }

    private static boolean takes(Standing standing, StatusAction action) {
        try {
            switch (action) {
                case RESTRICT -> standing.restrict(ON, 30, 60, ChangeCause.RESTRICTED_BY_ADMIN, "why");
                case REINSTATE -> standing.reinstate(ON, "why");
                case REVOKE -> standing.revoke(ON, ChangeCause.REVOKED_BY_ADMIN, "why");
            }
            return true;
        } catch (IllegalStatusChange refused) {
            return false;
        }
    }
}
