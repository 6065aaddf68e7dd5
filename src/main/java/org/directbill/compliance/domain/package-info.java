/** The compliance rules: statuses and their steps, the assessment calendar, the action matrix. Plain Java. */
@NullMarked
@NamedInterface("domain")
package org.directbill.compliance.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
