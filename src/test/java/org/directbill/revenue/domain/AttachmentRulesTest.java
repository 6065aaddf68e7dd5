package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.directbill.shared.validation.Violations;
import org.junit.jupiter.api.Test;

/** What a partner may attach: the kind read from the first bytes, the size and number limited. */
class AttachmentRulesTest {

    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_kind_is_read_from_the_content_whatever_the_name() {
        assertThat(AttachmentType.of(PDF, "scan.png")).contains(AttachmentType.PDF);
        assertThat(AttachmentType.of(PNG, "photo.pdf")).contains(AttachmentType.PNG);
        assertThat(AttachmentType.of(JPEG, "photo")).contains(AttachmentType.JPEG);
        assertThat(AttachmentType.of(utf8("invoice;amount\nINV-1;100.00\n"), "orders.CSV"))
                .contains(AttachmentType.CSV);
        assertThat(AttachmentType.of(utf8("\uFEFFBonjour, voici les bons de commande signés.\r\n"), "note.txt"))
                .contains(AttachmentType.TEXT);
        assertThat(AttachmentType.of(EXE, "invoice.pdf")).isEmpty();
        assertThat(AttachmentType.of(new byte[] {'a', 0, 'b'}, "nul.txt"))
                .as("a NUL byte")
                .isEmpty();
        assertThat(AttachmentType.of(new byte[] {'a', (byte) 0xC3}, "cut.txt"))
                .as("broken UTF-8")
                .isEmpty();
        assertThat(AttachmentType.of(new byte[] {(byte) 0xE9, 't', (byte) 0xE9}, "latin1.txt"))
                .as("Latin-1 is not UTF-8")
                .isEmpty();
        assertThat(AttachmentType.of(new byte[0], "empty.txt")).isEmpty();
    }

    @Test
    void each_kind_is_served_with_its_own_content_type() {
        assertThat(AttachmentType.PDF.mediaType()).isEqualTo("application/pdf");
        assertThat(AttachmentType.CSV.mediaType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(AttachmentType.TEXT.mediaType()).isEqualTo("text/plain;charset=UTF-8");
    }

    @Test
    void an_accepted_file_keeps_its_content_kind_and_digest() {
        NewAttachment file = AttachmentRules.defaults().accept(0, "scan.pdf", PDF);

        assertThat(file.type()).isEqualTo(AttachmentType.PDF);
        assertThat(file.size()).isEqualTo(PDF.length);
        assertThat(file.sha256()).hasSize(64).matches("[0-9a-f]+");
        assertThat(AttachmentRules.defaults().accept(1, "copy.pdf", PDF).sha256())
                .isEqualTo(file.sha256());
    }

    @Test
    void a_file_too_large_is_413_and_a_file_of_another_kind_415() {
        AttachmentRules rules = new AttachmentRules(10, 5);

        assertThatThrownBy(() -> rules.accept(0, "big.txt", utf8("eleven char")))
                .isInstanceOf(AttachmentRefused.class)
                .satisfies(refusal -> {
                    assertThat(((AttachmentRefused) refusal).status()).isEqualTo(413);
                    assertThat(((AttachmentRefused) refusal).code()).isEqualTo("ATTACHMENT_TOO_LARGE");
                    assertThat(((AttachmentRefused) refusal).arguments())
                            .containsExactly("big.txt", new BigDecimal("0.00001"));
                });
        assertThatThrownBy(() -> rules.checkSize("announced.pdf", 11)).isInstanceOf(AttachmentRefused.class);
        assertThatThrownBy(() -> rules.accept(0, "tool.pdf", EXE))
                .isInstanceOf(AttachmentRefused.class)
                .satisfies(refusal -> {
                    assertThat(((AttachmentRefused) refusal).status()).isEqualTo(415);
                    assertThat(((AttachmentRefused) refusal).code()).isEqualTo("ATTACHMENT_TYPE_NOT_ALLOWED");
                });
        assertThat(rules.accept(0, "ten.txt", utf8("ten chars!")).size()).isEqualTo(10);
    }

    @Test
    void an_empty_file_and_too_many_files_are_field_errors() {
        assertThatThrownBy(() -> AttachmentRules.defaults().accept(2, "empty.pdf", new byte[0]))
                .isInstanceOf(InvalidInput.class)
                .satisfies(refusal -> assertThat(((InvalidInput) refusal).violations())
                        .containsExactly(Violation.of("files[2]", "EMPTY_FILE", "empty.pdf")));

        Violations violations = new Violations();
        AttachmentRules.defaults().checkCount(5, violations);
        assertThat(violations.isEmpty()).isTrue();
        AttachmentRules.defaults().checkCount(6, violations);
        assertThat(violations.list()).containsExactly(Violation.of("files", "TOO_MANY_FILES", 5));
    }

    @Test
    void the_limit_is_given_in_megabytes_for_each_language_to_write() {
        assertThat(AttachmentRules.defaults().maxMegabytes()).isEqualByComparingTo("10");
        assertThat(new AttachmentRules(512 * 1024, 1).maxMegabytes()).isEqualByComparingTo("0.5");
    }

    @Test
    void a_file_name_keeps_only_its_last_segment_without_control_characters() {
        assertThat(AttachmentRules.cleanFileName("C:\\Users\\me\\facture.pdf")).isEqualTo("facture.pdf");
        assertThat(AttachmentRules.cleanFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentRules.cleanFileName("bad\r\nname\u0000.txt")).isEqualTo("badname.txt");
        assertThat(AttachmentRules.cleanFileName("  ")).isEqualTo("attachment");
        assertThat(AttachmentRules.cleanFileName("..")).isEqualTo("attachment");
        assertThat(AttachmentRules.cleanFileName(null)).isEqualTo("attachment");
        String longName = AttachmentRules.cleanFileName("é".repeat(300) + ".pdf");
        assertThat(longName).hasSize(255).endsWith("é.pdf");
    }
}
