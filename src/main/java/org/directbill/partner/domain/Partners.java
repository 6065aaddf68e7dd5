package org.directbill.partner.domain;

import java.util.List;
import java.util.Optional;
import org.directbill.shared.Page;

/** All partner global accounts. */
public interface Partners {

    void add(Partner partner);

    Optional<Partner> find(PartnerId id);

    boolean exists(PartnerId id);

    /** The id of every partner, in no particular order. */
    List<PartnerId> allIds();

    boolean registrationIdTaken(String country, String registrationId);

    /** Partners whose legal name, registration ID or location ID contains {@code query}, by name. */
    Page<Partner> search(String query, Page.Request request);
}
