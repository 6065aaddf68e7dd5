package org.directbill.revenue.internal;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.directbill.revenue.domain.FileErrors;
import org.directbill.revenue.domain.LedgerFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fast way to import a ledger, for the usual file: every line valid and new. Lines go straight
 * into {@code ledger_line} as the file is read (COPY on PostgreSQL) while their rollup sums are kept
 * aside, then merged. A line id already stored or repeated in the file is caught by the primary key;
 * that, or any invalid line, ends this attempt ({@link NotDirect}): the caller rolls it back (to a
 * savepoint) and takes the careful way, which stages, checks and explains every line.
 */
@Component
class DirectLoad {

    private static final String UNIQUE_VIOLATION = "23505";

    private final BulkLoader loader;
    private final JdbcClient jdbc;
    private final LedgerRollups rollups;
    private final LedgerMerge merge;
    /** Groups summed in memory before they are written out: bounds the heap whatever the file. */
    private final int deltaCapacity;

    DirectLoad(
            BulkLoader loader,
            JdbcClient jdbc,
            LedgerRollups rollups,
            LedgerMerge merge,
            @Value("${directbill.revenue.imports.rollup-groups-in-memory:100000}") int deltaCapacity) {
        this.deltaCapacity = deltaCapacity;
        this.loader = loader;
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.merge = merge;
    }

    /** This file needs the careful way. */
    static final class NotDirect extends RuntimeException {
        NotDirect(String why) {
            super(why, null, false, false);
        }
    }

    /** Stores every line of the file, or throws {@link NotDirect}; returns the lines read. */
    long load(UUID importId, LedgerFile file, Runnable onLine) {
        FileErrors errors = new FileErrors();
        RollupDeltas deltas = new RollupDeltas(importId, deltaCapacity);
        BulkLoader.Writer[] lines = {loader.open("ledger_line", LedgerRows.STORED)};
        long read;
        try {
            read = file.read(
                    (line, entry) -> {
                        if (!errors.isEmpty()) {
                            throw new NotDirect("invalid line");
                        }
                        LedgerRows.store(lines[0], importId, entry);
                        if (deltas.add(entry)) {
                            // The connection is busy while a COPY is open: end it, write the sums, go on.
                            lines[0].close();
                            deltas.writeTo(loader);
                            lines[0] = loader.open("ledger_line", LedgerRows.STORED);
                        }
                        onLine.run();
                    },
                    errors);
            if (!errors.isEmpty()) {
                throw new NotDirect("invalid line");
            }
            lines[0].close();
        } catch (RuntimeException failed) {
            lines[0].abort();
            if (isUniqueViolation(failed)) {
                throw new NotDirect("line id already stored or repeated");
            }
            throw failed; // NotDirect included
        }
        deltas.writeTo(loader);
        // The sums were written in pieces, a group in several: sum them once, under another id, so
        // that both rollup tables merge from one row per group.
        UUID summed = UUID.randomUUID();
        Map<String, Object> ids = Map.of("id", importId, "summed", summed);
        jdbc.sql("INSERT INTO ledger_rollup_delta (" + String.join(", ", RollupDeltas.COLUMNS) + ")"
                        + " SELECT :summed, location_id, billing_date, product_category, currency, paid_date,"
                        + " SUM(amount), SUM(lines) FROM ledger_rollup_delta WHERE import_id = :id"
                        + " GROUP BY location_id, billing_date, product_category, currency, paid_date")
                .params(ids)
                .update();
        merge.lock();
        rollups.addGroups(
                "SELECT location_id, billing_date, product_category, currency, paid_date, 'NONE' AS verification,"
                        + " amount, lines FROM ledger_rollup_delta WHERE import_id = :summed",
                ids);
        jdbc.sql("DELETE FROM ledger_rollup_delta WHERE import_id IN (:id, :summed)")
                .params(ids)
                .update();
        return read;
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException) {
                return true;
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
