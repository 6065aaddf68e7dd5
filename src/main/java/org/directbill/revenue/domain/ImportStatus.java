package org.directbill.revenue.domain;

/**
 * Where an import job stands (api.md, {@code GET /ledger/imports/{id}}). A job ends SUCCEEDED with
 * all its lines stored, or FAILED with none of them: because a line was wrong, or because the job
 * was cut off (a crash, a restart).
 */
public enum ImportStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
