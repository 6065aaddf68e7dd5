/** The policies of api.md's "Policies and evaluations" table. */
@NullMarked
package org.directbill.policy.api;

import org.jspecify.annotations.NullMarked;
