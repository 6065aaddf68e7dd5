package org.directbill.revenue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' trailing-twelve-month revenue (domain.md, "TTM revenue: how it is computed"), read from
 * the ledger's rollups and counted by the rules of the policy in force on the as-of date.
 */
@Service
@Transactional(readOnly = true)
public class Revenue {

    /** How many locations' rollups one query of {@link #ofAll} reads. */
    static final int LOCATIONS_PER_READ = 1_000;

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
        require(PartnerPermission.READ_REVENUE, partner);
        List<Location> locations = directory.get(partner).locations();
        CountingRules.InForce inForce = rules.on(asOf);
        return view(partner, locations, inForce, compute(locations, asOf, inForce));
    }

    /**
     * The revenue of a partner's locations as of a date, counted by the given rules (those of the
     * policy a requirement is checked against, which need not be the one in force). For checking
     * requirements: whoever may read the partner may ask, so whoever shows these figures hides them
     * from callers without {@link PartnerPermission#READ_REVENUE}.
     *
     * @param locations the partner's locations, as the directory gave them to the caller
     */
    public RevenueResult countedFor(
            PartnerId partner, List<Location> locations, LocalDate asOf, CountingRules.InForce rules) {
        require(PartnerPermission.READ, partner);
        return compute(locations, asOf, rules);
    }

    private RevenueResult compute(List<Location> locations, LocalDate asOf, CountingRules.InForce rules) {
        TtmWindow window = rules.parameters().windowAsOf(asOf);
        List<String> locationIds = locations.stream().map(Location::locationId).toList();
        List<RevenueGroup> groups = rollups.asOf(locationIds, window.firstDay(), window.lastDay(), asOf);
        return new TtmCalculator(rates).compute(asOf, rules.parameters(), groups);
    }

    /**
     * Every partner's revenue as of a date, handed to {@code each} one partner at a time, in no
     * particular order; partners without locations or sales get their zero figures too. Partners
     * are taken a batch at a time (about {@value #LOCATIONS_PER_READ} locations): the rollups of the
     * batch's locations in the window are read in one streamed query, grouped by partner through the
     * map of locations read once, computed and handed on, so memory holds one batch. Program staff
     * only.
     */
    public void ofAll(LocalDate asOf, Consumer<RevenueView> each) {
        ofAll(asOf, LOCATIONS_PER_READ, each);
    }

    /** {@link #ofAll(LocalDate, Consumer)} reading about {@code locationsPerRead} locations per query. */
    void ofAll(LocalDate asOf, int locationsPerRead, Consumer<RevenueView> each) {
        Callers.requireStaff(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST);
        CountingRules.InForce inForce = rules.on(asOf);
        Batch batch = new Batch(asOf, inForce, each);
        Map<PartnerId, List<Location>> locations = directory.locationsOfEveryPartner();
        Map<PartnerId, List<Location>> pending = new HashMap<>();
        int pendingLocations = 0;
        for (Map.Entry<PartnerId, List<Location>> partner : locations.entrySet()) {
            pending.put(partner.getKey(), partner.getValue());
            pendingLocations += partner.getValue().size();
            if (pendingLocations >= locationsPerRead) {
                batch.compute(pending);
                pending = new HashMap<>();
                pendingLocations = 0;
            }
        }
        batch.compute(pending);
    }

    private static void require(PartnerPermission permission, PartnerId partner) {
        switch (permission.decide(Callers.current(), partner)) {
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

    /** Every partner's revenue as of one date, computed a batch of partners at a time. */
    private final class Batch {

        private final LocalDate asOf;
        private final CountingRules.InForce inForce;
        private final TtmWindow window;
        private final Consumer<RevenueView> each;
        private final TtmCalculator calculator;

        Batch(LocalDate asOf, CountingRules.InForce inForce, Consumer<RevenueView> each) {
            this.asOf = asOf;
            this.inForce = inForce;
            this.window = inForce.parameters().windowAsOf(asOf);
            this.each = each;
            this.calculator = new TtmCalculator(new MemoizedUsdRates(rates));
        }

        void compute(Map<PartnerId, List<Location>> partners) {
            Map<String, PartnerId> owners = new HashMap<>();
            partners.forEach(
                    (partner, locations) -> locations.forEach(location -> owners.put(location.locationId(), partner)));
            Map<PartnerId, List<RevenueGroup>> groups = new HashMap<>();
            scan.eachBilledBetween(
                    owners.keySet(),
                    window.firstDay(),
                    window.lastDay(),
                    group -> groups.computeIfAbsent(owners.get(group.locationId()), partner -> new ArrayList<>())
                            .add(group));
            partners.forEach((partner, locations) -> {
                RevenueResult result =
                        calculator.compute(asOf, inForce.parameters(), groups.getOrDefault(partner, List.of()));
                each.accept(view(partner, locations, inForce, result));
            });
        }
    }
}
