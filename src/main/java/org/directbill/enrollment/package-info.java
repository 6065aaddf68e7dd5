/**
 * Enrollment: a partner's application to become a direct-bill partner in a market, from its draft to
 * ACTIVE (domain.md, "Enrolling as a direct-bill partner in a market"): submission against the
 * policy in force, review with information requests, the credit check, the support plan rule, the
 * agreement.
 */
@NullMarked
@ApplicationModule(displayName = "Enrollment")
package org.directbill.enrollment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
