package org.directbill.policy.web;

import org.directbill.policy.domain.RequirementCode;
import org.directbill.policy.domain.RequirementStatus;
import org.jspecify.annotations.Nullable;

/**
 * What the reader can do about a requirement not met yet: a link to the page where the fact is
 * recorded, or a sentence when there is nothing for them to do.
 *
 * @param href where to go; null for a sentence alone
 * @param textKey the message key of the link text or of the sentence
 */
record NextStep(@Nullable String href, String textKey) {

    /**
     * What the reader may do on the partner's pages, which decides the link and its words.
     *
     * @param staff program staff (they record the program facts)
     * @param revenueVisible may see the revenue page
     * @param editDeclared may edit the facts the partner declares
     * @param editProgramFacts may edit the facts program staff establish
     * @param manageLocations may add and change locations
     */
    record Access(
            boolean staff,
            boolean revenueVisible,
            boolean editDeclared,
            boolean editProgramFacts,
            boolean manageLocations) {}

    /** The next step for a result; none for a requirement met or not applicable. */
    static @Nullable NextStep of(RequirementCode code, RequirementStatus status, String partnerId, Access access) {
        if (status == RequirementStatus.MET || status == RequirementStatus.NOT_APPLICABLE) {
            return null;
        }
        String partner = "/partners/" + partnerId;
        String profile = partner + "/profile";
        return switch (code) {
            case ENDORSEMENT -> declared(profile + "#signatory", access);
            case SUPPORT_CAPABILITY -> declared(profile + "#support-capability", access);
            case BILLING_INFRASTRUCTURE -> declared(profile + "#billing-infrastructure", access);
            case MANAGED_SERVICE -> declared(profile + "#managed-services", access);
            // The date is a program fact on the profile form: staff record it, the partner reads it there.
            case INDIRECT_TENURE ->
                new NextStep(
                        profile + "#indirectResellerSince",
                        access.editProgramFacts() ? "eligibility.next.profile.edit" : "eligibility.next.profile.see");
            case TTM_REVENUE ->
                access.revenueVisible()
                        ? new NextStep(partner + "/revenue", "eligibility.next.revenue")
                        : new NextStep(null, "eligibility.next.revenueHidden");
            case LOCATION_ID ->
                new NextStep(
                        partner + "#locations",
                        access.manageLocations() ? "eligibility.next.locations.manage" : "eligibility.next.locations");
            case SUPPORT_PLAN -> new NextStep(partner + "#support-plans", "eligibility.next.supportPlans");
            case BUSINESS_VETTING, OPERATIONAL_ASSESSMENT, SECURITY_SCORE, SOLUTIONS_DESIGNATION ->
                programFact(profile + "#program-facts", status, access);
        };
    }

    private static NextStep declared(String href, Access access) {
        return new NextStep(
                href, access.editDeclared() ? "eligibility.next.profile.edit" : "eligibility.next.profile.seeDeclared");
    }

    private static NextStep programFact(String href, RequirementStatus status, Access access) {
        if (!access.staff()) {
            // PENDING waits on staff alone; NOT_MET (a failed check, no designation, security
            // requirements incomplete) needs the partner to act first, then staff to record it.
            return new NextStep(
                    null,
                    status == RequirementStatus.NOT_MET
                            ? "eligibility.next.programStaff.notMet"
                            : "eligibility.next.programStaff");
        }
        return new NextStep(
                href,
                access.editProgramFacts() ? "eligibility.next.programFacts.edit" : "eligibility.next.programFacts");
    }
}
