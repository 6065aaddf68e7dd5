/**
 * Revenue: exchange rates, the sales ledger and its imports, monthly rollups, trailing-twelve-month
 * revenue exact to the cent, and the verification of sales.
 */
@NullMarked
@ApplicationModule(displayName = "Revenue")
package org.directbill.revenue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
