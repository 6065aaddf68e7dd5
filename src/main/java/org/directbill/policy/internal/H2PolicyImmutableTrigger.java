package org.directbill.policy.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL triggers: a published policy and a stored evaluation refuse
 * updates and deletes (V7_1, V8_1).
 */
public class H2PolicyImmutableTrigger implements Trigger {

    private String table = "this table";

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        this.table = table;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " rows are immutable: a published policy is only superseded, an evaluation"
                + " is kept as it was made");
    }
}
