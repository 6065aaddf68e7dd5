package org.directbill.revenue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.directbill.revenue.RevenueView;
import org.directbill.revenue.domain.ExclusionReason;
import org.directbill.revenue.domain.RevenueResult;
import org.directbill.revenue.domain.TtmRequirement;
import org.directbill.revenue.domain.UsdAmount;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;

/**
 * A partner's revenue as api.md names it, every amount a decimal string with exactly two decimals
 * (rounded half-even from its own exact sum). Beyond the contract: {@code threshold} and {@code
 * requirement} when the policy in force has a {@code TTM_REVENUE} requirement, the country and
 * status of each location, and the amount still under verification.
 */
record RevenueResponse(
        String partnerId,
        LocalDate asOf,
        String policyId,
        String windowStart,
        String windowEnd,
        String currency,
        String total,
        List<MonthResponse> months,
        List<LocationResponse> byLocation,
        List<ExclusionResponse> excluded,
        List<MissingRateResponse> missingRates,
        VerificationResponse verification,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String threshold,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable RequirementResponse requirement) {

    record MonthResponse(String month, String amount) {}

    record LocationResponse(String locationId, String amount, String country, String membershipStatus) {}

    record ExclusionResponse(ExclusionReason reason, long lines, String amount) {}

    record MissingRateResponse(String currency, LocalDate date) {}

    record VerificationResponse(long open, long verified, long rejected, String openAmount) {}

    /** The {@code TTM_REVENUE} verdict: MET, NOT_MET or PENDING, why (a code and a sentence), and the threshold. */
    record RequirementResponse(TtmRequirement.Status status, TtmRequirement.Reason reasonCode, String reason) {}

    static RevenueResponse of(RevenueView view, Localized localized) {
        RevenueResult result = view.result();
        TtmRequirement.Evaluation requirement = view.requirement();
        return new RevenueResponse(
                view.partnerId().toString(),
                result.asOf(),
                view.policyId(),
                result.windowStart().toString(),
                result.windowEnd().toString(),
                "USD",
                amount(result.total()),
                result.months().stream()
                        .map(month -> new MonthResponse(month.month().toString(), amount(month.amount())))
                        .toList(),
                view.byLocation().stream()
                        .map(location -> new LocationResponse(
                                location.locationId(),
                                amount(location.amount()),
                                location.location().country(),
                                location.location().membershipStatus().name()))
                        .toList(),
                result.excluded().stream()
                        .map(exclusion -> new ExclusionResponse(
                                exclusion.reason(), exclusion.lines(), amount(exclusion.amount())))
                        .toList(),
                result.missingRates().stream()
                        .map(missing -> new MissingRateResponse(missing.currency(), missing.date()))
                        .toList(),
                new VerificationResponse(
                        result.verification().open(),
                        result.verification().verified(),
                        result.verification().rejected(),
                        amount(result.openAmount())),
                requirement == null ? null : amount(requirement.thresholdUsd()),
                requirement == null
                        ? null
                        : new RequirementResponse(
                                requirement.status(),
                                requirement.reason(),
                                localized.text(
                                        "revenue.reason." + requirement.reason(),
                                        reasonArguments(requirement, RevenueResponse::amount))));
    }

    /** The figures a reason's sentence names: total, threshold, open amount, lines awaiting a rate. */
    static List<Object> reasonArguments(
            TtmRequirement.Evaluation requirement, java.util.function.Function<UsdAmount, String> format) {
        return List.of(
                format.apply(requirement.total()),
                format.apply(new UsdAmount(requirement.thresholdUsd())),
                format.apply(requirement.openAmount()),
                requirement.linesAwaitingRate());
    }

    static String amount(UsdAmount amount) {
        return amount.rounded().toPlainString();
    }

    static String amount(BigDecimal amount) {
        return amount(new UsdAmount(amount));
    }
}
