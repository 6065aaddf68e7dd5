package org.directbill.revenue.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.directbill.revenue.domain.LedgerColumn;
import org.directbill.revenue.domain.LedgerEntry;

/** The columns ledger lines are written with, staged or stored, and their values in that order. */
final class LedgerRows {

    /** The file's columns (ledger-format.md), named as in the file and in the tables. */
    private static final List<String> FILE_COLUMNS =
            Arrays.stream(LedgerColumn.values()).map(LedgerColumn::header).toList();

    static final List<String> STAGED = Stream.concat(Stream.of("import_id", "line_no"), FILE_COLUMNS.stream())
            .toList();

    /** A stored line: the same without the line number; its verification starts as NONE (the default). */
    static final List<String> STORED =
            STAGED.stream().filter(column -> !column.equals("line_no")).toList();

    private LedgerRows() {}

    static void stage(BulkLoader.Writer writer, UUID stagingId, long line, LedgerEntry entry) {
        writer.add(row(stagingId, line, entry));
    }

    static void store(BulkLoader.Writer writer, UUID importId, LedgerEntry entry) {
        writer.add(row(importId, null, entry));
    }

    /** The values in the order of {@link #STAGED}, or of {@link #STORED} without a line number. */
    private static Object[] row(UUID id, Long line, LedgerEntry entry) {
        int first = line == null ? 1 : 2;
        Object[] values = new Object[first + FILE_COLUMNS.size()];
        values[0] = id;
        if (line != null) {
            values[1] = line;
        }
        for (LedgerColumn column : LedgerColumn.values()) {
            values[first + column.ordinal()] = entry.get(column);
        }
        return values;
    }
}
