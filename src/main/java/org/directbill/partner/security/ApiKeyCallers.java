package org.directbill.partner.security;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.directbill.partner.domain.ApiKeys;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.UserAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who an API key signs in as, looked up by the key's digest and held for a short while ({@code
 * directbill.security.api-key-cache}, 10 seconds by default; zero holds nothing). The order path
 * sends the same few keys thousands of times a second, and two queries per request (the key, then
 * its account) were the bulk of what the database saw from it. Keys are never changed, and an
 * account's roles neither; the hold bounds how long a key removed directly in the database (or, one
 * day, revoked) still works on an instance. Unknown keys are not held: each is looked up again.
 */
@Component
class ApiKeyCallers {

    /** More keys than a deployment holds; past it, everything held is dropped and read again. */
    private static final int MAX_HELD = 10_000;

    private record Held(Caller caller, long until) {}

    private final ApiKeys keys;
    private final UserAccounts users;
    private final long holdNanos;
    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();

    ApiKeyCallers(
            ApiKeys keys, UserAccounts users, @Value("${directbill.security.api-key-cache:PT10S}") Duration hold) {
        this.keys = keys;
        this.users = users;
        this.holdNanos = hold.toNanos();
    }

    /** The caller of the key with this digest; empty for a key (or account) that does not exist. */
    Optional<Caller> byDigest(String digest) {
        long now = System.nanoTime();
        Held known = held.get(digest);
        if (known != null && now - known.until() < 0) {
            return Optional.of(known.caller());
        }
        Optional<Caller> caller = keys.findByHash(digest)
                .flatMap(key -> users.find(key.userId()))
                .map(account -> new Caller(account.id(), account.username(), account.roles(), account.partnerId()));
        if (holdNanos > 0) {
            caller.ifPresentOrElse(
                    found -> {
                        if (held.size() >= MAX_HELD) {
                            held.clear();
                        }
                        held.put(digest, new Held(found, now + holdNanos));
                    },
                    () -> held.remove(digest));
        }
        return caller;
    }
}
