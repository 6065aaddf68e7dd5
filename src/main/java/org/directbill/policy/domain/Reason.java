package org.directbill.policy.domain;

import static org.directbill.policy.domain.RequirementCode.BILLING_INFRASTRUCTURE;
import static org.directbill.policy.domain.RequirementCode.BUSINESS_VETTING;
import static org.directbill.policy.domain.RequirementCode.ENDORSEMENT;
import static org.directbill.policy.domain.RequirementCode.INDIRECT_TENURE;
import static org.directbill.policy.domain.RequirementCode.LOCATION_ID;
import static org.directbill.policy.domain.RequirementCode.MANAGED_SERVICE;
import static org.directbill.policy.domain.RequirementCode.OPERATIONAL_ASSESSMENT;
import static org.directbill.policy.domain.RequirementCode.SECURITY_SCORE;
import static org.directbill.policy.domain.RequirementCode.SOLUTIONS_DESIGNATION;
import static org.directbill.policy.domain.RequirementCode.SUPPORT_CAPABILITY;
import static org.directbill.policy.domain.RequirementCode.SUPPORT_PLAN;
import static org.directbill.policy.domain.RequirementCode.TTM_REVENUE;
import static org.directbill.policy.domain.RequirementStatus.MET;
import static org.directbill.policy.domain.RequirementStatus.NOT_MET;
import static org.directbill.policy.domain.RequirementStatus.PENDING;

/**
 * Every reason an evaluator gives, with the requirement it belongs to, the status it stands for and
 * how many arguments its sentence takes. The sentence is {@code requirement.reason.<NAME>} in the
 * message files, with {@code {0}…} for the arguments (listed here in order); a {@link
 * RequirementResult} built from a reason always carries exactly that many. Amounts are plain decimal
 * strings in US dollars and dates ISO, for the caller to format.
 */
public enum Reason {
    /** {0} the ACTIVE location IDs. */
    LOCATION_ACTIVE(LOCATION_ID, MET, 1),
    /** {0} the market, {1} the ACTIVE location IDs in it. */
    LOCATION_ACTIVE_IN_MARKET(LOCATION_ID, MET, 2),
    /** {0} the location IDs whose membership awaits approval. */
    LOCATION_AWAITING_APPROVAL(LOCATION_ID, PENDING, 1),
    /** {0} the market, {1} the location IDs in it whose membership awaits approval. */
    LOCATION_AWAITING_APPROVAL_IN_MARKET(LOCATION_ID, PENDING, 2),
    /** No location at all. */
    NO_LOCATION(LOCATION_ID, NOT_MET, 0),
    /** {0} the market, {1} the countries the partner has locations in. */
    NO_LOCATION_IN_MARKET(LOCATION_ID, NOT_MET, 2),
    /** {0} the location IDs, {1} their membership statuses (SUSPENDED, REJECTED). */
    LOCATION_NOT_ACTIVE(LOCATION_ID, NOT_MET, 2),
    /** {0} the market, {1} the location IDs in it, {2} their membership statuses. */
    LOCATION_NOT_ACTIVE_IN_MARKET(LOCATION_ID, NOT_MET, 3),

    /** {0} the signatory's name. */
    SIGNATORY_WITH_AUTHORITY(ENDORSEMENT, MET, 1),
    NO_SIGNATORY(ENDORSEMENT, NOT_MET, 0),
    /** {0} the signatory's name. */
    SIGNATORY_WITHOUT_AUTHORITY(ENDORSEMENT, NOT_MET, 1),

    FIRST_LEVEL_SUPPORT(SUPPORT_CAPABILITY, MET, 0),
    NO_SUPPORT_CAPABILITY(SUPPORT_CAPABILITY, NOT_MET, 0),
    NO_FIRST_LEVEL_SUPPORT(SUPPORT_CAPABILITY, NOT_MET, 0),

    /** {0} the plan type (ASFP, PSFP), {1} its contract ID, {2} its renewal date. */
    SUPPORT_PLAN_ACTIVE(SUPPORT_PLAN, MET, 3),
    NO_SUPPORT_PLAN(SUPPORT_PLAN, NOT_MET, 0),
    /** {0} the plan type, {1} its contract ID, {2} the renewal date of the plan renewing last. */
    SUPPORT_PLAN_EXPIRED(SUPPORT_PLAN, NOT_MET, 3),
    /** {0} the plan type, {1} its contract ID, {2} the purchase date of the plan starting first. */
    SUPPORT_PLAN_NOT_STARTED(SUPPORT_PLAN, NOT_MET, 3),

    BILLING_IN_PLACE(BILLING_INFRASTRUCTURE, MET, 0),
    NO_BILLING_INFRASTRUCTURE(BILLING_INFRASTRUCTURE, NOT_MET, 0),
    BILLING_NOT_IN_PLACE(BILLING_INFRASTRUCTURE, NOT_MET, 0),

    /** {0} how many services, {1} their names. */
    MANAGED_SERVICES_DECLARED(MANAGED_SERVICE, MET, 2),
    NO_MANAGED_SERVICE(MANAGED_SERVICE, NOT_MET, 0),

    /** {0} the total, {1} the threshold. */
    REVENUE_THRESHOLD_MET(TTM_REVENUE, MET, 2),
    /** {0} the total, {1} the threshold. */
    REVENUE_BELOW_THRESHOLD(TTM_REVENUE, NOT_MET, 2),
    /** {0} the total, {1} the threshold, {2} the amount still under verification. */
    REVENUE_OPEN_SALES_DECIDE(TTM_REVENUE, PENDING, 3),
    /** {0} the total, {1} the threshold, {2} the lines awaiting a rate, {3} the missing rates. */
    REVENUE_RATES_MISSING(TTM_REVENUE, PENDING, 4),
    /** {0} the threshold: the revenue figures are hidden from the reader. */
    REVENUE_HIDDEN_MET(TTM_REVENUE, MET, 1),
    /** {0} the threshold: the revenue figures are hidden from the reader. */
    REVENUE_HIDDEN_NOT_MET(TTM_REVENUE, NOT_MET, 1),
    /** {0} the threshold: the revenue figures are hidden from the reader. */
    REVENUE_HIDDEN_PENDING(TTM_REVENUE, PENDING, 1),

    /** {0} the date since when, {1} the months required. */
    INDIRECT_TENURE_REACHED(INDIRECT_TENURE, MET, 2),
    /** {0} the months required. */
    NOT_AN_INDIRECT_RESELLER(INDIRECT_TENURE, NOT_MET, 1),
    /** {0} the date since when, {1} the months required, {2} the date they are reached. */
    INDIRECT_TENURE_TOO_SHORT(INDIRECT_TENURE, NOT_MET, 3),

    VETTING_PASSED(BUSINESS_VETTING, MET, 0),
    VETTING_FAILED(BUSINESS_VETTING, NOT_MET, 0),
    VETTING_IN_PROGRESS(BUSINESS_VETTING, PENDING, 0),
    VETTING_NOT_RECORDED(BUSINESS_VETTING, PENDING, 0),

    ASSESSMENT_PASSED(OPERATIONAL_ASSESSMENT, MET, 0),
    ASSESSMENT_FAILED(OPERATIONAL_ASSESSMENT, NOT_MET, 0),
    ASSESSMENT_IN_PROGRESS(OPERATIONAL_ASSESSMENT, PENDING, 0),
    ASSESSMENT_NOT_RECORDED(OPERATIONAL_ASSESSMENT, PENDING, 0),

    SECURITY_SCORE_COMPLETE(SECURITY_SCORE, MET, 0),
    SECURITY_SCORE_INCOMPLETE(SECURITY_SCORE, NOT_MET, 0),
    SECURITY_SCORE_NOT_REPORTED(SECURITY_SCORE, PENDING, 0),

    /** {0} the designations. */
    DESIGNATIONS_HELD(SOLUTIONS_DESIGNATION, MET, 1),
    NO_DESIGNATION(SOLUTIONS_DESIGNATION, NOT_MET, 0);

    private final RequirementCode code;
    private final RequirementStatus status;
    private final int argumentCount;

    Reason(RequirementCode code, RequirementStatus status, int argumentCount) {
        this.code = code;
        this.status = status;
        this.argumentCount = argumentCount;
    }

    /** The requirement this reason explains. */
    public RequirementCode code() {
        return code;
    }

    /** The status a result with this reason has. */
    public RequirementStatus status() {
        return status;
    }

    /** How many arguments the sentence takes ({@code {0}} to {@code {n-1}}). */
    public int argumentCount() {
        return argumentCount;
    }

    /** The key of the sentence in the message files. */
    public String messageKey() {
        return "requirement.reason." + name();
    }
}
