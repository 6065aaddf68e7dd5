/** The revenue rules: plain Java, no framework, each rule testable alone. */
@NullMarked
@NamedInterface("domain")
package org.directbill.revenue.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
