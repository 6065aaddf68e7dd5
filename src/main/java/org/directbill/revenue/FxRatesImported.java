package org.directbill.revenue;

import java.util.UUID;
import org.directbill.revenue.domain.ImportCounts;

/** Published when an import of exchange rates commits: rates may have been added or replaced. */
public record FxRatesImported(UUID importId, ImportCounts counts) {}
