package org.directbill.partner.domain;

/** Who may do what: the partner roles of Partner Center, the program roles, and machine clients. */
public enum Role {
    GLOBAL_ADMIN(Kind.PARTNER),
    ACCOUNT_ADMIN(Kind.PARTNER),
    ADMIN_AGENT(Kind.PARTNER),
    SALES_AGENT(Kind.PARTNER),
    BILLING_ADMIN(Kind.PARTNER),
    REPORT_VIEWER(Kind.PARTNER),
    PROGRAM_ADMIN(Kind.PROGRAM),
    REVIEWER(Kind.PROGRAM),
    CREDIT_ANALYST(Kind.PROGRAM),
    /** A machine client of the ordering platform: ledger imports and authorizations. */
    INTEGRATION(Kind.MACHINE);

    public enum Kind {
        PARTNER,
        PROGRAM,
        MACHINE
    }

    private final Kind kind;

    Role(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isPartnerRole() {
        return kind == Kind.PARTNER;
    }

    public boolean isProgramRole() {
        return kind == Kind.PROGRAM;
    }
}
