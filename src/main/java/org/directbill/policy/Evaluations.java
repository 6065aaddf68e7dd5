package org.directbill.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Countries;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.policy.domain.Eligibility;
import org.directbill.policy.domain.EligibilityResult;
import org.directbill.policy.domain.Evaluation;
import org.directbill.policy.domain.EvaluationRecords;
import org.directbill.policy.domain.Facts;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.internal.FactsDigest;
import org.directbill.revenue.Revenue;
import org.directbill.revenue.domain.RevenueResult;
import org.directbill.shared.Page;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.problem.RuleViolation;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluating a partner against a requirement policy (domain.md, "Requirement policies"): the facts
 * are read once, every requirement is checked by its evaluator, and the answer is either shown live
 * ({@link #check}) or stored as an immutable snapshot ({@link #evaluate}). The partner's own users
 * and program staff may ask; revenue figures are hidden from who may not see revenue.
 */
@Service
@Transactional
public class Evaluations {

    private final Policies policies;
    private final PartnerDirectory directory;
    private final Revenue revenue;
    private final EvaluationRecords records;
    private final FactsDigest digest;
    private final Clock clock;

    Evaluations(
            Policies policies,
            PartnerDirectory directory,
            Revenue revenue,
            EvaluationRecords records,
            FactsDigest digest,
            Clock clock) {
        this.policies = policies;
        this.directory = directory;
        this.revenue = revenue;
        this.records = records;
        this.digest = digest;
        this.clock = clock;
    }

    /**
     * What to evaluate: as of a date (today when null), against a named policy (the one in force on
     * that date when null), for a market (needed when the policy's location requirement is
     * MARKET-scoped).
     */
    public record Request(
            @Nullable LocalDate asOf,
            @Nullable String policyId,
            @Nullable String market) {}

    /**
     * A live answer, not stored.
     *
     * @param revenueVisible whether the caller may see the revenue figures (when not, they are gone
     *     from {@code result})
     */
    public record Checked(
            PartnerId partnerId,
            Policy policy,
            LocalDate asOf,
            @Nullable String market,
            EligibilityResult result,
            String inputDigest,
            boolean revenueVisible) {

        /** The same answer as a caller without the right to see revenue may read it. */
        Checked visibleToCaller() {
            return revenueVisible
                    ? this
                    : new Checked(partnerId, policy, asOf, market, result.withoutRevenueFigures(), inputDigest, false);
        }
    }

    /** The answer now, without storing it: the self-assessment checklist. */
    @Transactional(readOnly = true)
    public Checked check(PartnerId partner, Request request) {
        return run(partner, request).visibleToCaller();
    }

    /** Evaluates and stores the answer; the stored evaluation is returned as the caller may see it. */
    public Evaluation evaluate(PartnerId partner, Request request) {
        Checked checked = run(partner, request);
        Evaluation evaluation = new Evaluation(
                UUID.randomUUID(),
                partner,
                checked.policy().id(),
                checked.asOf(),
                checked.market(),
                checked.result().outcome(),
                checked.result().requirements(),
                checked.inputDigest(),
                // As the database keeps it, so that the answer to the POST equals every later GET.
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                Callers.current().username());
        records.add(evaluation);
        return visible(evaluation);
    }

    /** A stored evaluation, unchanged since it was made (bar the figures a caller may not see). */
    @Transactional(readOnly = true)
    public Evaluation get(PartnerId partner, UUID id) {
        requireReadable(partner);
        return visible(
                records.find(partner, id).orElseThrow(() -> new NotFound("EVALUATION_NOT_FOUND", id.toString())));
    }

    /** The partner's stored evaluations, newest first. */
    @Transactional(readOnly = true)
    public Page<Evaluation> history(PartnerId partner, Page.Request request) {
        requireReadable(partner);
        return records.ofPartner(partner, request).map(this::visible);
    }

    /** Whether the signed-in caller may see the partner's revenue figures. */
    private static boolean revenueVisible(PartnerId partner) {
        return PartnerPermission.READ_REVENUE.allows(Callers.current(), partner);
    }

    private Checked run(PartnerId partner, Request request) {
        PartnerDirectory.PartnerFacts known = directory.facts(partner);
        Violations violations = new Violations();
        // Any date, as for the revenue: a later one answers "will the partner qualify then, on
        // today's facts" (an indirect tenure completing, a window moving on).
        LocalDate asOf = request.asOf() == null ? LocalDate.now(clock) : request.asOf();
        String market = market(request.market(), violations);
        Policy policy = null;
        if (request.policyId() != null) {
            policy = policies.find(request.policyId()).orElse(null);
            if (policy == null) {
                violations.add("policyId", "UNKNOWN_POLICY", request.policyId());
            }
        }
        violations.throwIfAny();
        if (policy == null) {
            policy = policies.inForceOn(asOf)
                    .orElseThrow(() -> new RuleViolation("NO_POLICY_IN_FORCE", asOf.toString()));
        }
        if (policy.marketScoped() && market == null) {
            violations.add("market", "MARKET_REQUIRED", policy.id());
            violations.throwIfAny();
        }
        RevenueResult revenueResult = policy.revenueThreshold().isPresent()
                ? revenue.countedFor(partner, known.locations(), asOf, policy.countingRules())
                : null;
        Facts facts = new Facts(
                partner, asOf, market, known.locations(), known.profile(), known.supportPlans(), revenueResult);
        EligibilityResult result = Eligibility.evaluate(policy, facts);
        return new Checked(partner, policy, asOf, market, result, digest.of(policy, facts), revenueVisible(partner));
    }

    private static @Nullable String market(@Nullable String market, Violations violations) {
        if (market == null || market.isBlank()) {
            return null;
        }
        String code = market.strip().toUpperCase(Locale.ROOT);
        if (!Countries.isIsoCode(code)) {
            violations.add("market", "INVALID_COUNTRY", market);
            return null;
        }
        return code;
    }

    private Evaluation visible(Evaluation evaluation) {
        if (revenueVisible(evaluation.partnerId())) {
            return evaluation;
        }
        return evaluation.withRequirements(
                evaluation.result().withoutRevenueFigures().requirements());
    }

    private void requireReadable(PartnerId partner) {
        // The directory applies the partner's read rule (404 for another partner's user, or for no partner).
        directory.get(partner);
    }
}
