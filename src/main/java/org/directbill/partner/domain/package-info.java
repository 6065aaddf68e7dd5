/** The partner model and its rules: plain Java, no framework, so each rule is testable alone. */
@NullMarked
@NamedInterface("domain")
package org.directbill.partner.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
