package org.directbill.policy.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's counterpart of the PostgreSQL trigger: a published policy refuses updates and deletes. */
public class H2PolicyImmutableTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("policy is immutable: a published version is only superseded");
    }
}
