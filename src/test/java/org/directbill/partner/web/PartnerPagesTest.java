package org.directbill.partner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The pages as a person meets them: signing in, the language, the partner list and its live search,
 * the forms with their errors in place, who sees what, and the security headers on every page.
 */
@IntegrationTest
class PartnerPagesTest {

    @Autowired
    MockMvc mvc;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc);
    }

    @Test
    void the_login_page_speaks_french_to_a_french_browser_and_english_to_any_other() throws Exception {
        String french = page(get("/login").header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5"));
        assertThat(french).contains("<html lang=\"fr\"");
        assertThat(visibleText(french))
                .contains("Connexion", "E-mail (ou admin)", "Mot de passe", "Se connecter")
                .doesNotContain("Sign in", "Password");

        String english = page(get("/login").header("Accept-Language", "de-DE,de;q=0.9"));
        assertThat(english).contains("<html lang=\"en\"");
        assertThat(visibleText(english))
                .contains("Sign in", "Email (or admin)", "Password")
                .doesNotContain("Connexion");
        assertThat(visibleText(page(get("/login")))).contains("Sign in");
    }

    @Test
    void the_login_page_labels_its_fields_and_carries_a_csrf_token() throws Exception {
        String html = page(get("/login"));
        assertThat(html)
                .contains("<label for=\"username\"")
                .contains("id=\"username\"")
                .contains("<label for=\"password\"")
                .contains("autocomplete=\"current-password\"")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_page() throws Exception {
        for (String path : new String[] {"/", "/partners", "/partners/new", "/audit"}) {
            mvc.perform(get(path))
                    .andExpect(status().isFound())
                    .andExpect(header().string("Location", endsWith("/login")));
        }
    }

    @Test
    void program_staff_land_on_the_partner_list() throws Exception {
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/partners"));
        String list = visibleText(page(get("/partners").session(session)));
        assertThat(list).contains("Partners", "Signed in as Program administrator", "New partner", "Audit log");
        assertThat(list).doesNotContain("My company");
    }

    @Test
    void a_partner_user_lands_on_the_page_of_its_own_company_and_may_not_list_partners() throws Exception {
        String name = Fixtures.unique("Own Company");
        String partnerId = fixtures.createPartner(name);
        String user = fixtures.addPartnerUser(partnerId, "SALES_AGENT");
        MockHttpSession session = signIn(user, Fixtures.PASSWORD);

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/partners/" + partnerId));
        mvc.perform(get("/my-company").session(session)).andExpect(redirectedUrl("/partners/" + partnerId));
        String own = visibleText(page(get("/partners/" + partnerId).session(session)));
        assertThat(own).contains(name, "My company").doesNotContain("Audit log", "New partner");
        mvc.perform(get("/partners").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void a_wrong_password_sends_back_to_the_login_page_with_a_message() throws Exception {
        mvc.perform(formLogin("/login").user(Fixtures.ADMIN).password("not-the-password"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(visibleText(page(get("/login?error").header("Accept-Language", "fr"))))
                .contains("L’e-mail ou le mot de passe est incorrect.");
    }

    @Test
    void a_form_post_without_the_csrf_token_is_refused_and_changes_nothing() throws Exception {
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String name = Fixtures.unique("No Token");
        mvc.perform(post("/partners").session(session).params(partnerForm(name, "DE", "HRB 1")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", Fixtures.ADMIN).param("password", Fixtures.ADMIN_PASSWORD))
                .andExpect(status().isForbidden());
        assertThat(visibleText(page(get("/partners").param("q", name).session(session))))
                .contains("No partner matches.");
    }

    @Test
    void the_partner_list_finds_partners_by_name_and_location_and_live_search_answers_only_the_results()
            throws Exception {
        String prefix = Fixtures.unique("Fabrikam");
        String first = fixtures.createPartner(prefix + " Alpha");
        fixtures.createPartner(prefix + " Beta");
        String locationId = fixtures.addLocation(first, "FR", "ACTIVE");
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);

        String full = page(get("/partners").param("q", prefix).session(session));
        assertThat(full).contains("<html", "role=\"search\"", "<label for=\"q\"", "hx-get=\"/partners\"");
        assertThat(visibleText(full)).contains(prefix + " Alpha", prefix + " Beta");
        assertThat(full).contains("href=\"/partners/" + first + "\"");

        MvcResult live = mvc.perform(
                        get("/partners").param("q", locationId).session(session).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("Vary", containsString("HX-Request")))
                .andReturn();
        String fragment = live.getResponse().getContentAsString();
        assertThat(fragment.strip()).startsWith("<div id=\"results\"");
        assertThat(fragment).doesNotContain("<html", "<header", "<form");
        assertThat(visibleText(fragment)).contains(prefix + " Alpha").doesNotContain(prefix + " Beta");

        String none = page(get("/partners")
                .param("q", Fixtures.unique("Nobody"))
                .session(session)
                .header("HX-Request", "true"));
        assertThat(visibleText(none)).contains("No partner matches.");
    }

    @Test
    void going_back_in_the_browser_history_after_a_live_search_gets_the_whole_page() throws Exception {
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String restored = page(get("/partners")
                .param("q", "x")
                .session(session)
                .header("HX-Request", "true")
                .header("HX-History-Restore-Request", "true"));
        assertThat(restored).contains("<html", "<header");
    }

    @Test
    void the_new_partner_form_shows_each_error_next_to_its_field_in_french_and_creates_nothing() throws Exception {
        MockHttpSession session = signIn(newProgramAdmin("fr"), Fixtures.PASSWORD);
        String form = page(get("/partners/new").session(session));
        assertThat(visibleText(form)).contains("Nouveau partenaire", "Raison sociale", "Adresse", "Contact principal");
        assertThat(form)
                .contains(
                        "<label for=\"legalName\"",
                        "<label for=\"address.line1\"",
                        "<label for=\"primaryContact.email\"");

        String name = Fixtures.unique("Invalid");
        MvcResult refused = mvc.perform(post("/partners")
                        .session(session)
                        .with(csrf())
                        .param("legalName", name)
                        .param("country", "PL")
                        .param("registrationId", "")
                        .param("address.line1", "")
                        .param("address.city", "Warszawa")
                        .param("address.postalCode", "00-001")
                        .param("address.country", "PL")
                        .param("primaryContact.name", "Jan")
                        .param("primaryContact.email", "not-an-email"))
                .andExpect(status().isBadRequest())
                .andReturn();
        String html = refused.getResponse().getContentAsString();
        assertThat(visibleText(html))
                .contains("Veuillez corriger les champs signalés.")
                .contains("Un numéro d’enregistrement est obligatoire")
                .contains("not-an-email n’est pas une adresse e-mail");
        // Each message sits right under its own field, which points to it, and the input is kept.
        assertThat(fieldBlock(html, "primaryContact.email"))
                .contains("aria-invalid=\"true\"", "aria-describedby=\"primaryContact.email-error\"")
                .contains("id=\"primaryContact.email-error\"", "n’est pas une adresse e-mail");
        assertThat(fieldBlock(html, "address.line1")).contains("aria-invalid=\"true\"", "Obligatoire.");
        assertThat(fieldBlock(html, "registrationId")).contains("aria-invalid=\"true\"", "obligatoire");
        assertThat(fieldBlock(html, "address.city")).contains("value=\"Warszawa\"", "aria-invalid=\"false\"");
        assertThat(html).contains("value=\"" + name + "\"");

        mvc.perform(get("/api/v1/partners").param("q", name).with(admin()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void a_program_admin_creates_a_partner_with_the_form_and_sees_its_page() throws Exception {
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String name = Fixtures.unique("Created");
        MvcResult created = mvc.perform(post("/partners")
                        .session(session)
                        .with(csrf())
                        .params(partnerForm(name, "DE", Fixtures.unique("HRB"))))
                .andExpect(status().isFound())
                .andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/partners/[0-9a-f-]{36}");

        String detail = visibleText(page(get(location).session(session).flashAttrs(created.getFlashMap())));
        assertThat(detail)
                .contains("Partner created.", name, "Pat Contact", "1 Main Street, 12345 Springfield, Germany");
    }

    @Test
    void a_partner_user_opening_another_partners_page_is_told_it_does_not_exist() throws Exception {
        String own = fixtures.createPartner(Fixtures.unique("Mine"));
        String other = fixtures.createPartner(Fixtures.unique("Theirs"));
        String user = fixtures.addPartnerUser(own, "GLOBAL_ADMIN");
        MockHttpSession session = signIn(user, Fixtures.PASSWORD);

        for (String path : new String[] {"/partners/" + other, "/partners/" + other + "/profile"}) {
            MvcResult hidden = mvc.perform(get(path).session(session))
                    .andExpect(status().isNotFound())
                    .andReturn();
            String text = visibleText(hidden.getResponse().getContentAsString());
            assertThat(text).contains("Not found", "No partner " + other).doesNotContain("Theirs");
            // Still signed in, with the way back: the navigation and the sign-out button.
            assertThat(text).contains("My company", "Sign out");
        }
        mvc.perform(get("/partners/not-a-partner-id").session(session)).andExpect(status().isNotFound());
    }

    @Test
    void the_detail_page_shows_locations_and_users_and_only_a_program_admin_can_add_a_location() throws Exception {
        String name = Fixtures.unique("Northwind");
        String partnerId = fixtures.createPartner(name);
        String locationId = fixtures.addLocation(partnerId, "BE", "PENDING");
        String globalAdmin = fixtures.addPartnerUser(partnerId, "GLOBAL_ADMIN");

        MockHttpSession staff = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String asAdmin = page(get("/partners/" + partnerId).session(staff));
        assertThat(visibleText(asAdmin))
                .contains(name, "Locations", locationId, "Users", globalAdmin, "Global admin", "Add a location");
        assertThat(asAdmin)
                .contains("action=\"/partners/" + partnerId + "/locations\"")
                .contains("<label for=\"locationId\"");

        MvcResult added = mvc.perform(post("/partners/{id}/locations", partnerId)
                        .session(staff)
                        .with(csrf())
                        .param("locationId", "12")
                        .param("country", "BE")
                        .param("membershipStatus", "ACTIVE"))
                .andExpect(status().isBadRequest())
                .andReturn();
        assertThat(fieldBlock(added.getResponse().getContentAsString(), "locationId"))
                .contains("12 is not a location ID: 5 to 10 digits.");

        String newLocation = Fixtures.uniqueLocationId();
        MvcResult ok = mvc.perform(post("/partners/{id}/locations", partnerId)
                        .session(staff)
                        .with(csrf())
                        .param("locationId", newLocation)
                        .param("country", "LU")
                        .param("membershipStatus", "ACTIVE"))
                .andExpect(redirectedUrl("/partners/" + partnerId))
                .andReturn();
        assertThat(visibleText(page(get("/partners/" + partnerId).session(staff).flashAttrs(ok.getFlashMap()))))
                .contains("Location " + newLocation + " added.", newLocation, "Luxembourg LU");

        MockHttpSession partner = signIn(globalAdmin, Fixtures.PASSWORD);
        String asPartner = page(get("/partners/" + partnerId).session(partner));
        assertThat(visibleText(asPartner))
                .contains(name, locationId, newLocation, "Pending", "Users", globalAdmin, "Add a user")
                .doesNotContain("Add a location");
        assertThat(asPartner).doesNotContain("/locations\"", "name=\"membershipStatus\"");
        mvc.perform(post("/partners/{id}/locations", partnerId)
                        .session(partner)
                        .with(csrf())
                        .param("locationId", Fixtures.uniqueLocationId())
                        .param("country", "BE")
                        .param("membershipStatus", "ACTIVE"))
                .andExpect(status().isForbidden());

        String salesAgent = fixtures.addPartnerUser(partnerId, "SALES_AGENT");
        String asAgent =
                visibleText(page(get("/partners/" + partnerId).session(signIn(salesAgent, Fixtures.PASSWORD))));
        assertThat(asAgent).contains(locationId).doesNotContain("Users", globalAdmin, "Add a location");
    }

    @Test
    void a_partner_global_admin_saves_the_declared_facts_while_the_program_facts_stay_disabled() throws Exception {
        String partnerId = fixtures.createPartner(Fixtures.unique("Litware"));
        String globalAdmin = fixtures.addPartnerUser(partnerId, "GLOBAL_ADMIN");
        MockHttpSession session = signIn(globalAdmin, Fixtures.PASSWORD);

        String form = page(get("/partners/{id}/profile", partnerId).session(session));
        assertThat(visibleText(form)).contains("Declared by the partner", "Established by program staff", "Save");
        assertThat(section(form, "Declared by the partner")).doesNotContain("disabled");
        assertThat(section(form, "Established by program staff"))
                .containsPattern("<fieldset [^>]*disabled=\"disabled\"")
                .contains("<label for=\"businessVetting\"");

        MvcResult saved = mvc.perform(post("/partners/{id}/profile", partnerId)
                        .session(session)
                        .with(csrf())
                        .param("sections", "signatory", "supportCapability", "billingInfrastructure", "managedServices")
                        .param("signatory.name", "Ada Signer")
                        .param("signatory.email", "ada@example.com")
                        .param("signatory.title", "CEO")
                        .param("signatory.authorityToSign", "true")
                        .param("supportCapability.firstLevelSupport", "true")
                        .param("supportCapability.contactEmail", "support@example.com")
                        .param("billingInfrastructure.inPlace", "")
                        .param("billingInfrastructure.description", "")
                        .param("serviceKind", "MANAGED_SERVICE", "", "")
                        .param("serviceName", "Backup as a service", "", ""))
                .andExpect(redirectedUrl("/partners/" + partnerId + "/profile"))
                .andReturn();
        String after =
                page(get("/partners/{id}/profile", partnerId).session(session).flashAttrs(saved.getFlashMap()));
        assertThat(visibleText(after)).contains("Saved.");
        assertThat(after)
                .contains("value=\"Ada Signer\"", "value=\"support@example.com\"", "value=\"Backup as a service\"");

        // A hand-made request for a program fact is refused and changes nothing.
        mvc.perform(post("/partners/{id}/profile", partnerId)
                        .session(session)
                        .with(csrf())
                        .param("sections", "businessVetting")
                        .param("businessVetting", "PASSED"))
                .andExpect(status().isForbidden());
        assertThat(page(get("/partners/{id}/profile", partnerId).session(session)))
                .doesNotContain("value=\"PASSED\" selected");
    }

    @Test
    void a_profile_with_a_mistake_keeps_what_was_typed_and_says_what_is_wrong_next_to_the_field() throws Exception {
        String partnerId = fixtures.createPartner(Fixtures.unique("Mistake"));
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        MvcResult refused = mvc.perform(post("/partners/{id}/profile", partnerId)
                        .session(session)
                        .with(csrf())
                        .param("sections", "signatory", "managedServices", "designations")
                        .param("signatory.name", "Ada Signer")
                        .param("signatory.email", "")
                        .param("signatory.title", "CEO")
                        .param("signatory.authorityToSign", "true")
                        .param("serviceKind", "", "IP_SERVICE", "")
                        .param("serviceName", "Typed without a kind", "Named IP", "")
                        .param("designations", "Modern Work\n" + "x".repeat(101)))
                .andExpect(status().isBadRequest())
                .andReturn();
        String html = refused.getResponse().getContentAsString();
        assertThat(visibleText(html)).contains("Please correct the highlighted fields.");
        assertThat(html).contains("value=\"Ada Signer\"", "value=\"CEO\"", "value=\"Typed without a kind\"");
        assertThat(html).contains("value=\"Named IP\"", "<option value=\"IP_SERVICE\" selected=\"selected\"");
        assertThat(fieldBlock(html, "signatory.email")).contains("aria-invalid=\"true\"", "Required.");
        assertThat(fieldBlock(html, "designations")).contains("Modern Work", "At most 100 characters.");
        assertThat(html).contains("aria-describedby=\"serviceKind0-error\"", "id=\"serviceKind0-error\">Required.");
        assertThat(page(get("/partners/{id}/profile", partnerId).session(session)))
                .doesNotContain("Ada Signer");
    }

    @Test
    void a_program_admin_sees_the_program_facts_enabled() throws Exception {
        String partnerId = fixtures.createPartner(Fixtures.unique("Facts"));
        String form =
                page(get("/partners/{id}/profile", partnerId).session(signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD)));
        assertThat(form).doesNotContain("disabled");
    }

    @Test
    void the_language_chosen_with_lang_is_remembered_for_the_next_sign_in() throws Exception {
        String partnerId = fixtures.createPartner(Fixtures.unique("Tailspin"));
        String user = fixtures.addPartnerUser(partnerId, "GLOBAL_ADMIN");
        MockHttpSession first = signIn(user, Fixtures.PASSWORD);
        assertThat(visibleText(page(get("/partners/" + partnerId).session(first))))
                .contains("Locations");

        String french = page(get("/partners/" + partnerId).param("lang", "fr").session(first));
        assertThat(french).contains("<html lang=\"fr\"");
        assertThat(visibleText(french)).contains("Emplacements", "Ma société", "Se déconnecter");
        mvc.perform(post("/logout").session(first).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        MockHttpSession second = signIn(user, Fixtures.PASSWORD);
        String next = page(get("/partners/" + partnerId).session(second).header("Accept-Language", "en"));
        assertThat(visibleText(next)).contains("Emplacements", "Utilisateurs").doesNotContain("Locations");

        page(get("/partners/" + partnerId).param("lang", "en").session(second));
        assertThat(visibleText(page(get("/partners/" + partnerId)
                        .session(signIn(user, Fixtures.PASSWORD))
                        .header("Accept-Language", "fr"))))
                .contains("Locations");
    }

    @Test
    void a_user_who_never_chose_a_language_keeps_the_browsers_after_signing_in() throws Exception {
        String email = Fixtures.uniqueEmail("nochoice");
        mvc.perform(post("/api/v1/users")
                        .with(Fixtures.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + email + "\", \"displayName\": \"No Choice\", \"password\": \""
                                + Fixtures.PASSWORD + "\", \"roles\": [\"REVIEWER\"]}"))
                .andExpect(status().isCreated());
        MockHttpSession session = signIn(email, Fixtures.PASSWORD);
        assertThat(visibleText(page(get("/partners").session(session).header("Accept-Language", "fr"))))
                .contains("Partenaires");
        assertThat(visibleText(page(get("/partners").session(session).header("Accept-Language", "en"))))
                .contains("Partners");
    }

    @Test
    void the_language_picked_on_the_login_page_wins_and_is_saved_for_the_user() throws Exception {
        String partnerId = fixtures.createPartner(Fixtures.unique("Lingua"));
        String user = fixtures.addPartnerUser(partnerId, "GLOBAL_ADMIN");
        MockHttpSession loginPage = (MockHttpSession) mvc.perform(get("/login").param("lang", "fr"))
                .andReturn()
                .getRequest()
                .getSession(false);
        MvcResult login = mvc.perform(post("/login")
                        .session(loginPage)
                        .with(csrf())
                        .param("username", user)
                        .param("password", Fixtures.PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        assertThat(visibleText(
                        page(get("/partners/" + partnerId).session(session).header("Accept-Language", "en"))))
                .contains("Emplacements");
        assertThat(visibleText(page(get("/partners/" + partnerId)
                        .session(signIn(user, Fixtures.PASSWORD))
                        .header("Accept-Language", "en"))))
                .contains("Emplacements");
    }

    @Test
    void a_live_search_after_the_session_expired_sends_the_browser_to_the_login_page() throws Exception {
        mvc.perform(get("/partners").param("q", "x").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
    }

    @Test
    void the_audit_page_is_for_program_admins_only() throws Exception {
        String name = Fixtures.unique("Audited");
        String partnerId = fixtures.createPartner(name);
        String audit = page(
                get("/audit").param("subject", partnerId).session(signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD)));
        assertThat(visibleText(audit)).contains("Audit log", "PARTNER_REGISTERED", "admin");

        String reviewer = fixtures.addStaff("REVIEWER").get("email").asString();
        MockHttpSession asReviewer = signIn(reviewer, Fixtures.PASSWORD);
        assertThat(visibleText(page(get("/partners").session(asReviewer)))).doesNotContain("Audit log");
        mvc.perform(get("/audit").session(asReviewer)).andExpect(status().isForbidden());

        String user = fixtures.addPartnerUser(partnerId, "GLOBAL_ADMIN");
        MvcResult refused = mvc.perform(get("/audit").session(signIn(user, Fixtures.PASSWORD)))
                .andExpect(status().isForbidden())
                .andReturn();
        assertThat(refused.getResponse().getContentAsString()).doesNotContain("PARTNER_REGISTERED");
    }

    @Test
    void a_refusal_is_explained_on_a_page_in_the_readers_language() throws Exception {
        // The servlet container forwards a refused request to /error; MockMvc does not, so do it here.
        MvcResult refused = mvc.perform(get("/error")
                        .accept(MediaType.TEXT_HTML)
                        .header("Accept-Language", "fr")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403))
                .andExpect(status().isForbidden())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andReturn();
        String html = refused.getResponse().getContentAsString();
        assertThat(html).contains("<html lang=\"fr\"");
        assertThat(visibleText(html)).contains("Non autorisé", "Retour à l’accueil");
    }

    @Test
    void every_page_carries_the_security_headers() throws Exception {
        String partnerId = fixtures.createPartner(Fixtures.unique("Headers"));
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        MockHttpServletRequestBuilder[] pages = {
            get("/login"),
            get("/partners").session(session),
            get("/partners").session(session).header("HX-Request", "true"),
            get("/partners/new").session(session),
            get("/partners/" + partnerId).session(session),
            get("/partners/" + partnerId + "/profile").session(session),
            get("/audit").session(session),
        };
        for (MockHttpServletRequestBuilder request : pages) {
            mvc.perform(request)
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        }
        mvc.perform(get("/partners/" + UUID.randomUUID()).session(session))
                .andExpect(status().isNotFound())
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void the_pages_use_no_inline_script_or_style_that_the_policy_would_block() throws Exception {
        String partnerId = fixtures.createPartner(Fixtures.unique("Inline"));
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        MockHttpServletRequestBuilder[] pages = {
            get("/login"),
            get("/partners").session(session),
            get("/partners/new").session(session),
            get("/partners/" + partnerId).session(session),
            get("/partners/" + partnerId + "/profile").session(session),
            get("/audit").session(session),
        };
        for (MockHttpServletRequestBuilder request : pages) {
            String html = page(request);
            assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
            assertThat(html).doesNotContainPattern("\\sstyle=\"");
            assertThat(html).doesNotContainPattern("<style[\\s>]");
            assertThat(html).doesNotContainPattern("\\son[a-z]+=\"");
        }
    }

    // ---------------------------------------------------------------------------------------------

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return new Pages(mvc).page(request);
    }

    /** Signs in through the login form, as a browser does, and keeps the session. */
    private MockHttpSession signIn(String username, String password) throws Exception {
        return new Pages(mvc).signIn(username, password);
    }

    /** A program admin of its own, so that switching its language disturbs no other test. */
    private String newProgramAdmin(String language) throws Exception {
        String email = fixtures.addStaff("PROGRAM_ADMIN").get("email").asString();
        MockHttpSession session = signIn(email, Fixtures.PASSWORD);
        page(get("/partners").param("lang", language).session(session));
        return email;
    }

    private static MultiValueMap<String, String> partnerForm(String name, String country, String registrationId) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("legalName", name);
        form.add("country", country);
        form.add("registrationId", registrationId);
        form.add("address.line1", "1 Main Street");
        form.add("address.city", "Springfield");
        form.add("address.postalCode", "12345");
        form.add("address.country", country);
        form.add("primaryContact.name", "Pat Contact");
        form.add("primaryContact.email", "pat@example.com");
        return form;
    }

    /** What a person reads: the body without tags, entities decoded, whitespace collapsed. */
    private static String visibleText(String html) {
        return Pages.visibleText(html);
    }

    /** The markup of one form field, from its label to the end of its wrapping element. */
    private static String fieldBlock(String html, String name) {
        Matcher start =
                Pattern.compile("<label for=\"" + Pattern.quote(name) + "\"").matcher(html);
        assertThat(start.find()).as("a label for " + name).isTrue();
        int end = html.indexOf("</div>", start.start());
        return html.substring(start.start(), end);
    }

    /** The card whose heading is the given text. */
    private static String section(String html, String heading) {
        int start = html.indexOf(">" + heading + "</h2>");
        assertThat(start).as("a section headed " + heading).isPositive();
        int next = html.indexOf("<h2", start);
        return html.substring(start, next < 0 ? html.length() : next);
    }
}
