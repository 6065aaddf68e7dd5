package org.directbill.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.directbill.policy.domain.Enforcement;
import org.directbill.policy.domain.Level;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.Requirement;
import org.directbill.policy.domain.RequirementCode;
import org.directbill.policy.domain.RequirementParameters;
import org.directbill.policy.domain.RequirementParameters.Scope;
import org.directbill.revenue.domain.ProductCategory;

/**
 * domain.md's table of the four built-in policies, written out by hand in Java so that the files are
 * checked against the table rather than against themselves.
 */
public final class BuiltInTable {

    private BuiltInTable() {}

    private static final List<ProductCategory> CLOUD = List.of(
            ProductCategory.AZURE_CONSUMPTION,
            ProductCategory.AZURE_RESERVATION,
            ProductCategory.LICENSE_SUBSCRIPTION,
            ProductCategory.MARKETPLACE_SAAS);

    public static final Map<String, Policy> POLICIES = Map.of(
            "csp-direct-2018", csp2018(),
            "csp-direct-2020", csp2020(),
            "csp-direct-2021", csp2021(),
            "csp-direct-fy26", fy26());

    private static Requirement required(RequirementCode code) {
        return new Requirement(code, Level.REQUIRED, new RequirementParameters.None());
    }

    private static Requirement location(Scope scope) {
        return new Requirement(
                RequirementCode.LOCATION_ID, Level.REQUIRED, new RequirementParameters.LocationScope(scope));
    }

    private static Requirement revenue(String threshold) {
        return new Requirement(
                RequirementCode.TTM_REVENUE,
                Level.REQUIRED,
                new RequirementParameters.RevenueThreshold(new BigDecimal(threshold), 12, 8, CLOUD));
    }

    private static Requirement tenure() {
        return new Requirement(RequirementCode.INDIRECT_TENURE, Level.REQUIRED, new RequirementParameters.Tenure(12));
    }

    private static Requirement managedService(Level level) {
        return new Requirement(RequirementCode.MANAGED_SERVICE, level, new RequirementParameters.None());
    }

    private static Enforcement enforcement(Enforcement.MeasureAt measureAt) {
        return new Enforcement(measureAt, 30, 30, 60);
    }

    static Policy csp2018() {
        return new Policy(
                "csp-direct-2018",
                "CSP direct bill requirements (August 2018)",
                LocalDate.of(2018, 8, 31),
                enforcement(Enforcement.MeasureAt.ANNIVERSARY),
                List.of(
                        location(Scope.ANY),
                        required(RequirementCode.ENDORSEMENT),
                        required(RequirementCode.SUPPORT_CAPABILITY),
                        required(RequirementCode.BILLING_INFRASTRUCTURE),
                        managedService(Level.REQUIRED)));
    }

    private static List<Requirement> since2020(String threshold) {
        return new ArrayList<>(List.of(
                location(Scope.MARKET),
                required(RequirementCode.ENDORSEMENT),
                required(RequirementCode.SUPPORT_CAPABILITY),
                required(RequirementCode.SUPPORT_PLAN),
                required(RequirementCode.BILLING_INFRASTRUCTURE),
                managedService(Level.RECOMMENDED),
                revenue(threshold)));
    }

    static Policy csp2020() {
        return new Policy(
                "csp-direct-2020",
                "CSP direct bill requirements (October 2020)",
                LocalDate.of(2020, 10, 27),
                enforcement(Enforcement.MeasureAt.SUPPORT_RENEWAL),
                since2020("300000"));
    }

    static Policy csp2021() {
        List<Requirement> requirements = since2020("300000");
        requirements.add(tenure());
        return new Policy(
                "csp-direct-2021",
                "CSP direct bill requirements (April 2021)",
                LocalDate.of(2021, 4, 15),
                enforcement(Enforcement.MeasureAt.SUPPORT_RENEWAL),
                requirements);
    }

    static Policy fy26() {
        List<Requirement> requirements = since2020("1000000");
        requirements.add(tenure());
        requirements.add(required(RequirementCode.BUSINESS_VETTING));
        requirements.add(required(RequirementCode.OPERATIONAL_ASSESSMENT));
        requirements.add(required(RequirementCode.SECURITY_SCORE));
        requirements.add(required(RequirementCode.SOLUTIONS_DESIGNATION));
        return new Policy(
                "csp-direct-fy26",
                "CSP direct bill requirements (FY26, October 2025)",
                LocalDate.of(2025, 10, 1),
                enforcement(Enforcement.MeasureAt.ANNIVERSARY),
                requirements);
    }
}
