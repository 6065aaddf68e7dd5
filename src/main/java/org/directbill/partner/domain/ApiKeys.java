package org.directbill.partner.domain;

import java.util.List;
import java.util.Optional;

/** API keys of machine accounts, looked up by digest. */
public interface ApiKeys {

    void add(ApiKey key);

    Optional<ApiKey> findByHash(String keyHash);

    List<ApiKey> ofUser(UserId userId);
}
