package org.directbill.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipientTest {

    @Test
    void each_global_admin_is_written_to_in_its_saved_language_and_the_contact_by_the_partners_country() {
        List<Recipient> recipients = Recipient.of(
                "FR",
                "contact@contoso.example",
                List.of(
                        new Recipient.GlobalAdmin("anne@contoso.example", "en"),
                        new Recipient.GlobalAdmin("bruno@contoso.example", "fr")));

        assertThat(recipients)
                .containsExactly(
                        new Recipient("anne@contoso.example", "en"),
                        new Recipient("bruno@contoso.example", "fr"),
                        new Recipient("contact@contoso.example", "fr"));
    }

    @Test
    void the_contact_is_not_written_to_twice_when_a_global_admin_has_its_address() {
        List<Recipient> recipients = Recipient.of(
                "US", "Pat@Contoso.example", List.of(new Recipient.GlobalAdmin("pat@contoso.example", "fr")));

        assertThat(recipients).containsExactly(new Recipient("pat@contoso.example", "fr"));
    }

    @Test
    void a_global_admin_who_never_chose_a_language_is_written_to_in_the_countrys() {
        assertThat(Recipient.of("BE", "c@x.example", List.of(new Recipient.GlobalAdmin("a@x.example", null))))
                .first()
                .isEqualTo(new Recipient("a@x.example", "fr"));
        assertThat(Recipient.of("DE", "c@x.example", List.of(new Recipient.GlobalAdmin("a@x.example", null))))
                .first()
                .isEqualTo(new Recipient("a@x.example", "en"));
    }

    @Test
    void a_partner_without_global_admin_still_has_its_contact() {
        assertThat(Recipient.of("CH", "c@x.example", List.of())).containsExactly(new Recipient("c@x.example", "fr"));
    }

    @ParameterizedTest
    @CsvSource({
        "FR, fr", "BE, fr", "LU, fr", "MC, fr", "CH, fr", "RE, fr", "SN, fr", "CI, fr", "HT, fr", "fr, fr", "US, en",
        "GB, en", "DE, en", "CA, en", "RW, en"
    })
    void the_language_of_a_country(String country, String language) {
        assertThat(NoticeLanguage.ofCountry(country)).isEqualTo(language);
    }
}
