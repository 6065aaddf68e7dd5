@NullMarked
package org.directbill.compliance.web;

import org.jspecify.annotations.NullMarked;
