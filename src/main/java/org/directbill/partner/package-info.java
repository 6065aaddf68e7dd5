/**
 * The partner directory: partner global accounts, their locations, users and roles, the profile
 * facts and support plans. Its root holds the public API other modules call; {@code domain} holds
 * the pure model and rules.
 */
@NullMarked
@ApplicationModule(displayName = "Partner directory")
package org.directbill.partner;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
