package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What storing a batch of rates changes (ledger-format.md): a rate not stored yet is added; the same
 * value again (whatever its trailing zeros) is unchanged, so importing a file twice changes nothing;
 * a different value for the same date and currency replaces the stored one, and the change is kept.
 */
public record RateMerge(List<ReferenceRate> added, List<Replacement> replaced, int unchanged) {

    public RateMerge {
        added = List.copyOf(added);
        replaced = List.copyOf(replaced);
    }

    /** A stored rate and the different value that replaces it. */
    public record Replacement(ReferenceRate before, ReferenceRate after) {}

    private record Key(LocalDate publishedOn, String currency) {}

    public static RateMerge of(List<ReferenceRate> incoming, List<ReferenceRate> stored) {
        Map<Key, ReferenceRate> storedByKey = new HashMap<>();
        for (ReferenceRate rate : stored) {
            storedByKey.put(new Key(rate.publishedOn(), rate.currency()), rate);
        }
        List<ReferenceRate> added = new ArrayList<>();
        List<Replacement> replaced = new ArrayList<>();
        int unchanged = 0;
        for (ReferenceRate rate : incoming) {
            ReferenceRate before = storedByKey.get(new Key(rate.publishedOn(), rate.currency()));
            if (before == null) {
                added.add(rate);
            } else if (before.unitsPerEur().compareTo(rate.unitsPerEur()) == 0) {
                unchanged++;
            } else {
                replaced.add(new Replacement(before, rate));
            }
        }
        return new RateMerge(added, replaced, unchanged);
    }

    public List<ReferenceRate> replacements() {
        return replaced.stream().map(Replacement::after).toList();
    }

    /** A value as a person and the audit log read it: no trailing zeros, no exponent. */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
