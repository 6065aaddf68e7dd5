package org.directbill.revenue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rate files for the tests that share one database: the ECB sample (January 2024, see
 * {@code fx/ecb-2024-01.csv}) moved to a year no other test uses, so that each test's counts are
 * its own. The weekdays move with it; no test of the database depends on them.
 */
public final class FxFiles {

    private static final AtomicInteger YEARS = new AtomicInteger(2100);

    private FxFiles() {}

    /** A year of rates that no other test in this run writes. */
    public static int unusedYear() {
        return YEARS.getAndIncrement();
    }

    public static String sample() {
        try (InputStream in = FxFiles.class.getResourceAsStream("/fx/ecb-2024-01.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sample's 22 rows and 87 rates (one N/A), dated in {@code year}. */
    public static String sampleIn(int year) {
        return sample().replace("2024-", year + "-");
    }
}
