package org.directbill.partner.domain;

import java.time.Instant;
import java.util.Objects;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A partner global account (PGA): the company. Created only through {@link #register}, which
 * checks every rule and reports every violation at once.
 */
public record Partner(
        PartnerId id,
        String legalName,
        String country,
        @Nullable String registrationId,
        Address address,
        Contact primaryContact,
        Instant createdAt) {

    /** What a program admin submits to create a partner. */
    public record Registration(
            @Nullable String legalName,
            @Nullable String country,
            @Nullable String registrationId,
            @Nullable Address address,
            @Nullable Contact primaryContact) {}

    public static Partner register(Registration input, PartnerId id, Instant now) {
        Violations violations = new Violations();
        String legalName = violations.requireText("legalName", input.legalName(), 200);
        String country = CountryRule.require("country", input.country(), violations);
        String registrationId = violations.optionalText("registrationId", input.registrationId(), 64);
        if (country != null && registrationId == null && Countries.requiresRegistrationId(country)) {
            violations.add("registrationId", "REGISTRATION_ID_REQUIRED", country);
        }
        Address address = Address.validated(input.address(), violations);
        Contact contact = Contact.validated(input.primaryContact(), violations);
        violations.throwIfAny();
        return new Partner(
                id,
                Objects.requireNonNull(legalName),
                Objects.requireNonNull(country),
                registrationId,
                Objects.requireNonNull(address),
                Objects.requireNonNull(contact),
                now);
    }
}
