package org.directbill.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On the PostgreSQL pass, skips the database tests with a clear reason when no server answers,
 * unless PostgreSQL is required ({@code .ci/run} requires it), in which case they run and fail.
 */
public class PostgresWhenAsked implements ExecutionCondition {

    private static volatile String problem;
    private static volatile boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.onPostgres()) {
            return ConditionEvaluationResult.enabled("running on H2");
        }
        if (!checked) {
            problem = TestDatabase.postgresProblem();
            checked = true;
            if (problem != null) {
                System.err.printf(
                        "%n*** PostgreSQL is not reachable at %s (%s).%n*** The database tests were NOT run on PostgreSQL."
                                + " Start it, or set DIRECTBILL_TEST_POSTGRES_URL.%n%n",
                        TestDatabase.postgresUrl(), problem);
            }
        }
        if (problem == null || Boolean.getBoolean("directbill.test.postgres.required")) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + TestDatabase.postgresUrl());
        }
        return ConditionEvaluationResult.disabled(
                "PostgreSQL not reachable at " + TestDatabase.postgresUrl() + ": " + problem);
    }
}
