package org.directbill.partner.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** With an OpenID Connect issuer configured, its bearer tokens sign in, roles taken from a claim. */
@IntegrationTest
@TestPropertySource(
        properties = {
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + JwtSecurityTest.ISSUER,
            "directbill.security.jwt.roles-claim=groups"
        })
@Import(JwtSecurityTest.TestIssuer.class)
class JwtSecurityTest {

    static final String ISSUER = "https://login.example.test/tenant";
    static final KeyPair KEYS = keyPair();

    @TestConfiguration
    static class TestIssuer {
        @Bean
        JwtDecoder jwtDecoder() {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic())
                    .build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
            return decoder;
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void a_program_admin_token_acts_as_program_admin() throws Exception {
        String token = token(ISSUER, "ops-1", "ops@vendor.example", List.of("PROGRAM_ADMIN"), null, KEYS);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("ops@vendor.example"))
                .andExpect(jsonPath("$.roles[0]").value("PROGRAM_ADMIN"));
        mvc.perform(get("/api/v1/partners").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
    }

    @Test
    void a_partner_token_sees_its_own_partner_only() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String own = fixtures.createPartner(Fixtures.unique("Own"));
        String other = fixtures.createPartner(Fixtures.unique("Other"));
        String token = token(ISSUER, "p-1", "ga@own.example", List.of("GLOBAL_ADMIN", "PROGRAM_ADMIN"), own, KEYS);
        mvc.perform(get("/api/v1/partners/{id}", own).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/partners/{id}", other).header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        // A partner token never carries program roles, whatever the claim says.
        mvc.perform(get("/api/v1/partners").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_token_from_another_issuer_or_signed_with_another_key_is_refused() throws Exception {
        String wrongIssuer = token("https://evil.example", "x", "x@evil.example", List.of("PROGRAM_ADMIN"), null, KEYS);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + wrongIssuer))
                .andExpect(status().isUnauthorized());
        String wrongKey = token(ISSUER, "x", "x@evil.example", List.of("PROGRAM_ADMIN"), null, keyPair());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + wrongKey))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void api_keys_and_passwords_still_work_beside_tokens() throws Exception {
        mvc.perform(get("/api/v1/me").with(Fixtures.admin())).andExpect(status().isOk());
        Fixtures fixtures = new Fixtures(mvc);
        String machine = fixtures.addStaff("INTEGRATION").get("id").asString();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + fixtures.issueApiKey(machine)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(machine));
    }

    static String token(String issuer, String subject, String email, List<String> groups, String partner, KeyPair keys)
            throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .claim("email", email)
                .claim("groups", groups)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        if (partner != null) {
            claims.claim("partner_id", partner);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
