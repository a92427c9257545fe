package org.credence.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailSettingsTest {
    @Test
    void without_a_host_mail_goes_to_the_outbox() {
        assertThat(MailSettings.fromEnvironment(Map.of()).smtp()).isEmpty();
        assertThat(MailSettings.fromEnvironment(Map.of("CREDENCE_SMTP_HOST", " ")).smtp()).isEmpty();
    }

    @Test
    void the_port_defaults_to_the_one_of_the_tls_mode() {
        assertThat(MailSettings.fromEnvironment(Map.of("CREDENCE_SMTP_HOST", "smtp.example")).smtp().orElseThrow().port()).isEqualTo(587);
        assertThat(MailSettings.fromEnvironment(Map.of("CREDENCE_SMTP_HOST", "smtp.example", "CREDENCE_SMTP_TLS", "tls")).smtp().orElseThrow().port())
                .isEqualTo(465);
        var none = MailSettings.fromEnvironment(Map.of("CREDENCE_SMTP_HOST", "smtp.example", "CREDENCE_SMTP_TLS", "none", "CREDENCE_SMTP_PORT", "2525",
                "CREDENCE_SMTP_FROM", "Acme <certs@acme.example>"));
        assertThat(none.smtp().orElseThrow().port()).isEqualTo(2525);
        assertThat(none.smtp().orElseThrow().tls()).isEqualTo(MailSettings.Tls.NONE);
        assertThat(none.from()).isEqualTo("Acme <certs@acme.example>");
    }

    @Test
    void a_bad_variable_is_named_in_the_error() {
        assertThatThrownBy(() -> MailSettings.fromEnvironment(Map.of("CREDENCE_SMTP_HOST", "h", "CREDENCE_SMTP_TLS", "ssl")))
                .hasMessageContaining("CREDENCE_SMTP_TLS").hasMessageContaining("ssl");
        assertThatThrownBy(() -> MailSettings.fromEnvironment(Map.of("CREDENCE_SMTP_HOST", "h", "CREDENCE_SMTP_PORT", "70000")))
                .hasMessageContaining("CREDENCE_SMTP_PORT");
        assertThatThrownBy(() -> MailSettings.fromEnvironment(Map.of("CREDENCE_SMTP_FROM", "Credence")))
                .hasMessageContaining("CREDENCE_SMTP_FROM");
    }

    @Test
    void mail_links_to_the_certificate_unless_attaching_is_asked_for() {
        assertThat(MailSettings.fromEnvironment(Map.of()).attachCertificates()).isFalse();
        assertThat(MailSettings.OUTBOX.attachCertificates()).isFalse();
        assertThat(MailSettings.fromEnvironment(Map.of("CREDENCE_MAIL_ATTACH_PDF", "true")).attachCertificates()).isTrue();
        assertThat(MailSettings.fromEnvironment(Map.of("CREDENCE_SMTP_HOST", "h", "CREDENCE_MAIL_ATTACH_PDF", " TRUE ")).attachCertificates()).isTrue();
        assertThat(MailSettings.fromEnvironment(Map.of("CREDENCE_MAIL_ATTACH_PDF", "false")).attachCertificates()).isFalse();
        assertThatThrownBy(() -> MailSettings.fromEnvironment(Map.of("CREDENCE_MAIL_ATTACH_PDF", "yes")))
                .hasMessageContaining("CREDENCE_MAIL_ATTACH_PDF").hasMessageContaining("yes");
    }

    @Test
    void the_password_never_shows_in_a_log() {
        var smtp = MailSettings.fromEnvironment(Map.of("CREDENCE_SMTP_HOST", "h", "CREDENCE_SMTP_USERNAME", "u", "CREDENCE_SMTP_PASSWORD", "hunter2"));
        assertThat(smtp.toString()).doesNotContain("hunter2").contains("[REDACTED]");
    }
}
