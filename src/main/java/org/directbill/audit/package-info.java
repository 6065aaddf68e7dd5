/**
 * The audit log: an append-only record of every state change (who, when, what, before → after,
 * why), fed by the {@link org.directbill.shared.audit.AuditEvent}s every module publishes.
 */
@NullMarked
@ApplicationModule(displayName = "Audit")
package org.directbill.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
