package org.directbill.revenue.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.directbill.revenue.ExchangeRates;
import org.directbill.revenue.domain.CurrencyCoverage;
import org.directbill.revenue.domain.Gap;
import org.directbill.revenue.domain.ImportCounts;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The exchange-rate rows of api.md's Revenue table: importing ECB reference rates, and their coverage. */
@RestController
@RequestMapping("/api/v1/fx-rates")
class FxRateController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final ExchangeRates rates;

    FxRateController(ExchangeRates rates) {
        this.rates = rates;
    }

    /** What an import did, as api.md names it. */
    record ImportResponse(long rowsRead, long ratesStored, long ratesUnchanged, long ratesReplaced) {
        static ImportResponse of(ImportCounts counts) {
            return new ImportResponse(
                    counts.rowsRead(), counts.ratesStored(), counts.ratesUnchanged(), counts.ratesReplaced());
        }
    }

    /** The file as the body; read as a stream, in UTF-8 (a byte-order mark is allowed). */
    @PostMapping(consumes = "text/csv")
    ImportResponse importBody(InputStream body) {
        return ImportResponse.of(rates.importEcb(new InputStreamReader(body, StandardCharsets.UTF_8)));
    }

    /** The file as the multipart field {@code file}, as a browser form sends it. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResponse importPart(@RequestParam(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        if (file == null) {
            throw new InvalidInput(List.of(Violation.of("file", "REQUIRED")));
        }
        try (InputStream in = file.getInputStream()) {
            return ImportResponse.of(rates.importEcb(new InputStreamReader(in, StandardCharsets.UTF_8)));
        }
    }

    /** Any other body: 415, answered here so that it is a problem document naming what is accepted. */
    @PostMapping
    void otherMediaType(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        throw new HttpMediaTypeNotSupportedException(
                contentType(request), List.of(TEXT_CSV, MediaType.MULTIPART_FORM_DATA), HttpMethod.POST);
    }

    private static @Nullable MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException garbled) {
            return null;
        }
    }

    record GapResponse(LocalDate from, LocalDate to, long days) {}

    record CurrencyResponse(
            String currency, LocalDate first, LocalDate last, long publications, List<GapResponse> gaps) {
        static CurrencyResponse of(CurrencyCoverage coverage) {
            return new CurrencyResponse(
                    coverage.currency(),
                    coverage.first(),
                    coverage.last(),
                    coverage.publications(),
                    coverage.gaps().stream()
                            .map(gap -> new GapResponse(gap.from(), gap.to(), gap.days()))
                            .toList());
        }
    }

    /** The gaps are runs of more than {@value Gap#MAX_QUIET_DAYS} calendar days without a publication. */
    record CoverageResponse(List<CurrencyResponse> currencies) {}

    @GetMapping("/coverage")
    CoverageResponse coverage() {
        return new CoverageResponse(
                rates.coverage().stream().map(CurrencyResponse::of).toList());
    }
}
