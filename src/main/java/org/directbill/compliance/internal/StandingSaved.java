package org.directbill.compliance.internal;

import java.util.Objects;
import org.directbill.compliance.domain.Standing;

/**
 * A standing was written (status, markets or indirect reseller), published in the writing
 * transaction: once it commits, this instance's authorization view takes the new standing at once,
 * without waiting for its next poll.
 *
 * @param standing as stored, under its new version
 */
public record StandingSaved(Standing standing) {

    public StandingSaved {
        Objects.requireNonNull(standing);
    }
}
