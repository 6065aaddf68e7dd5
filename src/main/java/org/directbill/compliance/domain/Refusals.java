package org.directbill.compliance.domain;

import org.directbill.partner.domain.PartnerId;
import org.directbill.shared.Page;
import org.jspecify.annotations.Nullable;

/** The refusals of the authorization decision, kept for the program team. */
public interface Refusals {

    /** Keeps a refusal; it is stored when this returns. */
    void add(Refusal refusal);

    /** The refusals of one partner, or of every partner, newest first. */
    Page<Stored> list(@Nullable PartnerId partner, Page.Request request);

    /** A refusal as stored, with its number. */
    record Stored(long id, Refusal refusal) {}
}
