/** The policy module's REST API (api.md, "Policies and evaluations"). */
@NullMarked
package org.directbill.policy.api;

import org.jspecify.annotations.NullMarked;
