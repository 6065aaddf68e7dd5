package org.directbill.compliance.domain;

/**
 * What the ordering platform asks about before doing it for a partner (domain.md, the action
 * catalogue of "Staying a direct-bill partner").
 */
public enum PartnerAction {
    NEW_AZURE_SUBSCRIPTION(Kind.NEW_BUSINESS),
    NEW_LICENSE_SUBSCRIPTION(Kind.NEW_BUSINESS),
    NEW_ADDON(Kind.NEW_BUSINESS),
    /** Software or reservations bought once. */
    ONE_TIME_PURCHASE(Kind.NEW_BUSINESS),
    PARTNER_SHARED_SERVICES(Kind.NEW_BUSINESS),
    CREATE_CUSTOMER(Kind.NEW_BUSINESS),
    /** A direct reseller relationship with a customer. */
    REQUEST_RESELLER_RELATIONSHIP(Kind.NEW_BUSINESS),
    CREATE_SANDBOX(Kind.NEW_BUSINESS),
    RENEW_SUBSCRIPTION(Kind.EXISTING_BUSINESS),
    CHANGE_SEAT_COUNT(Kind.EXISTING_BUSINESS),
    SUSPEND_SUBSCRIPTION(Kind.WIND_DOWN),
    MANAGE_AZURE_RESOURCES(Kind.WIND_DOWN),
    /** Inviting a customer as an indirect reseller: the partner's indirect business, not its direct one. */
    INDIRECT_RESELLER_INVITATION(Kind.INDIRECT);

    /** How far a restriction reaches it. */
    public enum Kind {
        /** Blocked from RESTRICTED on. */
        NEW_BUSINESS,
        /** Existing subscriptions: renewals until revoked; seat counts until suspended. */
        EXISTING_BUSINESS,
        /** Always allowed to a direct-bill partner, even revoked: customers must not be stranded. */
        WIND_DOWN,
        /** Allowed when the partner is also an indirect reseller, whatever its direct-bill status. */
        INDIRECT
    }

    private final Kind kind;

    PartnerAction(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
