package org.directbill.policy.internal;

import java.util.List;
import java.util.Optional;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PolicyTimeline;
import org.directbill.policy.domain.PublishedPolicy;
import org.springframework.stereotype.Component;

/**
 * The stored policies, kept in memory. Rows are never changed or deleted, so the set of ids says
 * whether anything changed: each read asks the database for the ids only (a few short rows) and
 * reads the documents again only when they differ, e.g. after another instance published a policy.
 * Comparing ids rather than counting rows also drops a policy read inside a transaction that was
 * then rolled back.
 */
@Component
public class PolicyCatalog {

    private final PolicyStore store;
    private volatile Snapshot snapshot = new Snapshot(List.of(), List.of());

    PolicyCatalog(PolicyStore store) {
        this.store = store;
    }

    private record Snapshot(List<String> ids, List<PublishedPolicy> policies) {}

    /** Every stored policy, by effective date. */
    public List<PublishedPolicy> all() {
        List<String> ids = store.ids();
        Snapshot current = snapshot;
        if (!current.ids().equals(ids)) {
            current = new Snapshot(ids, store.all());
            if (current.policies().size() == ids.size()) {
                snapshot = current;
            }
        }
        return current.policies();
    }

    public Optional<PublishedPolicy> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public PolicyTimeline timeline() {
        return PolicyTimeline.of(all().stream().map(PublishedPolicy::policy).toList());
    }

    /** The policy in force on a date, if one is. */
    public Optional<Policy> inForceOn(java.time.LocalDate date) {
        return timeline().inForceOn(date);
    }
}
