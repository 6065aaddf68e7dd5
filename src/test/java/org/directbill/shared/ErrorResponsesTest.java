package org.directbill.shared;

import static org.directbill.support.Fixtures.admin;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Errors outside any controller: problem documents for programs, a page for people. */
@IntegrationTest
class ErrorResponsesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void an_unknown_api_address_is_a_problem_document() throws Exception {
        forwardToErrorPage(
                        mvc.perform(get("/api/v1/nothing-here").with(admin())).andReturn(), MediaType.APPLICATION_JSON)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void a_method_the_address_does_not_take_is_405_with_a_problem_document() throws Exception {
        forwardToErrorPage(
                        mvc.perform(delete("/api/v1/partners").with(admin())).andReturn(), MediaType.APPLICATION_JSON)
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }

    @Test
    void a_body_in_another_format_is_415_and_names_the_problem() throws Exception {
        mvc.perform(post("/api/v1/partners")
                        .with(admin())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void an_unknown_page_is_a_page_in_the_readers_language() throws Exception {
        MvcResult missing = mvc.perform(get("/no-such-page").with(user("admin").roles("PROGRAM_ADMIN")))
                .andReturn();
        forwardToErrorPage(missing, MediaType.TEXT_HTML)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Introuvable")));
    }

    /** MockMvc has no servlet container: do what the container does with a sendError. */
    private org.springframework.test.web.servlet.ResultActions forwardToErrorPage(MvcResult failed, MediaType accept)
            throws Exception {
        int status = failed.getResponse().getStatus();
        return mvc.perform(MockMvcRequestBuilders.get("/error")
                .with(admin())
                .accept(accept)
                .header("Accept-Language", "fr")
                .requestAttr("jakarta.servlet.error.status_code", status)
                .requestAttr(
                        "jakarta.servlet.error.request_uri", failed.getRequest().getRequestURI()));
    }
}
