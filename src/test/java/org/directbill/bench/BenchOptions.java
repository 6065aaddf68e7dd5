package org.directbill.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The command-line options of the benchmarks: {@code --name value}, or {@code --name} alone for a flag. */
record BenchOptions(Map<String, String> values) {

    private static final Set<String> FLAGS = Set.of("keep-database", "cluster-rollups", "skip-all");

    static BenchOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name, got: " + args[i]);
            }
            String name = args[i].substring(2);
            if (FLAGS.contains(name)) {
                values.put(name, "true");
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return new BenchOptions(Map.copyOf(values));
    }

    /** The generator's settings: by default 10,000 partners, 5 million lines, seed 42. */
    LedgerGenerator.Settings settings() {
        long lines = number("lines", 5_000_000);
        long biggest = number("biggest", Math.max(1, Math.min(1_000_000L, lines / 5)));
        return new LedgerGenerator.Settings(
                number("seed", 42),
                (int) number("partners", 10_000),
                lines,
                biggest,
                date("first-billing-date", LedgerGenerator.Settings.DEFAULT_FIRST_BILLING_DATE),
                date("last-billing-date", LedgerGenerator.Settings.DEFAULT_LAST_BILLING_DATE));
    }

    long number(String name, long fallback) {
        String value = values.get(name);
        return value == null ? fallback : Long.parseLong(value.replace("_", ""));
    }

    LocalDate date(String name, LocalDate fallback) {
        String value = values.get(name);
        return value == null ? fallback : LocalDate.parse(value);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    Path path(String name, Path fallback) {
        String value = values.get(name);
        return value == null ? fallback : Path.of(value);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }
}
