package org.directbill.compliance.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.directbill.compliance.domain.Standing;
import org.directbill.compliance.domain.Standings;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.PartnerId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the authorization decision reads, in memory: each partner's standing (status, since when,
 * markets, indirect reseller) and each location's partner and country.
 *
 * <p>Kept current through the database, so every instance sharing it agrees: each change of a
 * standing counts up {@code compliance_change_counter} in its own transaction, and every instance
 * polls that counter (every {@code directbill.compliance.view-refresh}, 200 ms by default) and,
 * when it moved, reads the standings changed since the value it last saw. The first read at start
 * is the same code from "nothing seen", so a restarted instance starts from what is stored. A change
 * made on this instance is taken at its commit ({@link StandingSaved}), so its own next answer is
 * already exact. A standing replaces the one held only if its version is not older, so a poll that
 * read a row just before a local commit cannot undo it.
 *
 * <p>A partner without a standing row is NONE: found in the partner directory once, then held as
 * NONE (version 0, so any stored row wins over it). Locations never move to another partner or
 * country, so they are held once found.
 */
@Component
public class AuthorizationView implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationView.class);
    /** Counter value before anything was read: every row has a change number of 0 or more. */
    private static final long NOTHING_SEEN = -1;

    private final Standings standings;
    private final PartnerDirectory directory;
    private final Duration every;
    private final ConcurrentHashMap<PartnerId, Standing> byPartner = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Location> locations = new ConcurrentHashMap<>();
    private final Object refreshing = new Object();

    private volatile long seen = NOTHING_SEEN;
    private volatile boolean failing;
    private volatile @Nullable ScheduledExecutorService poller;

    AuthorizationView(
            Standings standings,
            PartnerDirectory directory,
            @Value("${directbill.compliance.view-refresh:PT0.2S}") Duration every) {
        this.standings = standings;
        this.directory = directory;
        this.every = every;
    }

    /** The partner's standing now (NONE when it has none); empty when no such partner exists. */
    public Optional<Standing> standing(PartnerId partner) {
        if (seen == NOTHING_SEEN) {
            refresh();
        }
        Standing held = byPartner.get(partner);
        if (held != null) {
            return Optional.of(held);
        }
        if (!directory.existsWithoutPermissionCheck(partner)) {
            return Optional.empty();
        }
        return Optional.of(byPartner.merge(partner, Standing.none(partner), AuthorizationView::newer));
    }

    /** The location (its partner and country); empty when no such location exists. */
    public Optional<Location> location(String locationId) {
        Location held = locations.get(locationId);
        if (held != null) {
            return Optional.of(held);
        }
        Optional<Location> found = directory.locationWithoutPermissionCheck(locationId);
        found.ifPresent(location -> locations.putIfAbsent(locationId, location));
        return found;
    }

    /**
     * Reads the standings changed since the counter last seen (all of them the first time). The
     * counter is read first: every change numbered up to it has committed (the counter row's lock
     * orders them), so they are all among the rows read next; a change committed in between may be
     * read too, and is read again next time.
     */
    public void refresh() {
        synchronized (refreshing) {
            long counter = standings.changeCounter();
            if (counter == seen) {
                return;
            }
            for (Standings.Counted counted : standings.changedAfter(seen)) {
                take(counted.standing());
            }
            seen = counter;
        }
    }

    /** A standing written on this instance, at its commit. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(StandingSaved saved) {
        take(saved.standing());
    }

    private void take(Standing standing) {
        byPartner.merge(standing.partnerId(), standing, AuthorizationView::newer);
    }

    private static Standing newer(Standing held, Standing read) {
        return read.version() >= held.version() ? read : held;
    }

    private void poll() {
        try {
            refresh();
            if (failing) {
                failing = false;
                log.info("The authorization view reads the standings again");
            }
        } catch (RuntimeException failure) {
            if (!failing) {
                failing = true;
                log.warn("The authorization view cannot read the standings; it answers from what it holds", failure);
            }
        }
    }

    /** Loads every standing before the web server takes requests, then polls on a thread of its own. */
    @Override
    public void start() {
        refresh();
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, "authorization-view");
            daemon.setDaemon(true);
            return daemon;
        });
        long millis = Math.max(1, every.toMillis());
        thread.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
        poller = thread;
    }

    @Override
    public void stop() {
        ScheduledExecutorService thread = poller;
        poller = null;
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /** Before the web server (which starts late in the last phase) and stopped after it. */
    @Override
    public int getPhase() {
        return 0;
    }
}
