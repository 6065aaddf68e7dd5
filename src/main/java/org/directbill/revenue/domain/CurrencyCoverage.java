package org.directbill.revenue.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which days a currency's rates cover: its first and last publication, how many, and the gaps. */
public record CurrencyCoverage(String currency, LocalDate first, LocalDate last, long publications, List<Gap> gaps) {

    public CurrencyCoverage {
        gaps = List.copyOf(gaps);
    }

    /** A currency's first and last publication and their number, as the store counts them. */
    public record Span(String currency, LocalDate first, LocalDate last, long publications) {}

    /** Two consecutive publications of a currency with days in between. */
    public record Silence(String currency, LocalDate previous, LocalDate next) {}

    /** Joins each span with the silences of its currency that are long enough to be gaps. */
    public static List<CurrencyCoverage> of(List<Span> spans, List<Silence> silences) {
        Map<String, List<Gap>> gaps = new HashMap<>();
        for (Silence silence : silences) {
            Gap.between(silence.previous(), silence.next())
                    .ifPresent(gap -> gaps.computeIfAbsent(silence.currency(), c -> new ArrayList<>())
                            .add(gap));
        }
        return spans.stream()
                .map(span -> new CurrencyCoverage(
                        span.currency(),
                        span.first(),
                        span.last(),
                        span.publications(),
                        gaps.getOrDefault(span.currency(), List.of())))
                .toList();
    }
}
