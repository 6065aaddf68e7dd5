package org.directbill.partner.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing on an account: after a few consecutive failures the account is
 * locked for a while (even for the right password), doubling with each further failure up to a cap.
 * A success clears the count. Held in memory per instance: a restart forgets, which only ever
 * shortens a lock.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED_ACCOUNTS = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int freeAttempts;
    private final Duration firstLock;
    private final Duration maxLock;

    LoginThrottle(
            Clock clock,
            @Value("${directbill.security.login.free-attempts:5}") int freeAttempts,
            @Value("${directbill.security.login.first-lock:PT1M}") Duration firstLock,
            @Value("${directbill.security.login.max-lock:PT15M}") Duration maxLock) {
        this.clock = clock;
        this.freeAttempts = freeAttempts;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
    }

    private record Failures(int count, Instant lockedUntil) {}

    boolean isLocked(String username) {
        Failures f = failures.get(key(username));
        return f != null && clock.instant().isBefore(f.lockedUntil());
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED_ACCOUNTS) {
            failures.values().removeIf(f -> f.lockedUntil().plus(maxLock).isBefore(now));
        }
        failures.compute(key(event.getAuthentication().getName()), (name, previous) -> {
            int count = previous == null ? 1 : previous.count() + 1;
            return new Failures(count, count < freeAttempts ? Instant.MIN : now.plus(lockFor(count)));
        });
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private Duration lockFor(int count) {
        int doublings = Math.min(count - freeAttempts, 20);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
