package org.directbill.partner.security;

import org.directbill.partner.domain.ApiKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Four filter chains: the stateless API (HTTP Basic, API keys, optional JWT), the operations
 * endpoints, the API docs, and the pages (form login with CSRF). Every response carries the
 * security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline script or style anywhere in the pages; every asset is served by the app itself. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI ships inline styles; it gets a looser policy on its own paths only. */
    static final String DOCS_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

    /** The credit bureau's webhook (enrollment): signed by the bureau, not signed in. */
    static final String CREDIT_BUREAU_WEBHOOK = "/api/v1/credit-bureau/decisions";

    @Bean
    PasswordEncoder passwordEncoder() {
        // {bcrypt} by default, and able to read any later algorithm we move to.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(
            AccountDetails accounts, PasswordEncoder passwords, AuthenticationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            AuthenticationManager authentication,
            ProblemWriter problems,
            ApiKeyCallers apiKeys,
            JwtCallers jwtCallers,
            ObjectProvider<JwtDecoder> jwtDecoder,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer)
            throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(authentication)
                // The credit bureau's webhook carries no user credentials: its HMAC signature,
                // checked by the enrollment module over the raw body, authenticates it.
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, CREDIT_BUREAU_WEBHOOK)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiKeyFilter(apiKeys, problems), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        if (!issuer.isBlank()) {
            // Its own manager: the chain's manager checks passwords, not token signatures.
            JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(jwtDecoder.getObject());
            tokens.setJwtAuthenticationConverter(jwtCallers);
            // API keys are bearer tokens too; they are the API key filter's, not the JWT decoder's.
            DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
            BearerTokenResolver jwtsOnly = request -> {
                String token = bearer.resolve(request);
                return token == null || ApiKey.looksLikeKey(token) ? null : token;
            };
            http.oauth2ResourceServer(jwt -> jwt.bearerTokenResolver(jwtsOnly)
                    .jwt(token -> token.authenticationManager(new ProviderManager(tokens)))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operations(
            HttpSecurity http, AuthenticationManager authentication, ProblemWriter problems, ApiKeyCallers apiKeys)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .anyRequest()
                        .hasAnyRole("PROGRAM_ADMIN", "INTEGRATION"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiKeyFilter(apiKeys, problems), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(DOCS_POLICY)));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authentication, LoginLocale loginLocale)
            throws Exception {
        http.authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(loginLocale)
                        .failureHandler(loginLocale)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // An htmx request whose session expired cannot follow a redirect into a fragment:
                // tell htmx to load the login page instead.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                (request, response, failure) -> {
                                    response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                                    response.setStatus(401);
                                },
                                request -> request.getHeader("HX-Request") != null)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
                .csrf(Customizer.withDefaults())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions ->
                                permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
        return http.build();
    }
}
