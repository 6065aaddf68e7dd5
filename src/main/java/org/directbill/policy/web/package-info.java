/**
 * The policy module's pages: the partner's self-assessment checklist and its stored evaluations,
 * the requirement policies (their versions, one policy, two compared) and the publish form.
 */
@NullMarked
package org.directbill.policy.web;

import org.jspecify.annotations.NullMarked;
