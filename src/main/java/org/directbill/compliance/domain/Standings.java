package org.directbill.compliance.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;
import org.jspecify.annotations.Nullable;

/** The partners' direct-bill standings and their history. */
public interface Standings {

    Optional<Standing> find(PartnerId partner);

    /** The standing, its row locked until the transaction ends (NONE, unlocked, when there is none). */
    Standing lock(PartnerId partner);

    /**
     * Writes {@code after} over the version {@code after.version()} it was read at (inserting a first
     * row at version 0) and counts the change for every instance's authorization view.
     *
     * @return the standing under its new version, or empty when someone changed it meanwhile
     */
    Optional<Standing> save(Standing after);

    /** Records a step of the history, after the {@link #save} of the standing it changed; its id. */
    UUID addChange(PartnerId partner, StatusChange change, @Nullable UUID assessmentId, Instant at, String by);

    /** The partner's history, newest first. */
    List<RecordedChange> history(PartnerId partner);

    /** Every partner in one of these statuses. */
    List<Standing> inStatus(Collection<DirectBillStatus> statuses);

    /** The counter of changes: a reader that saw N has seen every change numbered N or less. */
    long changeCounter();

    /** The standings changed after the counter {@code seen}, each with the counter of its change. */
    List<Counted> changedAfter(long seen);

    /** A standing as the authorization view reads it. */
    record Counted(Standing standing, long changeNo) {}

    /** A step of the history as stored. */
    record RecordedChange(
            UUID id, StatusChange change, @Nullable UUID assessmentId, Instant recordedAt, String recordedBy) {}
}
