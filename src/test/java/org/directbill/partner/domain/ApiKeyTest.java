package org.directbill.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Machine API keys: shown once, stored as a SHA-256 digest (api.md, Conventions). */
class ApiKeyTest {

    static final UserId USER = UserId.random();
    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

    @Test
    void the_digest_is_the_sha256_of_the_key_in_64_lower_case_hex_characters() {
        assertThat(ApiKey.digest("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiKey.digest("")).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void the_digest_is_stable_and_differs_between_keys() {
        assertThat(ApiKey.digest("dbk_one")).isEqualTo(ApiKey.digest("dbk_one"));
        assertThat(ApiKey.digest("dbk_one")).isNotEqualTo(ApiKey.digest("dbk_One"));
    }

    @Test
    void the_digest_reads_the_key_as_utf8() {
        // SHA-256 of the two UTF-8 bytes c3 a9, not of the single ISO-8859-1 byte e9.
        assertThat(ApiKey.digest("\u00e9"))
                .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }

    @Test
    void an_issued_key_starts_with_dbk_and_is_recognised_as_a_key() {
        ApiKey.Issued issued = ApiKey.issue(USER, "ordering", NOW);

        assertThat(issued.secret()).startsWith("dbk_");
        assertThat(ApiKey.looksLikeKey(issued.secret())).isTrue();
    }

    @Test
    void an_issued_key_carries_256_random_bits_in_url_safe_base64() {
        String secret = ApiKey.issue(USER, "ordering", NOW).secret();

        // 32 bytes in unpadded base64 are 43 characters.
        assertThat(secret).matches("dbk_[A-Za-z0-9_-]{43}");
    }

    @Test
    void only_the_digest_of_an_issued_key_is_kept() {
        ApiKey.Issued issued = ApiKey.issue(USER, "ordering", NOW);

        assertThat(issued.key().keyHash()).isEqualTo(ApiKey.digest(issued.secret()));
        assertThat(issued.key().keyHash()).hasSize(64).doesNotContain(issued.secret());
    }

    @Test
    void the_prefix_is_the_start_of_the_key_but_not_the_whole_key() {
        ApiKey.Issued issued = ApiKey.issue(USER, "ordering", NOW);
        String prefix = issued.key().keyPrefix();

        assertThat(prefix).hasSize(10).startsWith("dbk_");
        assertThat(issued.secret()).startsWith(prefix);
        assertThat(prefix.length()).isLessThan(issued.secret().length());
        assertThat(prefix).isNotEqualTo(issued.secret());
    }

    @Test
    void two_issued_keys_differ() {
        ApiKey.Issued first = ApiKey.issue(USER, "ordering", NOW);
        ApiKey.Issued second = ApiKey.issue(USER, "ordering", NOW);

        assertThat(first.secret()).isNotEqualTo(second.secret());
        assertThat(first.key().keyHash()).isNotEqualTo(second.key().keyHash());
        assertThat(first.key().id()).isNotEqualTo(second.key().id());
    }

    @Test
    void an_issued_key_belongs_to_its_user_with_its_name_and_time() {
        ApiKey key = ApiKey.issue(USER, "ordering platform", NOW).key();

        assertThat(key.userId()).isEqualTo(USER);
        assertThat(key.name()).isEqualTo("ordering platform");
        assertThat(key.createdAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dbk", "DBK_abc", "Dbk_abc", "eyJhbGciOiJSUzI1NiJ9.e30.sig", "abc_dbk_"})
    void other_tokens_do_not_look_like_keys(String token) {
        assertThat(ApiKey.looksLikeKey(token)).isFalse();
    }

    @Test
    void any_token_starting_with_dbk_looks_like_a_key() {
        assertThat(ApiKey.looksLikeKey("dbk_")).isTrue();
        assertThat(ApiKey.looksLikeKey("dbk_whatever")).isTrue();
    }
}
