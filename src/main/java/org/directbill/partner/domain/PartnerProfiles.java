package org.directbill.partner.domain;

/** The profile facts of each partner; a partner without stored facts has an empty profile. */
public interface PartnerProfiles {

    /** Stores the empty profile of a newly registered partner, so later changes lock an existing row. */
    void createEmpty(PartnerId partnerId);

    PartnerProfile find(PartnerId partnerId);

    /** Reads the profile to change it, holding it against concurrent changes until the transaction ends. */
    PartnerProfile findForUpdate(PartnerId partnerId);

    void save(PartnerProfile profile);
}
