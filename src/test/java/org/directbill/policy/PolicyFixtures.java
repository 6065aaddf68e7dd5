package org.directbill.policy;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.directbill.support.Fixtures;

/**
 * Policies for the tests that share one database: each published with an id and an effective date
 * no other test uses. The dates lie far ahead (from the year 9000), after any date another test
 * computes revenue or evaluates on, so that no published test policy changes what they see.
 */
public final class PolicyFixtures {

    private static final LocalDate FAR_AHEAD = LocalDate.of(9000, 1, 1);
    private static final AtomicInteger DAYS = new AtomicInteger();

    private PolicyFixtures() {}

    /** A lowercase policy id no other test uses. */
    public static String uniqueId() {
        return Fixtures.unique("test-policy-").toLowerCase(java.util.Locale.ROOT);
    }

    /** An effective date no other test of this run uses. */
    public static LocalDate uniqueDate() {
        return FAR_AHEAD.plusDays(DAYS.getAndIncrement());
    }

    /** A short document: one requirement of each kind, most parameters left to their defaults. */
    public static String document(String id, LocalDate effectiveFrom) {
        return """
                {"id": "%s", "title": "Test policy %s", "effectiveFrom": "%s",
                 "requirements": [
                  {"code": "LOCATION_ID", "level": "REQUIRED", "parameters": {"scope": "MARKET"}},
                  {"code": "TTM_REVENUE", "level": "REQUIRED", "parameters": {"thresholdUsd": "2000000"}},
                  {"code": "ENDORSEMENT", "level": "RECOMMENDED", "parameters": {}}]}""".formatted(id, id, effectiveFrom);
    }

    /** {@link #document} with a fresh id and date. */
    public static String uniqueDocument() {
        return document(uniqueId(), uniqueDate());
    }
}
