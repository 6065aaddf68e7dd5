package org.directbill.revenue;

import java.util.UUID;
import org.directbill.revenue.domain.ImportKind;

/**
 * Published when an import has changed the ledger (in its transaction): revenue figures computed
 * before may have changed.
 */
public record LedgerChanged(UUID importId, ImportKind kind, long linesImported, long linesPaidUpdated) {}
