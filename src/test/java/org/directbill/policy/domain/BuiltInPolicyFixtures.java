package org.directbill.policy.domain;

import static org.directbill.policy.domain.Level.RECOMMENDED;
import static org.directbill.policy.domain.Level.REQUIRED;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.directbill.policy.domain.Enforcement.MeasureAt;
import org.directbill.policy.domain.RequirementParameters.LocationScope;
import org.directbill.policy.domain.RequirementParameters.None;
import org.directbill.policy.domain.RequirementParameters.RevenueThreshold;
import org.directbill.policy.domain.RequirementParameters.Scope;
import org.directbill.policy.domain.RequirementParameters.Tenure;
import org.directbill.revenue.domain.ProductCategory;

/** The four built-in policies, written out from the table of domain.md ("Requirement policies"). */
final class BuiltInPolicyFixtures {

    private BuiltInPolicyFixtures() {}

    static final Enforcement ON_RENEWAL = new Enforcement(MeasureAt.SUPPORT_RENEWAL, 30, 30, 60);

    static final Policy CSP_DIRECT_2018 = new Policy(
            "csp-direct-2018",
            "CSP direct bill requirements (2018)",
            LocalDate.of(2018, 8, 31),
            Enforcement.DEFAULT,
            List.of(
                    new Requirement(LOCATION_ID, REQUIRED, new LocationScope(Scope.ANY)),
                    none(ENDORSEMENT, REQUIRED),
                    none(SUPPORT_CAPABILITY, REQUIRED),
                    none(BILLING_INFRASTRUCTURE, REQUIRED),
                    none(MANAGED_SERVICE, REQUIRED)));

    static final Policy CSP_DIRECT_2020 = new Policy(
            "csp-direct-2020",
            "CSP direct bill requirements (October 2020)",
            LocalDate.of(2020, 10, 27),
            ON_RENEWAL,
            List.of(
                    new Requirement(LOCATION_ID, REQUIRED, new LocationScope(Scope.MARKET)),
                    none(ENDORSEMENT, REQUIRED),
                    none(SUPPORT_CAPABILITY, REQUIRED),
                    none(SUPPORT_PLAN, REQUIRED),
                    none(BILLING_INFRASTRUCTURE, REQUIRED),
                    none(MANAGED_SERVICE, RECOMMENDED),
                    revenue("300000")));

    static final Policy CSP_DIRECT_2021 = new Policy(
            "csp-direct-2021",
            "CSP direct bill requirements (April 2021)",
            LocalDate.of(2021, 4, 15),
            ON_RENEWAL,
            List.of(
                    new Requirement(LOCATION_ID, REQUIRED, new LocationScope(Scope.MARKET)),
                    none(ENDORSEMENT, REQUIRED),
                    none(SUPPORT_CAPABILITY, REQUIRED),
                    none(SUPPORT_PLAN, REQUIRED),
                    none(BILLING_INFRASTRUCTURE, REQUIRED),
                    none(MANAGED_SERVICE, RECOMMENDED),
                    revenue("300000"),
                    new Requirement(INDIRECT_TENURE, REQUIRED, new Tenure(12))));

    static final Policy CSP_DIRECT_FY26 = new Policy(
            "csp-direct-fy26",
            "CSP direct bill requirements (FY26)",
            LocalDate.of(2025, 10, 1),
            Enforcement.DEFAULT,
            List.of(
                    new Requirement(LOCATION_ID, REQUIRED, new LocationScope(Scope.MARKET)),
                    none(ENDORSEMENT, REQUIRED),
                    none(SUPPORT_CAPABILITY, REQUIRED),
                    none(SUPPORT_PLAN, REQUIRED),
                    none(BILLING_INFRASTRUCTURE, REQUIRED),
                    none(MANAGED_SERVICE, RECOMMENDED),
                    revenue("1000000"),
                    new Requirement(INDIRECT_TENURE, REQUIRED, new Tenure(12)),
                    none(BUSINESS_VETTING, REQUIRED),
                    none(OPERATIONAL_ASSESSMENT, REQUIRED),
                    none(SECURITY_SCORE, REQUIRED),
                    none(SOLUTIONS_DESIGNATION, REQUIRED)));

    static final List<Policy> ALL = List.of(CSP_DIRECT_2018, CSP_DIRECT_2020, CSP_DIRECT_2021, CSP_DIRECT_FY26);

    private static Requirement none(RequirementCode code, Level level) {
        return new Requirement(code, level, new None());
    }

    private static Requirement revenue(String thresholdUsd) {
        return new Requirement(
                TTM_REVENUE,
                REQUIRED,
                new RevenueThreshold(new BigDecimal(thresholdUsd), 12, 8, ProductCategory.DEFAULT_COUNTED));
    }
}
