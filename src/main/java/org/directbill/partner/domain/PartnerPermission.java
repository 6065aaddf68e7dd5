package org.directbill.partner.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What may be done to one partner's resources, and by whom (api.md's Partners table). A partner
 * user never learns that another partner exists: for it, another partner's resources are HIDDEN,
 * whatever its role.
 */
public enum PartnerPermission {
    READ(staff(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST), EnumSet.allOf(Role.class)),
    MANAGE_LOCATIONS(staff(Role.PROGRAM_ADMIN), EnumSet.noneOf(Role.class)),
    READ_USERS(
            staff(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST),
            partner(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN)),
    CREATE_USERS(staff(Role.PROGRAM_ADMIN), partner(Role.GLOBAL_ADMIN)),
    EDIT_DECLARED_PROFILE(staff(Role.PROGRAM_ADMIN), partner(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN)),
    EDIT_PROGRAM_FACTS(staff(Role.PROGRAM_ADMIN, Role.REVIEWER), EnumSet.noneOf(Role.class)),
    RECORD_SUPPORT_PLAN(staff(Role.PROGRAM_ADMIN), partner(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN)),
    /**
     * The partner's revenue figures (TTM, per month and location). Of its own users, the admins and
     * the billing admin; not the report viewer, who "sees reports but not revenue" (domain.md).
     */
    READ_REVENUE(
            staff(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST),
            partner(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN, Role.BILLING_ADMIN)),
    /** The verification of the partner's sales: its cases, their sales, messages and attachments. */
    READ_SALES_VERIFICATIONS(
            staff(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST),
            partner(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN, Role.BILLING_ADMIN)),
    /** Selecting sales for verification, asking for information, deciding each sale. */
    REVIEW_SALES(staff(Role.PROGRAM_ADMIN, Role.REVIEWER), EnumSet.noneOf(Role.class)),
    /** Answering a verification case with a message and attachments. */
    ANSWER_SALES_VERIFICATIONS(
            staff(Role.PROGRAM_ADMIN), partner(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN, Role.BILLING_ADMIN)),
    /** Starting a direct-bill enrollment in a market (api.md: partner admin, program admin). */
    START_ENROLLMENT(staff(Role.PROGRAM_ADMIN), partner(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN)),
    /**
     * Submitting an enrollment and accepting the direct-bill agreement: the partner's Global admin
     * only, never staff on its behalf (the seeds: "Rôles appropriés : Administrateur général").
     */
    SUBMIT_ENROLLMENT(staff(), partner(Role.GLOBAL_ADMIN)),
    /** Working an enrollment's review: the checklist, information requests, the decision. */
    REVIEW_ENROLLMENT(staff(Role.PROGRAM_ADMIN, Role.REVIEWER), EnumSet.noneOf(Role.class)),
    /** Answering an enrollment's information request, with files. */
    ANSWER_ENROLLMENT(staff(Role.PROGRAM_ADMIN), partner(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN)),
    /** Deciding an enrollment's credit check. */
    DECIDE_CREDIT(staff(Role.PROGRAM_ADMIN, Role.CREDIT_ANALYST), EnumSet.noneOf(Role.class)),
    /** Withdrawing an enrollment that is not yet ACTIVE. */
    WITHDRAW_ENROLLMENT(staff(Role.PROGRAM_ADMIN), partner(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN));

    public enum Decision {
        ALLOWED,
        /** 403: known, but not allowed. */
        DENIED,
        /** 404: another partner's resource, which the caller must not learn exists. */
        HIDDEN
    }

    private final Set<Role> staffRoles;
    private final Set<Role> ownPartnerRoles;

    PartnerPermission(Set<Role> staffRoles, Set<Role> ownPartnerRoles) {
        this.staffRoles = staffRoles;
        this.ownPartnerRoles = ownPartnerRoles;
    }

    public Decision decide(Caller caller, PartnerId partner) {
        if (caller.isPartnerUser()) {
            if (!caller.belongsTo(partner)) {
                return Decision.HIDDEN;
            }
            return caller.roles().stream().anyMatch(ownPartnerRoles::contains) ? Decision.ALLOWED : Decision.DENIED;
        }
        return caller.roles().stream().anyMatch(staffRoles::contains) ? Decision.ALLOWED : Decision.DENIED;
    }

    public boolean allows(Caller caller, PartnerId partner) {
        return decide(caller, partner) == Decision.ALLOWED;
    }

    private static Set<Role> staff(Role... roles) {
        return Set.of(roles);
    }

    private static Set<Role> partner(Role... roles) {
        return Set.of(roles);
    }
}
