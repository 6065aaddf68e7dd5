package org.directbill.compliance;

import java.util.EnumSet;
import java.util.Set;
import org.directbill.compliance.domain.DirectBillStatus;

/** What a program admin may do to a partner's status by hand, with a reason. */
public enum StatusAction {
    RESTRICT(EnumSet.of(DirectBillStatus.ACTIVE, DirectBillStatus.AT_RISK)),
    REINSTATE(EnumSet.of(
            DirectBillStatus.AT_RISK,
            DirectBillStatus.RESTRICTED,
            DirectBillStatus.SUSPENDED,
            DirectBillStatus.REVOKED)),
    REVOKE(EnumSet.of(
            DirectBillStatus.ACTIVE,
            DirectBillStatus.AT_RISK,
            DirectBillStatus.RESTRICTED,
            DirectBillStatus.SUSPENDED));

    private final Set<DirectBillStatus> from;

    StatusAction(Set<DirectBillStatus> from) {
        this.from = from;
    }

    /**
     * Whether the step may be taken from this status (the standing's own steps decide; this says it
     * beforehand, so that a page offers only the forms that can succeed).
     */
    public boolean allowedFrom(DirectBillStatus status) {
        return from.contains(status);
    }
}
