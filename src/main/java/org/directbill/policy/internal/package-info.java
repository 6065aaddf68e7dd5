/** Storage and wiring of the policy module: repositories, the built-in policies, the counting rules. */
@NullMarked
package org.directbill.policy.internal;

import org.jspecify.annotations.NullMarked;
