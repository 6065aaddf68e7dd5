package org.directbill.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/** Reading pages as a person does in MockMvc tests: sign in through the form, fetch a page, read its text. */
public final class Pages {

    private final MockMvc mvc;

    public Pages(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** Fetches a page that must answer 200 with HTML, and returns its markup. */
    public String page(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        return result.getResponse().getContentAsString();
    }

    /** Signs in through the login form, as a browser does, and keeps the session. */
    public MockHttpSession signIn(String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** What a person reads: the body without tags, entities decoded, whitespace collapsed. */
    public static String visibleText(String html) {
        String body = html.replaceAll("(?s)<head>.*?</head>", " ")
                .replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("<[^>]+>", " ");
        return body.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ");
    }
}
