/**
 * Requirement policies: the versioned, effective-dated requirements of the direct-bill program
 * (domain.md, "Requirement policies"), the evaluation of a partner against one of them, and the
 * stored, immutable evaluations. It tells the revenue module how to count ({@code CountingRules}).
 */
@NullMarked
@ApplicationModule(displayName = "Requirement policies")
package org.directbill.policy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
