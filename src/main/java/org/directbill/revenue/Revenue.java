package org.directbill.revenue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.partner.domain.Role;
import org.directbill.revenue.domain.CountingRules;
import org.directbill.revenue.domain.RevenueGroup;
import org.directbill.revenue.domain.RevenueResult;
import org.directbill.revenue.domain.TtmCalculator;
import org.directbill.revenue.domain.TtmWindow;
import org.directbill.revenue.domain.UsdAmount;
import org.directbill.revenue.domain.UsdRates;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.revenue.internal.RollupScan;
import org.directbill.shared.problem.Forbidden;
import org.directbill.shared.problem.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' trailing-twelve-month revenue (domain.md, "TTM revenue: how it is computed"), read from
 * the ledger's rollups and counted by the rules of the policy in force on the as-of date.
 */
@Service
@Transactional(readOnly = true)
public class Revenue {

    private final PartnerDirectory directory;
    private final LedgerRollups rollups;
    private final RollupScan scan;
    private final UsdRates rates;
    private final CountingRules rules;
    private final Clock clock;

    Revenue(
            PartnerDirectory directory,
            LedgerRollups rollups,
            RollupScan scan,
            UsdRates rates,
            CountingRules rules,
            Clock clock) {
        this.directory = directory;
        this.rollups = rollups;
        this.scan = scan;
        this.rates = rates;
        this.rules = rules;
        this.clock = clock;
    }

    /** Today, the as-of date when none is given. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The partner's revenue as of today. */
    public RevenueView of(PartnerId partner) {
        return of(partner, today());
    }

    /**
     * The partner's revenue as of a date (any date: a future one simply has a later window): every
     * location of the partner global account counts, whatever its country or status. Program staff,
     * and the partner's admins and billing admin; another partner's user hears it does not exist.
     */
    public RevenueView of(PartnerId partner, LocalDate asOf) {
        requireReadable(partner);
        List<Location> locations = directory.get(partner).locations();
        CountingRules.InForce inForce = rules.on(asOf);
        TtmWindow window = inForce.parameters().windowAsOf(asOf);
        List<String> locationIds = locations.stream().map(Location::locationId).toList();
        List<RevenueGroup> groups = rollups.asOf(locationIds, window.firstDay(), window.lastDay(), asOf);
        RevenueResult result = new TtmCalculator(rates).compute(asOf, inForce.parameters(), groups);
        return view(partner, locations, inForce, result);
    }

    /**
     * Every partner's revenue as of a date, handed to {@code each} one partner at a time, in no
     * particular order; partners without locations or sales get their zero figures too. The rollups
     * of the whole window are read in one pass, location by location, and each partner is computed
     * as soon as the pass has gone beyond its last location, so only the groups of partners still
     * being read are held. Program staff only.
     */
    public void ofAll(LocalDate asOf, Consumer<RevenueView> each) {
        Callers.requireStaff(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST);
        CountingRules.InForce inForce = rules.on(asOf);
        TtmWindow window = inForce.parameters().windowAsOf(asOf);
        Batch batch = new Batch(asOf, inForce, directory.locationsOfEveryPartner(), each);
        scan.eachBilledBetween(window.firstDay(), window.lastDay(), batch);
        batch.finish();
    }

    private void requireReadable(PartnerId partner) {
        switch (PartnerPermission.READ_REVENUE.decide(Callers.current(), partner)) {
            case HIDDEN -> throw new NotFound("PARTNER_NOT_FOUND", partner.toString());
            case DENIED -> throw new Forbidden("REVENUE_NOT_ALLOWED");
            case ALLOWED -> {}
        }
    }

    private static RevenueView view(
            PartnerId partner, List<Location> locations, CountingRules.InForce inForce, RevenueResult result) {
        Map<String, UsdAmount> counted = new HashMap<>();
        result.byLocation().forEach(total -> counted.put(total.locationId(), total.amount()));
        List<RevenueView.LocationRevenue> byLocation = locations.stream()
                .sorted(Comparator.comparing(Location::locationId))
                .map(location -> new RevenueView.LocationRevenue(
                        location, counted.getOrDefault(location.locationId(), UsdAmount.ZERO)))
                .toList();
        return new RevenueView(
                partner,
                inForce,
                result,
                byLocation,
                inForce.requirement()
                        .map(requirement -> requirement.evaluate(result))
                        .orElse(null));
    }

    /**
     * One pass over the rollups of a window, ordered by location ID. A partner is complete once the
     * pass has reached a location beyond its greatest one; it is then computed, handed on and
     * forgotten.
     */
    private final class Batch implements Consumer<RevenueGroup> {

        private final LocalDate asOf;
        private final CountingRules.InForce inForce;
        private final Map<PartnerId, List<Location>> locations;
        private final Consumer<RevenueView> each;
        private final TtmCalculator calculator;
        private final Map<String, PartnerId> owners = new HashMap<>();
        /** Partners with locations, by their greatest location ID: the order in which they complete. */
        private final List<Map.Entry<String, PartnerId>> completion = new ArrayList<>();

        private final Map<PartnerId, List<RevenueGroup>> pending = new HashMap<>();
        private int completed;
        private @Nullable String previousLocation;

        Batch(
                LocalDate asOf,
                CountingRules.InForce inForce,
                Map<PartnerId, List<Location>> locations,
                Consumer<RevenueView> each) {
            this.asOf = asOf;
            this.inForce = inForce;
            this.locations = locations;
            this.each = each;
            this.calculator = new TtmCalculator(new MemoizedUsdRates(rates));
            locations.forEach((partner, its) -> {
                if (its.isEmpty()) {
                    emit(partner);
                    return;
                }
                String last = its.get(0).locationId();
                for (Location location : its) {
                    owners.put(location.locationId(), partner);
                    if (location.locationId().compareTo(last) > 0) {
                        last = location.locationId();
                    }
                }
                completion.add(Map.entry(last, partner));
            });
            completion.sort(Map.Entry.comparingByKey());
        }

        @Override
        public void accept(RevenueGroup group) {
            String location = group.locationId();
            if (!location.equals(previousLocation)) {
                if (previousLocation != null && location.compareTo(previousLocation) < 0) {
                    throw new IllegalStateException(
                            "rollups not in location order: " + location + " after " + previousLocation);
                }
                completeBefore(location);
                previousLocation = location;
            }
            PartnerId partner = owners.get(location);
            if (partner != null) {
                pending.computeIfAbsent(partner, p -> new ArrayList<>()).add(group);
            }
        }

        private void completeBefore(String location) {
            while (completed < completion.size()
                    && completion.get(completed).getKey().compareTo(location) < 0) {
                emit(completion.get(completed++).getValue());
            }
        }

        void finish() {
            while (completed < completion.size()) {
                emit(completion.get(completed++).getValue());
            }
        }

        private void emit(PartnerId partner) {
            List<RevenueGroup> groups = Objects.requireNonNullElse(pending.remove(partner), List.of());
            RevenueResult result = calculator.compute(asOf, inForce.parameters(), groups);
            each.accept(view(partner, locations.get(partner), inForce, result));
        }
    }
}
