/**
 * The shared kernel: the clock, input validation, problem types and the audit event every module
 * publishes. Kept tiny on purpose; everything here may be used by every module.
 */
@NullMarked
package org.directbill.shared;

import org.jspecify.annotations.NullMarked;
