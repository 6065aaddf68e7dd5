package org.directbill.revenue.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * The sales a reviewer selects for verification: whole invoices, single lines, or both (domain.md,
 * "Verification of sales"). Ids are kept as given (stripped), so that an error names the position
 * the caller sent.
 */
public record SaleSelection(List<String> invoiceIds, List<String> lineIds) {

    /** The most ids of each kind in one selection. */
    public static final int MAX_IDS = 1000;

    /** The longest id, as in the ledger (ledger-format.md). */
    public static final int MAX_ID_LENGTH = 64;

    public SaleSelection {
        invoiceIds = List.copyOf(invoiceIds);
        lineIds = List.copyOf(lineIds);
    }

    /** A ledger line as a selection sees it. */
    public record Candidate(String lineId, String invoiceId, String locationId) {

        public Candidate {
            Objects.requireNonNull(lineId);
            Objects.requireNonNull(invoiceId);
            Objects.requireNonNull(locationId);
        }
    }

    /** Checks the ids (present, not too long, not too many, at least one); adds what is wrong. */
    public static SaleSelection validate(
            @Nullable List<@Nullable String> invoiceIds,
            @Nullable List<@Nullable String> lineIds,
            Violations violations) {
        List<String> invoices = ids("invoiceIds", invoiceIds, violations);
        List<String> lines = ids("lineIds", lineIds, violations);
        if (invoices.isEmpty() && lines.isEmpty()) {
            violations.add("lineIds", "SALES_REQUIRED");
        }
        return new SaleSelection(invoices, lines);
    }

    private static List<String> ids(String field, @Nullable List<@Nullable String> given, Violations violations) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_IDS) {
            violations.add(field, "TOO_MANY", MAX_IDS);
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String id = given.get(i);
            String at = field + "[" + i + "]";
            if (id == null || id.isBlank()) {
                violations.add(at, "REQUIRED");
                ids.add("");
            } else if (id.strip().length() > MAX_ID_LENGTH) {
                violations.add(at, "TOO_LONG", MAX_ID_LENGTH);
                ids.add(id.strip());
            } else {
                ids.add(id.strip());
            }
        }
        return ids;
    }

    /**
     * The selected lines, once each, in the order named: every line of each invoice that belongs to
     * one of the partner's locations, and each line named. {@code candidates} are the ledger lines
     * with a named id or on a named invoice, wherever they belong. An invoice with no line of the
     * partner, or a line that is not the partner's, is added to {@code violations} by its position
     * (a 400): a reviewer cannot tell another partner's sale from one that does not exist.
     */
    public List<String> resolve(Collection<Candidate> candidates, Set<String> partnerLocations, Violations violations) {
        Map<String, SortedSet<String>> byInvoice = new HashMap<>();
        Set<String> own = new HashSet<>();
        for (Candidate line : candidates) {
            if (partnerLocations.contains(line.locationId())) {
                own.add(line.lineId());
                byInvoice
                        .computeIfAbsent(line.invoiceId(), invoice -> new TreeSet<>())
                        .add(line.lineId());
            }
        }
        Set<String> selected = new LinkedHashSet<>();
        for (int i = 0; i < invoiceIds.size(); i++) {
            SortedSet<String> onInvoice = byInvoice.get(invoiceIds.get(i));
            if (onInvoice == null) {
                violations.add("invoiceIds[" + i + "]", "UNKNOWN_INVOICE", invoiceIds.get(i));
            } else {
                selected.addAll(onInvoice);
            }
        }
        for (int i = 0; i < lineIds.size(); i++) {
            if (own.contains(lineIds.get(i))) {
                selected.add(lineIds.get(i));
            } else {
                violations.add("lineIds[" + i + "]", "UNKNOWN_SALE", lineIds.get(i));
            }
        }
        return List.copyOf(selected);
    }
}
