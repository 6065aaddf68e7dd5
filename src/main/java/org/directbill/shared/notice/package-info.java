/** Part of the shared kernel that every module may use: what a module asks to tell a partner. */
@NullMarked
@NamedInterface("notice")
package org.directbill.shared.notice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
