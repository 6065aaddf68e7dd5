package org.directbill.compliance.domain;

/** Why an action is refused: the stable {@code code} of the authorization answer. */
public enum RefusalCode {
    /** Not a direct-bill partner (status NONE). */
    NOT_DIRECT_BILL,
    /** A direct-bill partner, but not in the market of the location that asks. */
    MARKET_NOT_ENROLLED,
    /** The action is for indirect resellers and the partner is not one. */
    NOT_INDIRECT_RESELLER,
    RESTRICTED,
    SUSPENDED,
    REVOKED
}
