/** The policies' storage, the built-in policies loaded at start, and the counting rules revenue asks for. */
@NullMarked
package org.directbill.policy.internal;

import org.jspecify.annotations.NullMarked;
