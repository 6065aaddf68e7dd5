package org.directbill.partner.domain;

/**
 * The facts of a partner's profile. The partner declares the first four; program staff establish
 * the rest, which the partner may not set for itself.
 */
public enum ProfileField {
    SIGNATORY("signatory", true),
    SUPPORT_CAPABILITY("supportCapability", true),
    BILLING_INFRASTRUCTURE("billingInfrastructure", true),
    MANAGED_SERVICES("managedServices", true),
    INDIRECT_RESELLER_SINCE("indirectResellerSince", false),
    BUSINESS_VETTING("businessVetting", false),
    OPERATIONAL_ASSESSMENT("operationalAssessment", false),
    SECURITY_SCORE_MANDATORY_COMPLETE("securityScoreMandatoryComplete", false),
    DESIGNATIONS("designations", false);

    private final String jsonName;
    private final boolean declaredByPartner;

    ProfileField(String jsonName, boolean declaredByPartner) {
        this.jsonName = jsonName;
        this.declaredByPartner = declaredByPartner;
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean declaredByPartner() {
        return declaredByPartner;
    }
}
