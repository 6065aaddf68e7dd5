package org.directbill.revenue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.directbill.revenue.FxFiles;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.Pages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/** The exchange-rate pages as a person meets them: the import form and its answer, the coverage table, who sees what. */
@IntegrationTest
class FxRatePagesTest {

    @Autowired
    MockMvc mvc;

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_program_admin_imports_a_file_with_the_form_and_reads_the_counts_in_place() throws Exception {
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String form = page(get("/fx-rates/import").session(session));
        assertThat(form)
                .contains("enctype=\"multipart/form-data\"", "<label for=\"file\"", "name=\"file\" type=\"file\"")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");

        int year = FxFiles.unusedYear();
        String answer = page(multipart("/fx-rates/import")
                .file(csv("eurofxref-hist.csv", FxFiles.sampleIn(year)))
                .session(session)
                .with(csrf()));
        assertThat(visibleText(answer))
                .contains("eurofxref-hist.csv imported.")
                .contains("Rows read 22", "New rates 87", "Rates already stored with the same value 0")
                .contains("Rates whose value changed 0");

        String again = page(multipart("/fx-rates/import")
                .file(csv("eurofxref-hist.csv", FxFiles.sampleIn(year)))
                .session(session)
                .with(csrf()));
        assertThat(visibleText(again)).contains("New rates 0", "Rates already stored with the same value 87");
    }

    @Test
    void a_refused_file_lists_each_error_with_its_line_and_column_in_the_readers_language() throws Exception {
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        int year = FxFiles.unusedYear();
        MvcResult refused = mvc.perform(multipart("/fx-rates/import")
                        .file(csv(
                                "bad.csv", "Date,USD,JPY,\n" + year + "-01-31,1.0837,abc,\n" + year + "-01-31,1,2,\n"))
                        .session(session)
                        .header("Accept-Language", "fr")
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn();
        String text = visibleText(refused.getResponse().getContentAsString());
        assertThat(text)
                .contains("bad.csv a été refusé et rien n’a été importé : 2 erreur(s).")
                .contains("Ligne Colonne Problème")
                .contains("2 JPY abc n’est pas un taux")
                .contains("3 Date La date " + year + "-01-31 a déjà une ligne : la ligne 2.");

        mvc.perform(multipart("/fx-rates/import").session(session).with(csrf())).andExpect(status().isBadRequest());
    }

    @Test
    void the_form_cannot_be_posted_without_the_csrf_token() throws Exception {
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        mvc.perform(multipart("/fx-rates/import")
                        .file(csv("x.csv", FxFiles.sampleIn(FxFiles.unusedYear())))
                        .session(session))
                .andExpect(status().isForbidden());
    }

    @Test
    void program_staff_see_the_coverage_and_only_a_program_admin_may_import() throws Exception {
        MockHttpSession admin = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        // MNT is written by this test only: two publications a week apart make one gap.
        page(multipart("/fx-rates/import")
                .file(csv("mnt.csv", "Date,MNT\n2102-06-10,3701.5\n2102-06-03,3699.25\n"))
                .session(admin)
                .with(csrf()));

        String asAdmin = page(get("/fx-rates").session(admin));
        assertThat(visibleText(asAdmin))
                .contains("Exchange rates", "Import rates")
                .contains("MNT Mongolian Tugrik 2102-06-03 2102-06-10 2 2102-06-04 to 2102-06-09 (6 days)");
        assertThat(asAdmin).contains("href=\"/fx-rates\"", "href=\"/fx-rates/import\"");

        String email = new Fixtures(mvc).addStaff("REVIEWER").get("email").asString();
        MockHttpSession asReviewer = signIn(email, Fixtures.PASSWORD);
        String french = page(get("/fx-rates").session(asReviewer).param("lang", "fr"));
        assertThat(visibleText(french))
                .contains("Taux de change", "Devise", "Lacunes (plus de 4 jours sans publication)")
                .contains("MNT", "du 2102-06-04 au 2102-06-09 (6 jours)")
                .doesNotContain("Importer des taux");
        mvc.perform(get("/fx-rates/import").session(asReviewer)).andExpect(status().isForbidden());
        mvc.perform(multipart("/fx-rates/import")
                        .file(csv("x.csv", "Date,MNT\n2102-06-10,1\n"))
                        .session(asReviewer)
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_partner_user_sees_no_exchange_rates() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String partnerId = fixtures.createPartner(Fixtures.unique("Rates"));
        MockHttpSession session = signIn(fixtures.addPartnerUser(partnerId, "GLOBAL_ADMIN"), Fixtures.PASSWORD);

        assertThat(visibleText(page(get("/partners/" + partnerId).session(session))))
                .doesNotContain("Exchange rates");
        mvc.perform(get("/fx-rates").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/fx-rates/import").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void the_pages_carry_no_inline_script_or_style() throws Exception {
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        for (String path : new String[] {"/fx-rates", "/fx-rates/import"}) {
            String html = page(get(path).session(session));
            assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
            assertThat(html).doesNotContainPattern("\\sstyle=\"");
            assertThat(html).doesNotContainPattern("\\son[a-z]+=\"");
            assertThat(visibleText(html)).contains("Exchange rates");
        }
    }

    // ---------------------------------------------------------------------------------------------

    private String page(RequestBuilder request) throws Exception {
        return new Pages(mvc).page(request);
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return new Pages(mvc).signIn(username, password);
    }

    /** What a person reads: the body without tags, entities decoded, whitespace collapsed. */
    private static String visibleText(String html) {
        return Pages.visibleText(html);
    }
}
