/** The policy model and the requirement evaluators: plain Java, no framework, each rule testable alone. */
@NullMarked
@NamedInterface("domain")
package org.directbill.policy.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
