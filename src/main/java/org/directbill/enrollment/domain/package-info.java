/** The enrollment rules: the workflow, its service levels, the checklist. Plain Java. */
@NullMarked
@NamedInterface("domain")
package org.directbill.enrollment.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
