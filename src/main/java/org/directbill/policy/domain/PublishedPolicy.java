package org.directbill.policy.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A policy as stored: the policy itself and its publication, which never changes either.
 *
 * @param builtIn whether it ships with the service (loaded from its file at start) rather than
 *     published by a program admin
 * @param publishedAt when it was stored
 * @param publishedBy who published it: the admin's user name, or {@code system} for a built-in
 */
public record PublishedPolicy(Policy policy, boolean builtIn, Instant publishedAt, String publishedBy) {

    public PublishedPolicy {
        Objects.requireNonNull(policy);
        Objects.requireNonNull(publishedAt);
        Objects.requireNonNull(publishedBy);
    }

    public String id() {
        return policy.id();
    }
}
