package org.directbill.policy.domain;

/**
 * The requirements a policy can list (domain.md, "Requirement policies"). Each code has one
 * evaluator and one kind of parameters ({@link RequirementParameters}).
 */
public enum RequirementCode {
    /** An ACTIVE location: any (scope ANY, 2018) or one in the market applied for (scope MARKET). */
    LOCATION_ID,
    /** A signatory with authority to sign legal agreements. */
    ENDORSEMENT,
    /** First-level cloud support to customers. */
    SUPPORT_CAPABILITY,
    /** An active ASfP or PSfP support plan. */
    SUPPORT_PLAN,
    /** An organization to manage customer billing and provisioning. */
    BILLING_INFRASTRUCTURE,
    /** At least one managed service, IP service or customer solution. */
    MANAGED_SERVICE,
    /** Trailing-twelve-month CSP revenue at PGA level reaching a threshold in US dollars. */
    TTM_REVENUE,
    /** Transacted as an indirect reseller for a number of months. */
    INDIRECT_TENURE,
    /** Company verification passed. */
    BUSINESS_VETTING,
    /** Automated operational capability assessment passed. */
    OPERATIONAL_ASSESSMENT,
    /** Mandatory security-score requirements complete. */
    SECURITY_SCORE,
    /** At least one Solutions Partner designation. */
    SOLUTIONS_DESIGNATION
}
