package org.directbill.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Puts a ledger file into {@code ledger_line}: the one step of the benchmarks that the ledger import
 * ({@code POST /api/v1/ledger/imports}) will take over. Everything after it (rollups, TTM) reads
 * only what this step stored.
 */
interface LedgerLoader {

    /** Loads every line of the file; returns how many. */
    long load(Path ledgerCsv) throws IOException;
}
