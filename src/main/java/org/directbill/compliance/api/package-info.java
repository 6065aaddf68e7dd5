@NullMarked
package org.directbill.compliance.api;

import org.jspecify.annotations.NullMarked;
