package org.directbill.partner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.directbill.partner.domain.ApiKey;
import org.directbill.partner.domain.ApiKeys;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.UserAccounts;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * API keys are held for a short while after a lookup (the order path sends the same key thousands of
 * times a second): a key gone from the database still signs in for the hold, never after it; an
 * unknown key is never held.
 */
@IntegrationTest
class ApiKeyCallersTest {

    private static final Duration HOLD = Duration.ofMillis(500);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiKeys keys;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_key_is_held_for_its_hold_and_no_longer() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String machine = fixtures.addStaff("INTEGRATION").get("id").asString();
        String digest = ApiKey.digest(fixtures.issueApiKey(machine));
        ApiKeyCallers callers = new ApiKeyCallers(keys, users, HOLD);

        assertThat(callers.byDigest(digest)).hasValueSatisfying(caller -> {
            assertThat(caller.userId().toString()).isEqualTo(machine);
            assertThat(caller.roles()).containsExactly(Role.INTEGRATION);
        });
        // Removed behind its back (no call revokes keys yet): still held, then gone once the hold ends.
        long removed = System.nanoTime();
        jdbc.sql("DELETE FROM api_key WHERE key_hash = ?").param(digest).update();
        boolean heldAfterRemoval = callers.byDigest(digest).isPresent();
        if (System.nanoTime() - removed < HOLD.toNanos() / 2) {
            assertThat(heldAfterRemoval).isTrue();
        }
        Thread.sleep(HOLD.toMillis() + 50);
        assertThat(callers.byDigest(digest)).isEmpty();
    }

    @Test
    void an_unknown_key_is_looked_up_every_time_and_nothing_is_held_without_a_hold() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String secret =
                fixtures.issueApiKey(fixtures.addStaff("INTEGRATION").get("id").asString());
        String digest = ApiKey.digest(secret);
        ApiKeyCallers nothingHeld = new ApiKeyCallers(keys, users, Duration.ZERO);
        assertThat(nothingHeld.byDigest(digest)).isPresent();
        jdbc.sql("DELETE FROM api_key WHERE key_hash = ?").param(digest).update();
        assertThat(nothingHeld.byDigest(digest)).isEmpty();

        ApiKeyCallers callers = new ApiKeyCallers(keys, users, Duration.ofHours(1));
        assertThat(callers.byDigest(ApiKey.digest("dbk_unknown"))).isEmpty();
        assertThat(callers.byDigest(digest)).isEmpty();
    }
}
