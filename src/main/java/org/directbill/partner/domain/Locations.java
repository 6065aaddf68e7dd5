package org.directbill.partner.domain;

import java.util.List;
import java.util.Optional;

/** All partner location accounts; a location ID is unique across them. */
public interface Locations {

    void add(Location location);

    Optional<Location> find(String locationId);

    /** Reads a location to change it, holding it against concurrent changes until the transaction ends. */
    Optional<Location> findForUpdate(String locationId);

    void update(Location location);

    List<Location> ofPartner(PartnerId partnerId);

    /** Every location ID there is (a ledger import checks its lines against them). */
    java.util.Set<String> allIds();

    /** Every location of every partner, in no particular order. */
    List<Location> all();
}
