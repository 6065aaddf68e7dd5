package org.directbill.revenue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.directbill.revenue.FxFiles;
import org.directbill.revenue.domain.UsdRate;
import org.directbill.revenue.domain.UsdRates;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/fx-rates} and {@code GET /api/v1/fx-rates/coverage}, on H2 and on PostgreSQL. */
@IntegrationTest
class FxRateApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UsdRates usdRates;

    private ResultActions importCsv(String csv) throws Exception {
        return mvc.perform(post("/api/v1/fx-rates")
                .with(admin())
                .contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static void expectCounts(ResultActions result, int rows, int stored, int unchanged, int replaced)
            throws Exception {
        result.andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsRead").value(rows))
                .andExpect(jsonPath("$.ratesStored").value(stored))
                .andExpect(jsonPath("$.ratesUnchanged").value(unchanged))
                .andExpect(jsonPath("$.ratesReplaced").value(replaced));
    }

    @Test
    void an_import_counts_the_new_rates_and_the_same_file_again_changes_nothing() throws Exception {
        String file = FxFiles.sampleIn(FxFiles.unusedYear());

        expectCounts(importCsv(file), 22, 87, 0, 0);
        expectCounts(importCsv(file), 22, 0, 87, 0);
    }

    @Test
    void the_same_value_written_with_other_trailing_zeros_is_unchanged() throws Exception {
        int year = FxFiles.unusedYear();
        expectCounts(importCsv("Date,USD,GBP,\n" + year + "-03-01,1.0800,0.85490,\n"), 1, 2, 0, 0);

        expectCounts(importCsv("Date,USD,GBP,\n" + year + "-03-01,1.08,0.8549,\n"), 1, 0, 2, 0);
    }

    @Test
    void a_different_value_replaces_the_stored_one_and_the_change_is_in_the_audit_log() throws Exception {
        int year = FxFiles.unusedYear();
        LocalDate day = LocalDate.of(year, 1, 31);
        expectCounts(importCsv("Date,USD,JPY,\n" + day + ",1.0837,159.79,\n"), 1, 2, 0, 0);
        assertThat(usdRates.on("JPY", day).map(UsdRate::currencyPerEur)).contains(new BigDecimal("159.79"));

        expectCounts(importCsv("Date,USD,JPY,\n" + day + ",1.0837,160.01,\n"), 1, 0, 1, 1);

        mvc.perform(get("/api/v1/audit").param("subject", "fx:JPY").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].action").value("FX_RATE_REPLACED"))
                .andExpect(jsonPath("$.items[0].actor").value("admin"))
                .andExpect(jsonPath("$.items[0].subjectId").value("JPY/" + day))
                .andExpect(jsonPath("$.items[0].before.unitsPerEur").value("159.79"))
                .andExpect(jsonPath("$.items[0].after.unitsPerEur").value("160.01"))
                .andExpect(jsonPath("$.items[0].after.publishedOn").value(day.toString()));
        // The lookup forgets what it had read once the import is committed.
        assertThat(usdRates.on("JPY", day).map(UsdRate::currencyPerEur)).contains(new BigDecimal("160.01"));
        mvc.perform(get("/api/v1/audit").param("subject", "fx").with(admin()))
                .andExpect(jsonPath("$.items[0].action").value("FX_RATES_IMPORTED"))
                .andExpect(jsonPath("$.items[0].after.ratesReplaced").value(1));
    }

    @Test
    void a_file_with_any_bad_cell_keeps_nothing_and_lists_every_error_in_the_callers_language() throws Exception {
        int year = FxFiles.unusedYear();
        String goodRow = year + "-01-31,1.0837,159.79,0.85365,\n";
        expectCounts(importCsv("Date,USD,JPY,GBP,\n" + year + "-01-30,1.0846,160.13,0.85490,\n"), 1, 3, 0, 0);

        String bad = "Date,USD,JPY,GBP,\n" + goodRow
                + year + "-01-30,1.0846,160.13,0.99999,\n" // would replace GBP…
                + year + "-01-29,1,0823,159.34,0.85218,\n" // …but this row has one value too many
                + year + "-13-01,1.0871,-160.22,N/A,\n";
        mvc.perform(post("/api/v1/fx-rates")
                        .with(admin())
                        .header("Accept-Language", "fr")
                        .contentType("text/csv")
                        .content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail").value("La saisie comporte 3 problème(s) ; voir errors."))
                .andExpect(jsonPath("$.errorCount").value(3))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].line").value(4))
                .andExpect(jsonPath("$.errors[0].column").doesNotExist())
                .andExpect(jsonPath("$.errors[0].code").value("MALFORMED_ROW"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Cette ligne compte 5 valeurs alors que l’en-tête a 4 colonnes."))
                .andExpect(jsonPath("$.errors[1].line").value(5))
                .andExpect(jsonPath("$.errors[1].column").value("Date"))
                .andExpect(jsonPath("$.errors[1].code").value("BAD_DATE"))
                .andExpect(jsonPath("$.errors[1].message").value(startsWith(year + "-13-01 n’est pas une date")))
                .andExpect(jsonPath("$.errors[2].line").value(5))
                .andExpect(jsonPath("$.errors[2].column").value("JPY"))
                .andExpect(jsonPath("$.errors[2].code").value("BAD_RATE"))
                .andExpect(jsonPath("$.errors[2].message").value(startsWith("-160.22 n’est pas un taux")));

        // Nothing of it was kept: the good row is still new, the GBP value unchanged, no change audited.
        expectCounts(importCsv("Date,USD,JPY,GBP,\n" + goodRow), 1, 3, 0, 0);
        expectCounts(importCsv("Date,USD,JPY,GBP,\n" + year + "-01-30,1.0846,160.13,0.85490,\n"), 1, 0, 3, 0);
        mvc.perform(get("/api/v1/audit").param("subject", "fx:GBP").with(admin()))
                .andExpect(jsonPath("$.items[?(@.subjectId == 'GBP/" + year + "-01-30')]")
                        .isEmpty());
    }

    @Test
    void the_file_may_come_as_the_multipart_field_file() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file",
                "eurofxref-hist.csv",
                "text/csv",
                FxFiles.sampleIn(FxFiles.unusedYear()).getBytes(StandardCharsets.UTF_8));

        expectCounts(mvc.perform(multipart("/api/v1/fx-rates").file(file).with(admin())), 22, 87, 0, 0);
        mvc.perform(multipart("/api/v1/fx-rates").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
    }

    @Test
    void a_body_that_is_not_csv_is_refused_with_415() throws Exception {
        for (MediaType type : new MediaType[] {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}) {
            mvc.perform(post("/api/v1/fx-rates").with(admin()).contentType(type).content("{}"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        }
    }

    @Test
    void an_empty_body_or_a_header_without_a_date_column_is_refused_with_400() throws Exception {
        importCsv("")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("EMPTY_FILE"));
        importCsv("Day,USD,\n2024-01-31,1.0837,\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[1].line").value(1))
                .andExpect(jsonPath("$.errors[1].column").value("Date"))
                .andExpect(jsonPath("$.errors[1].code").value("MISSING_COLUMN"))
                .andExpect(jsonPath("$.errors[1].message").value("The header has no Date column."));
    }

    @Test
    void the_coverage_gives_each_currencys_first_and_last_publication_their_number_and_the_gaps() throws Exception {
        // ISK is written by this test only. A weekend and a four-day Easter are no gap; a week is.
        String csv = """
                Date,ISK,
                2101-04-30,150.10,
                2101-04-22,150.20,
                2101-04-15,150.30,
                2101-04-14,150.40,
                2101-04-09,150.50,
                2101-04-06,150.60,
                2101-04-05,150.70,
                """;
        expectCounts(importCsv(csv), 7, 7, 0, 0);

        String isk = "$.currencies[?(@.currency == 'ISK')]";
        mvc.perform(get("/api/v1/fx-rates/coverage").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath(isk + ".first").value("2101-04-05"))
                .andExpect(jsonPath(isk + ".last").value("2101-04-30"))
                .andExpect(jsonPath(isk + ".publications").value(7))
                .andExpect(jsonPath(isk + ".gaps[*].from")
                        .value(org.hamcrest.Matchers.contains("2101-04-16", "2101-04-23")))
                .andExpect(
                        jsonPath(isk + ".gaps[*].to").value(org.hamcrest.Matchers.contains("2101-04-21", "2101-04-29")))
                .andExpect(jsonPath(isk + ".gaps[*].days").value(org.hamcrest.Matchers.contains(6, 7)));
    }
}
