package org.directbill.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PublishedPolicy;
import org.directbill.shared.validation.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The four policies that ship with the service (domain.md's table), stored at start from {@code
 * policies/<id>.json} when absent. Each file goes through the validation of a published document
 * (not the rule that its effective date lies in the future: these are history). Loading is
 * idempotent and safe when two instances start at once: an insert refused because the other instance
 * stored the same policy first is what was wanted. A stored built-in that differs from its file is
 * left as it is, since a published version never changes, and the difference is logged: a change
 * belongs in a new version with a new id.
 *
 * <p>It runs once every singleton exists (the schema migrated) and before the web server takes
 * requests, so the revenue never meets an empty table.
 */
@Component
class BuiltInPolicies implements SmartInitializingSingleton {

    static final List<String> IDS = List.of("csp-direct-2018", "csp-direct-2020", "csp-direct-2021", "csp-direct-fy26");
    static final String PUBLISHER = "system";

    private static final Logger log = LoggerFactory.getLogger(BuiltInPolicies.class);

    private final PolicyStore store;
    private final Clock clock;

    BuiltInPolicies(PolicyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String id : IDS) {
            load(read(id));
        }
    }

    /** The policy of a built-in file, validated; a file that is not valid stops the start. */
    Policy read(String id) {
        String path = "policies/" + id + ".json";
        String document;
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException missing) {
            throw new IllegalStateException("the built-in policy file " + path + " cannot be read", missing);
        }
        Policy policy;
        try {
            policy = store.parse(document);
        } catch (InvalidInput invalid) {
            throw new IllegalStateException("the built-in policy " + path + " is not valid: " + invalid.violations());
        }
        if (!policy.id().equals(id)) {
            throw new IllegalStateException(path + " holds the policy " + policy.id());
        }
        return policy;
    }

    /** Stores the policy unless it is; says so when the stored one differs. */
    void load(Policy policy) {
        Optional<PublishedPolicy> stored = store.find(policy.id());
        if (stored.isEmpty()) {
            try {
                store.add(new PublishedPolicy(policy, true, clock.instant(), PUBLISHER));
                log.info("Stored the built-in policy {} (in force from {}).", policy.id(), policy.effectiveFrom());
                return;
            } catch (DuplicateKeyException taken) {
                // Another instance stored it first, or the date is another policy's: see what is there.
                stored = store.find(policy.id());
                if (stored.isEmpty()) {
                    log.warn(
                            "The built-in policy {} was not stored: its effective date {} is already the policy {}'s.",
                            policy.id(),
                            policy.effectiveFrom(),
                            store.idEffectiveFrom(policy.effectiveFrom()).orElse("?"));
                    return;
                }
            }
        }
        if (!stored.get().policy().equals(policy)) {
            log.warn(
                    "The stored policy {} differs from its built-in file; the stored version stays in force,"
                            + " since a published policy never changes. Publish the change as a new policy.",
                    policy.id());
        }
    }
}
