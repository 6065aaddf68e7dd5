package org.directbill.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Role;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PolicyDraft;
import org.directbill.policy.domain.PublishedPolicy;
import org.directbill.policy.internal.PolicyCatalog;
import org.directbill.policy.internal.PolicyStore;
import org.directbill.shared.audit.AuditEvent;
import org.directbill.shared.problem.Conflict;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.problem.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requirement policies (domain.md, "Requirement policies"): the published versions, the one in
 * force on a date, and the publication of a new one by a program admin. Any signed-in user may read
 * them. A published policy is never edited, only superseded by one with a later effective date.
 */
@Service
@Transactional(readOnly = true)
public class Policies {

    static final String SUBJECT_TYPE = "POLICY";

    private final PolicyCatalog catalog;
    private final PolicyStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Policies(PolicyCatalog catalog, PolicyStore store, ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Every policy, by effective date. */
    public List<Policy> all() {
        return published().stream().map(PublishedPolicy::policy).toList();
    }

    /** Every policy with its publication (built in or not, when, by whom), by effective date. */
    public List<PublishedPolicy> published() {
        requireSignedIn();
        return catalog.all();
    }

    public Optional<Policy> find(String id) {
        return findPublished(id).map(PublishedPolicy::policy);
    }

    /** The policy {@code id}; 404 {@code POLICY_NOT_FOUND} when there is none. */
    public Policy get(String id) {
        return getPublished(id).policy();
    }

    public Optional<PublishedPolicy> findPublished(String id) {
        requireSignedIn();
        return catalog.find(id);
    }

    /** The policy {@code id} with its publication; 404 {@code POLICY_NOT_FOUND} when there is none. */
    public PublishedPolicy getPublished(String id) {
        return findPublished(id).orElseThrow(() -> new NotFound("POLICY_NOT_FOUND", id));
    }

    /** The policy in force on {@code date}: the latest effective date on or before it; empty before the first. */
    public Optional<Policy> inForceOn(LocalDate date) {
        requireSignedIn();
        return catalog.inForceOn(date);
    }

    /** Today by the service's clock, the date of {@link #inForceOn} when none is given. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Publishes a new policy version. Program admins only; the document is validated (400 with every
     * mistake); an existing id is 409 {@code POLICY_EXISTS} (a published version never changes); the
     * effective date must be later than today (422 {@code EFFECTIVE_FROM_NOT_IN_FUTURE}), so nothing
     * already evaluated or counted changes its policy, and no other policy's (422 {@code
     * EFFECTIVE_FROM_TAKEN}), so one policy is in force on any date. Recorded in the audit log.
     */
    @Transactional
    public Policy publish(PolicyDraft draft) {
        Caller caller = Callers.requireStaff(Role.PROGRAM_ADMIN);
        Policy policy = draft.validate();
        if (store.find(policy.id()).isPresent()) {
            throw new Conflict("POLICY_EXISTS", policy.id());
        }
        LocalDate today = today();
        if (!policy.effectiveFrom().isAfter(today)) {
            throw new RuleViolation("EFFECTIVE_FROM_NOT_IN_FUTURE", policy.effectiveFrom(), today);
        }
        if (store.idEffectiveFrom(policy.effectiveFrom()).isPresent()) {
            throw new RuleViolation("EFFECTIVE_FROM_TAKEN", policy.effectiveFrom());
        }
        try {
            store.add(new PublishedPolicy(policy, false, clock.instant(), caller.username()));
        } catch (DuplicateKeyException raced) {
            // Another admin published the same id or date between the checks and the insert.
            if (PolicyStore.effectiveFromTaken(raced)) {
                throw new RuleViolation("EFFECTIVE_FROM_TAKEN", policy.effectiveFrom());
            }
            throw new Conflict("POLICY_EXISTS", policy.id());
        }
        events.publishEvent(
                AuditEvent.created(policy.id(), SUBJECT_TYPE, policy.id(), "POLICY_PUBLISHED", PolicyDraft.of(policy)));
        return policy;
    }

    /** Any signed-in user may read the policies; no one anonymous (401). */
    private static void requireSignedIn() {
        Callers.current();
    }
}
