package org.credence.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A mail's text parts carry an encoding chosen from their characters, and read back as written. */
class MailTransportTest {
    static final Session SESSION = Session.getInstance(new Properties());

    @Test
    void ascii_in_short_lines_is_7bit_anything_else_quoted_printable() {
        assertThat(MailTransport.transferEncoding("Hello Ola,\n\nyour credential is ready.\n")).isEqualTo("7bit");
        assertThat(MailTransport.transferEncoding("Hei Kåre")).isEqualTo("quoted-printable");
        assertThat(MailTransport.transferEncoding("a".repeat(998) + "\n" + "b".repeat(998))).isEqualTo("7bit");
        assertThat(MailTransport.transferEncoding("a".repeat(999))).isEqualTo("quoted-printable");
        assertThat(MailTransport.transferEncoding("line\rbreak")).isEqualTo("quoted-printable");
        assertThat(MailTransport.transferEncoding("NUL \u0000")).isEqualTo("quoted-printable");
    }

    @Test
    void text_and_html_read_back_as_written_in_either_encoding() throws Exception {
        // names are at most 300 characters (Issuance); a body line of 1,200 must still reach the wire in lines of at most 998
        for (String name : List.of("Ola Nordmann", "Kåre Ødegård ≠ <Ærlig>", "x".repeat(300))) {
            MailContent content = new MailContent("nb", "Kompetansebevis til " + name, "Hei " + name + ",", "Beviset ditt er klart. " + "y".repeat(1200),
                    "Se beviset", "https://credence.example/c/ABC-123", "Takk.", List.of(), "Credence");
            MimeMessage built = MailTransport.build(SESSION, "noreply@credence.example", "ola@example.org", content, MailLook.PLAIN, List.of(),
                    Instant.parse("2026-12-06T10:00:00Z"));
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            built.writeTo(wire);
            MimeMessage read = new MimeMessage(SESSION, new ByteArrayInputStream(wire.toByteArray()));
            List<Part> parts = new ArrayList<>();
            leaves(read, parts);
            Part text = parts.stream().filter(p -> isType(p, "text/plain")).findFirst().orElseThrow();
            Part html = parts.stream().filter(p -> isType(p, "text/html")).findFirst().orElseThrow();
            assertThat((String) text.getContent()).isEqualToNormalizingNewlines(content.text());
            assertThat((String) html.getContent()).contains("https://credence.example/c/ABC-123");
            assertThat(text.getHeader("Content-Transfer-Encoding")[0]).isEqualTo(MailTransport.transferEncoding(content.text()));
            for (String line : wire.toString(java.nio.charset.StandardCharsets.ISO_8859_1).split("\r\n")) {
                assertThat(line.length()).as("RFC 5322 line length: %s", line).isLessThanOrEqualTo(998);
            }
        }
    }

    private static boolean isType(Part p, String type) {
        try {
            return p.isMimeType(type);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void leaves(Part part, List<Part> into) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves(multipart.getBodyPart(i), into);
            }
        } else {
            into.add(part);
        }
    }
}
