/** Part of the shared kernel that every module may use. */
@NullMarked
@NamedInterface("web")
package org.directbill.shared.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
