package org.directbill.compliance.domain;

import java.util.Set;

/**
 * May a partner do an action now (domain.md)? One pure function of its direct-bill status and
 * whether it is also an indirect reseller. Restricted blocks new business; suspended also freezes
 * seat counts; revoked leaves only managing Azure resources and suspending subscriptions; at risk
 * allows what active does; a partner that is not a direct-bill partner is refused every direct-bill
 * action. Inviting as an indirect reseller depends only on being one.
 */
public final class AuthorizationMatrix {

    private AuthorizationMatrix() {}

    /**
     * The same question asked for a location in {@code market}: being a direct-bill partner in one
     * market does not authorize it in another (domain.md), so a partner enrolled (ACTIVE to
     * SUSPENDED) but not in that market is refused every direct-bill action there. A revoked partner,
     * or one that never enrolled, is judged by its status alone; inviting as an indirect reseller
     * does not depend on the market.
     */
    public static AuthorizationDecision decideIn(
            String market,
            Set<String> enrolledMarkets,
            DirectBillStatus status,
            boolean indirectReseller,
            PartnerAction action) {
        boolean enrolled = status.isInGoodStanding()
                || status == DirectBillStatus.RESTRICTED
                || status == DirectBillStatus.SUSPENDED;
        if (enrolled && action.kind() != PartnerAction.Kind.INDIRECT && !enrolledMarkets.contains(market)) {
            return AuthorizationDecision.refused(status, RefusalCode.MARKET_NOT_ENROLLED);
        }
        return decide(status, indirectReseller, action);
    }

    public static AuthorizationDecision decide(
            DirectBillStatus status, boolean indirectReseller, PartnerAction action) {
        if (action.kind() == PartnerAction.Kind.INDIRECT) {
            if (indirectReseller) {
                return AuthorizationDecision.allowed(status);
            }
            return AuthorizationDecision.refused(
                    status,
                    status == DirectBillStatus.NONE ? RefusalCode.NOT_DIRECT_BILL : RefusalCode.NOT_INDIRECT_RESELLER);
        }
        return switch (status) {
            case NONE -> AuthorizationDecision.refused(status, RefusalCode.NOT_DIRECT_BILL);
            case ACTIVE, AT_RISK -> AuthorizationDecision.allowed(status);
            case RESTRICTED ->
                action.kind() == PartnerAction.Kind.NEW_BUSINESS
                        ? AuthorizationDecision.refused(status, RefusalCode.RESTRICTED)
                        : AuthorizationDecision.allowed(status);
            case SUSPENDED ->
                action.kind() == PartnerAction.Kind.NEW_BUSINESS || action == PartnerAction.CHANGE_SEAT_COUNT
                        ? AuthorizationDecision.refused(status, RefusalCode.SUSPENDED)
                        : AuthorizationDecision.allowed(status);
            case REVOKED ->
                action.kind() == PartnerAction.Kind.WIND_DOWN
                        ? AuthorizationDecision.allowed(status)
                        : AuthorizationDecision.refused(status, RefusalCode.REVOKED);
        };
    }
}
