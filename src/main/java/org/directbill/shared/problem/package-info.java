/** Part of the shared kernel that every module may use. */
@NullMarked
@NamedInterface("problem")
package org.directbill.shared.problem;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
