package org.directbill.revenue.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.directbill.revenue.domain.LedgerEntry;
import org.directbill.revenue.domain.ProductCategory;

/**
 * What the lines of one import add to the rollups, summed in memory as the file is read, up to a
 * bounded number of groups, then written out to {@code ledger_rollup_delta} (sums are additive, so
 * a group may be written in several pieces) and merged into the rollups at the end.
 */
final class RollupDeltas {

    static final List<String> COLUMNS = List.of(
            "import_id", "location_id", "billing_date", "product_category", "currency", "paid_date", "amount", "lines");

    private record Group(
            String locationId, LocalDate billingDate, ProductCategory category, String currency, LocalDate paidDate) {}

    private static final class Sum {
        BigDecimal amount = BigDecimal.ZERO;
        long lines;
    }

    private final UUID importId;
    private final int capacity;
    private final Map<Group, Sum> groups = new HashMap<>();

    RollupDeltas(UUID importId, int capacity) {
        this.importId = importId;
        this.capacity = capacity;
    }

    /** Adds a line; true when the groups held have reached the capacity and should be written out. */
    boolean add(LedgerEntry entry) {
        Sum sum = groups.computeIfAbsent(
                new Group(
                        entry.locationId(), entry.billingDate(), entry.category(), entry.currency(), entry.paidDate()),
                group -> new Sum());
        sum.amount = sum.amount.add(entry.amount());
        sum.lines++;
        return groups.size() >= capacity;
    }

    /** Writes the groups held and forgets them. */
    void writeTo(BulkLoader loader) {
        try (BulkLoader.Writer writer = loader.open("ledger_rollup_delta", COLUMNS)) {
            groups.forEach((group, sum) -> writer.add(
                    importId,
                    group.locationId(),
                    group.billingDate(),
                    group.category().name(),
                    group.currency(),
                    group.paidDate(),
                    sum.amount,
                    sum.lines));
        }
        groups.clear();
    }
}
