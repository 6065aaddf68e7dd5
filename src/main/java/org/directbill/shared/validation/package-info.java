/** Part of the shared kernel that every module may use. */
@NullMarked
@NamedInterface("validation")
package org.directbill.shared.validation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
