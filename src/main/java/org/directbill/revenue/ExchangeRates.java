package org.directbill.revenue;

import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Role;
import org.directbill.revenue.domain.CurrencyCoverage;
import org.directbill.revenue.domain.EcbRateFile;
import org.directbill.revenue.domain.Gap;
import org.directbill.revenue.domain.ImportCounts;
import org.directbill.revenue.domain.RateMerge;
import org.directbill.revenue.domain.ReferenceRate;
import org.directbill.revenue.domain.ReferenceRates;
import org.directbill.shared.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchange rates: importing files of ECB reference rates (api.md, {@code POST /fx-rates}) and
 * showing which days they cover. An import is one transaction: a file with any error keeps nothing,
 * and every replaced value is kept in the audit log.
 */
@Service
@Transactional
public class ExchangeRates {

    /** Rows read before their rates are compared with the store and written: ~40 currencies each. */
    static final int BATCH_ROWS = 250;

    /** The audit subject of the imports; each currency's replaced rates are under {@code fx:<CODE>}. */
    public static final String AUDIT_SUBJECT = "fx";

    private final ReferenceRates rates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExchangeRates(ReferenceRates rates, ApplicationEventPublisher events, Clock clock) {
        this.rates = rates;
        this.events = events;
        this.clock = clock;
    }

    /** Imports a file in the ECB's shape; refuses it whole ({@code InvalidRateFile}) on any error. */
    public ImportCounts importEcb(Reader csv) {
        Caller caller = Callers.requireStaff(Role.PROGRAM_ADMIN);
        rates.lockForImport();
        UUID importId = UUID.randomUUID();
        rates.startImport(importId, clock.instant(), caller.username());
        ImportCounts[] counts = {ImportCounts.none()};
        EcbRateFile.Outcome outcome =
                EcbRateFile.read(csv, BATCH_ROWS, batch -> counts[0] = counts[0].plus(store(batch, importId)));
        outcome.throwIfRefused();
        ImportCounts done = counts[0].withRowsRead(outcome.rowsRead());
        rates.finishImport(importId, done);
        events.publishEvent(
                AuditEvent.created(AUDIT_SUBJECT, "FX_IMPORT", importId.toString(), "FX_RATES_IMPORTED", done));
        events.publishEvent(new FxRatesImported(importId, done));
        return done;
    }

    private RateMerge store(List<ReferenceRate> batch, UUID importId) {
        List<LocalDate> dates =
                batch.stream().map(ReferenceRate::publishedOn).distinct().toList();
        RateMerge merge = RateMerge.of(batch, rates.publishedOn(dates));
        rates.add(merge.added(), importId);
        rates.replace(merge.replacements(), importId);
        for (RateMerge.Replacement replacement : merge.replaced()) {
            ReferenceRate after = replacement.after();
            events.publishEvent(AuditEvent.changed(
                    AUDIT_SUBJECT + ":" + after.currency(),
                    "FX_RATE",
                    after.currency() + "/" + after.publishedOn(),
                    "FX_RATE_REPLACED",
                    AuditedRate.of(replacement.before()),
                    AuditedRate.of(after)));
        }
        return merge;
    }

    /** Per currency: first and last publication, how many, and the gaps between. */
    @Transactional(readOnly = true)
    public List<CurrencyCoverage> coverage() {
        Callers.requireStaff(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST);
        return CurrencyCoverage.of(rates.spans(), rates.silencesLongerThan(Gap.MAX_QUIET_DAYS));
    }

    /** A rate as the audit log keeps it: the value as a decimal string, exact. */
    record AuditedRate(String publishedOn, String currency, String unitsPerEur) {
        static AuditedRate of(ReferenceRate rate) {
            return new AuditedRate(rate.publishedOn().toString(), rate.currency(), RateMerge.plain(rate.unitsPerEur()));
        }
    }
}
