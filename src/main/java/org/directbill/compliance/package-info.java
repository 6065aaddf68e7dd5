/**
 * Compliance: staying a direct-bill partner (domain.md, "Staying a direct-bill partner"). The
 * direct-bill status of each partner with its history, the annual assessments and the escalation
 * of a failure (at risk, restricted, suspended, revoked), the program admin's manual steps, and the
 * order-time authorization decision the ordering platform asks before every action.
 */
@NullMarked
@ApplicationModule(displayName = "Compliance")
package org.directbill.compliance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
