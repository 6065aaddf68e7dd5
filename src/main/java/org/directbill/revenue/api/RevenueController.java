package org.directbill.revenue.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.directbill.partner.domain.PartnerId;
import org.directbill.revenue.Revenue;
import org.directbill.revenue.RevenueView;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The revenue row of api.md's Revenue table, and the revenue per location as a file. */
@RestController
@RequestMapping("/api/v1/partners/{id}/revenue")
class RevenueController {

    private final Revenue revenue;
    private final Localized localized;

    RevenueController(Revenue revenue, Localized localized) {
        this.revenue = revenue;
        this.localized = localized;
    }

    @GetMapping
    RevenueResponse get(@PathVariable String id, @RequestParam(name = "asOf", required = false) @Nullable String asOf) {
        return RevenueResponse.of(view(id, asOf), localized);
    }

    /** CSV by default; TSV with {@code ?format=tsv} or {@code Accept: text/tab-separated-values}. */
    @GetMapping("/by-location")
    void byLocation(
            @PathVariable String id,
            @RequestParam(name = "asOf", required = false) @Nullable String asOf,
            @RequestParam(name = "format", required = false) @Nullable String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            HttpServletResponse response)
            throws IOException, HttpMediaTypeNotAcceptableException {
        ByLocationFile.Format chosen = ByLocationFile.Format.choose(format, accept);
        ByLocationFile.write(view(id, asOf), chosen, response);
    }

    private RevenueView view(String id, @Nullable String asOf) {
        PartnerId partner = PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
        return revenue.of(partner, AsOfParameter.parse(asOf, revenue.today()));
    }
}
