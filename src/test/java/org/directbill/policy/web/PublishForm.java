package org.directbill.policy.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The publish form as a browser sends it, filled like the FY26 policy, for a test to change. */
final class PublishForm {

    private final MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();

    private PublishForm() {}

    /** Every requirement of FY26 ticked with its level and parameters, under a new id and date. */
    static PublishForm fy26(String id, LocalDate effectiveFrom) {
        PublishForm form = new PublishForm()
                .set("id", id)
                .set("title", "Test policy " + id)
                .set("effectiveFrom", effectiveFrom.toString())
                .set("enforcement.measureAt", "ANNIVERSARY")
                .set("enforcement.cureDays", "30")
                .set("enforcement.suspendAfterDays", "30")
                .set("enforcement.revokeAfterDays", "60");
        for (String code : List.of(
                "LOCATION_ID",
                "ENDORSEMENT",
                "SUPPORT_CAPABILITY",
                "SUPPORT_PLAN",
                "BILLING_INFRASTRUCTURE",
                "MANAGED_SERVICE",
                "TTM_REVENUE",
                "INDIRECT_TENURE",
                "BUSINESS_VETTING",
                "OPERATIONAL_ASSESSMENT",
                "SECURITY_SCORE",
                "SOLUTIONS_DESIGNATION")) {
            form.set(code + ".included", "true")
                    .set(code + ".level", code.equals("MANAGED_SERVICE") ? "RECOMMENDED" : "REQUIRED");
        }
        form.set("LOCATION_ID.scope", "MARKET")
                .set("TTM_REVENUE.thresholdUsd", "1000000")
                .set("TTM_REVENUE.windowMonths", "12")
                .set("TTM_REVENUE.refreshDay", "8")
                .set("INDIRECT_TENURE.months", "12");
        form.fields.put(
                "TTM_REVENUE.countedCategories",
                List.of("AZURE_CONSUMPTION", "AZURE_RESERVATION", "LICENSE_SUBSCRIPTION", "MARKETPLACE_SAAS"));
        return form;
    }

    PublishForm set(String name, String value) {
        fields.put(name, List.of(value));
        return this;
    }

    PublishForm remove(String name) {
        fields.remove(name);
        return this;
    }

    MultiValueMap<String, String> build() {
        return new LinkedMultiValueMap<>(fields);
    }
}
