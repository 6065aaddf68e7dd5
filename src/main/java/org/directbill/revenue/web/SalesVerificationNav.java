package org.directbill.revenue.web;

import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.PartnerPermission;
import org.springframework.stereotype.Component;

/**
 * Whether the navigation shows a partner user the way to its verification cases. The layout asks
 * this bean itself ({@code @salesVerificationNav}), as error pages are rendered without a model.
 */
@Component("salesVerificationNav")
public class SalesVerificationNav {

    /** A partner user whose roles let it read its own partner's cases. */
    public boolean partnerCases() {
        Caller caller = Callers.find().orElse(null);
        return caller != null
                && caller.partnerId() != null
                && PartnerPermission.READ_SALES_VERIFICATIONS.allows(caller, caller.partnerId());
    }
}
