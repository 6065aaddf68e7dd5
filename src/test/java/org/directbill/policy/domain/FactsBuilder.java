package org.directbill.policy.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.directbill.partner.domain.FactStatus;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.MembershipStatus;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerProfile;
import org.directbill.partner.domain.PartnerProfile.BillingInfrastructure;
import org.directbill.partner.domain.PartnerProfile.ManagedService;
import org.directbill.partner.domain.PartnerProfile.ServiceKind;
import org.directbill.partner.domain.PartnerProfile.Signatory;
import org.directbill.partner.domain.PartnerProfile.SupportCapability;
import org.directbill.partner.domain.SupportPlan;
import org.directbill.revenue.domain.RevenueResult;
import org.directbill.revenue.domain.TtmWindow;
import org.directbill.revenue.domain.UsdAmount;
import org.jspecify.annotations.Nullable;

/**
 * Builds the facts of a partner that, by default, meets every requirement of every built-in policy
 * as of {@link #AS_OF} in the market FR: one ACTIVE French location, a signatory with authority,
 * first-level support, an ASfP plan running, billing in place, a managed service, 1,200,000 USD of
 * revenue with nothing open or missing, an indirect reseller for two years, vetting and assessment
 * passed, the security score complete and one designation. Each test changes one thing.
 */
final class FactsBuilder {

    static final LocalDate AS_OF = LocalDate.of(2025, 11, 12);
    static final PartnerId PARTNER = new PartnerId(UUID.fromString("00000000-0000-0000-0000-0000000000aa"));
    static final Instant CREATED = Instant.parse("2019-01-01T00:00:00Z");

    LocalDate asOf = AS_OF;

    @Nullable
    String market = "FR";

    List<Location> locations = new ArrayList<>(List.of(location("1000001", "FR", MembershipStatus.ACTIVE)));

    @Nullable
    Signatory signatory = new Signatory("Ada Lovelace", "ada@example.com", "CEO", true);

    @Nullable
    SupportCapability supportCapability = new SupportCapability(true, "support@example.com");

    @Nullable
    BillingInfrastructure billing = new BillingInfrastructure(true, "Accounts receivable team");

    List<ManagedService> managedServices =
            new ArrayList<>(List.of(new ManagedService("Cloud backup", ServiceKind.MANAGED_SERVICE)));

    @Nullable
    LocalDate indirectResellerSince = AS_OF.minusYears(2);

    @Nullable
    FactStatus businessVetting = FactStatus.PASSED;

    @Nullable
    FactStatus operationalAssessment = FactStatus.PASSED;

    @Nullable
    Boolean securityScoreComplete = true;

    List<String> designations = new ArrayList<>(List.of("Infrastructure (Azure)"));
    List<SupportPlan> supportPlans =
            new ArrayList<>(List.of(plan(SupportPlan.Type.ASFP, "ASFP-1", AS_OF.minusDays(100), AS_OF.plusDays(265))));
    boolean withRevenue = true;
    String revenueTotal = "1200000";
    String openAmount = "0";
    long linesAwaitingRate = 0;
    List<RevenueResult.MissingRate> missingRates = new ArrayList<>();

    static Location location(String locationId, String country, MembershipStatus status) {
        return new Location(locationId, PARTNER, country, status, CREATED);
    }

    static SupportPlan plan(SupportPlan.Type type, String contractId, LocalDate purchasedOn, LocalDate renewsOn) {
        return new SupportPlan(
                UUID.randomUUID(),
                PARTNER,
                type,
                contractId,
                purchasedOn,
                renewsOn,
                false,
                null,
                purchasedOn.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                "tester");
    }

    /**
     * The revenue as the revenue module would give it as of {@code asOf} with the default rules: the
     * window of {@link TtmWindow#asOf(LocalDate)}, the figures as given (months and locations
     * left empty: evaluators do not read them).
     */
    static RevenueResult revenue(
            LocalDate asOf,
            String total,
            String open,
            long linesAwaitingRate,
            List<RevenueResult.MissingRate> missingRates) {
        TtmWindow window = TtmWindow.asOf(asOf);
        return new RevenueResult(
                asOf,
                window.start(),
                window.end(),
                new UsdAmount(new BigDecimal(total)),
                List.of(),
                List.of(),
                List.of(),
                missingRates,
                linesAwaitingRate,
                new RevenueResult.VerificationCounts(0, 0, 0),
                new UsdAmount(new BigDecimal(open)));
    }

    FactsBuilder asOf(LocalDate date) {
        this.asOf = date;
        return this;
    }

    FactsBuilder market(@Nullable String market) {
        this.market = market;
        return this;
    }

    FactsBuilder locations(Location... locations) {
        this.locations = new ArrayList<>(List.of(locations));
        return this;
    }

    FactsBuilder signatory(@Nullable Signatory signatory) {
        this.signatory = signatory;
        return this;
    }

    FactsBuilder supportCapability(@Nullable SupportCapability capability) {
        this.supportCapability = capability;
        return this;
    }

    FactsBuilder billing(@Nullable BillingInfrastructure billing) {
        this.billing = billing;
        return this;
    }

    FactsBuilder managedServices(ManagedService... services) {
        this.managedServices = new ArrayList<>(List.of(services));
        return this;
    }

    FactsBuilder indirectResellerSince(@Nullable LocalDate since) {
        this.indirectResellerSince = since;
        return this;
    }

    FactsBuilder businessVetting(@Nullable FactStatus status) {
        this.businessVetting = status;
        return this;
    }

    FactsBuilder operationalAssessment(@Nullable FactStatus status) {
        this.operationalAssessment = status;
        return this;
    }

    FactsBuilder securityScoreComplete(@Nullable Boolean complete) {
        this.securityScoreComplete = complete;
        return this;
    }

    FactsBuilder designations(String... designations) {
        this.designations = new ArrayList<>(List.of(designations));
        return this;
    }

    FactsBuilder supportPlans(SupportPlan... plans) {
        this.supportPlans = new ArrayList<>(List.of(plans));
        return this;
    }

    FactsBuilder revenue(String total) {
        this.revenueTotal = total;
        return this;
    }

    FactsBuilder openAmount(String open) {
        this.openAmount = open;
        return this;
    }

    FactsBuilder ratesMissing(long lines, RevenueResult.MissingRate... missing) {
        this.linesAwaitingRate = lines;
        this.missingRates = new ArrayList<>(List.of(missing));
        return this;
    }

    FactsBuilder withoutRevenue() {
        this.withRevenue = false;
        return this;
    }

    PartnerProfile profile() {
        return new PartnerProfile(
                PARTNER,
                signatory,
                supportCapability,
                billing,
                managedServices,
                indirectResellerSince,
                businessVetting,
                operationalAssessment,
                securityScoreComplete,
                designations,
                CREATED);
    }

    Facts build() {
        return new Facts(
                PARTNER,
                asOf,
                market,
                locations,
                profile(),
                supportPlans,
                withRevenue ? revenue(asOf, revenueTotal, openAmount, linesAwaitingRate, missingRates) : null);
    }
}
