/** Part of the shared kernel that every module may use. */
@NullMarked
@NamedInterface("audit")
package org.directbill.shared.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
