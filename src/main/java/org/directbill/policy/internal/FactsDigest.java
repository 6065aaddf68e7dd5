package org.directbill.policy.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.PartnerProfile;
import org.directbill.partner.domain.SupportPlan;
import org.directbill.policy.domain.Facts;
import org.directbill.policy.domain.Policy;
import org.directbill.revenue.domain.RevenueResult;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of what an evaluation read: the policy, the date, the market and every fact, written
 * as canonical JSON (keys sorted, lists in a fixed order, money as exact decimal strings). Two
 * evaluations with the same digest read the same facts; times of last change are left out, so
 * saving a profile unchanged does not change the digest.
 */
@Component
public class FactsDigest {

    private final JsonMapper json;

    FactsDigest(JsonMapper json) {
        this.json = json;
    }

    public String of(Policy policy, Facts facts) {
        byte[] canonical = json.writeValueAsBytes(canonical(policy, facts));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }

    /** The facts as nested sorted maps and ordered lists: the same facts always give the same bytes. */
    static Map<String, Object> canonical(Policy policy, Facts facts) {
        Map<String, Object> map = new TreeMap<>();
        map.put("policyId", policy.id());
        map.put("partnerId", facts.partnerId().toString());
        map.put("asOf", facts.asOf().toString());
        map.put("market", nullable(facts.market()));
        map.put(
                "locations",
                facts.locations().stream()
                        .sorted(Comparator.comparing(Location::locationId))
                        .map(location -> sorted(Map.of(
                                "locationId", location.locationId(),
                                "country", location.country(),
                                "membershipStatus", location.membershipStatus().name())))
                        .toList());
        map.put("profile", profile(facts.profile()));
        map.put(
                "supportPlans",
                facts.supportPlans().stream()
                        .sorted(Comparator.comparing(SupportPlan::contractId))
                        .map(plan -> sorted(Map.of(
                                "type", plan.type().name(),
                                "contractId", plan.contractId(),
                                "purchasedOn", plan.purchasedOn().toString(),
                                "renewsOn", plan.renewsOn().toString())))
                        .toList());
        map.put("revenue", facts.revenue() == null ? "" : revenue(facts.revenue()));
        return map;
    }

    private static Map<String, Object> profile(PartnerProfile profile) {
        Map<String, Object> map = new TreeMap<>();
        PartnerProfile.Signatory signatory = profile.signatory();
        map.put(
                "signatory",
                signatory == null
                        ? ""
                        : sorted(nullableMap(
                                "name", signatory.name(),
                                "email", signatory.email(),
                                "title", signatory.title(),
                                "authorityToSign", signatory.authorityToSign())));
        PartnerProfile.SupportCapability support = profile.supportCapability();
        map.put(
                "supportCapability",
                support == null
                        ? ""
                        : sorted(nullableMap(
                                "firstLevelSupport", support.firstLevelSupport(),
                                "contactEmail", support.contactEmail())));
        PartnerProfile.BillingInfrastructure billing = profile.billingInfrastructure();
        map.put(
                "billingInfrastructure",
                billing == null
                        ? ""
                        : sorted(nullableMap(
                                "inPlace", billing.inPlace(),
                                "description", billing.description())));
        List<Object> services = new ArrayList<>();
        for (PartnerProfile.ManagedService service : profile.managedServices()) {
            services.add(sorted(nullableMap(
                    "name",
                    service.name(),
                    "kind",
                    service.kind() == null ? null : service.kind().name())));
        }
        map.put("managedServices", services);
        map.put("indirectResellerSince", nullable(profile.indirectResellerSince()));
        map.put("businessVetting", nullable(profile.businessVetting()));
        map.put("operationalAssessment", nullable(profile.operationalAssessment()));
        map.put("securityScoreMandatoryComplete", nullable(profile.securityScoreMandatoryComplete()));
        map.put("designations", profile.designations().stream().sorted().toList());
        return map;
    }

    private static Map<String, Object> revenue(RevenueResult revenue) {
        Map<String, Object> map = new TreeMap<>();
        map.put("windowStart", revenue.windowStart().toString());
        map.put("windowEnd", revenue.windowEnd().toString());
        map.put("total", revenue.total().exact().toPlainString());
        map.put("openAmount", revenue.openAmount().exact().toPlainString());
        map.put("linesAwaitingRate", revenue.linesAwaitingRate());
        map.put(
                "months",
                revenue.months().stream()
                        .map(month ->
                                month.month() + "=" + month.amount().exact().toPlainString())
                        .toList());
        map.put(
                "excluded",
                revenue.excluded().stream()
                        .map(exclusion -> exclusion.reason() + "=" + exclusion.lines() + ":"
                                + exclusion.amount().exact().toPlainString())
                        .toList());
        map.put(
                "missingRates",
                revenue.missingRates().stream()
                        .map(missing -> missing.currency() + "@" + missing.date())
                        .toList());
        map.put(
                "verification",
                revenue.verification().open() + "/" + revenue.verification().verified() + "/"
                        + revenue.verification().rejected());
        return map;
    }

    /** JSON has no place for a Java null in a sorted map's value that reads clearly; "" stands for none. */
    private static Object nullable(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    private static Map<String, Object> nullableMap(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], nullable(keysAndValues[i + 1]));
        }
        return map;
    }

    private static Map<String, Object> sorted(Map<String, Object> map) {
        return new TreeMap<>(map);
    }
}
