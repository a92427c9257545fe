package org.credence.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.credence.integration.Column;
import org.credence.integration.HeaderMatcher;

/**
 * Properties of reading a bulk issuance file: whatever its character set (UTF-8 with or without a
 * byte-order mark, Windows-1252), separator ({@code ,} or {@code ;}), header spelling and quoting,
 * the same rows come out; and the streaming UTF-8 check agrees with decoding the whole file.
 */
class BulkFilePropertiesTest {
    private static final Map<String, Long> ACHIEVEMENTS = Map.of("7", 7L, "data-steward", 7L);

    @Provide
    Arbitrary<String> names() {
        // letters a Norwegian file holds, with the separators and quotes a name may contain
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzæøåÆØÅéü ,;'\"-").ofMinLength(1).ofMaxLength(30)
                .filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<String> headerSpellings() {
        return Arbitraries.of("email", "E-mail", "e_mail", "Email Address", "EPOST", "recipient email");
    }

    @Property(tries = 200)
    void any_charset_separator_and_quoting_reads_the_same_rows(@ForAll @Size(min = 1, max = 20) List<@net.jqwik.api.From("names") String> names,
                                                               @ForAll("headerSpellings") String emailHeader, @ForAll boolean semicolon,
                                                               @ForAll boolean latin1, @ForAll boolean bom) throws IOException {
        char separator = semicolon ? ';' : ',';
        StringBuilder csv = new StringBuilder("Name" + separator + emailHeader + separator + "Achievement\r\n");
        for (int i = 0; i < names.size(); i++) {
            csv.append(quoted(names.get(i))).append(separator).append("p").append(i).append("@example.org").append(separator)
                    .append(i % 2 == 0 ? "7" : "Data-Steward").append("\n");
        }
        Charset charset = latin1 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        byte[] text = csv.toString().getBytes(charset);
        byte[] body = text;
        if (bom && !latin1) {
            body = new byte[text.length + 3];
            body[0] = (byte) 0xEF;
            body[1] = (byte) 0xBB;
            body[2] = (byte) 0xBF;
            System.arraycopy(text, 0, body, 3, text.length);
        }
        Path file = Files.createTempFile("bulk-property", ".csv");
        try {
            Files.write(file, body);
            List<BulkFile.Row> rows = new ArrayList<>();
            List<BulkFile.Refused> refused = new ArrayList<>();
            BulkFile.Read read = BulkFile.read(file, BulkFile.format(file, "text/csv"), ACHIEVEMENTS, BulkFile.Sink.of(rows::add, refused::add));
            assertThat(refused).isEmpty();
            assertThat(read.total()).isEqualTo(names.size());
            assertThat(rows).extracting(BulkFile.Row::name).containsExactlyElementsOf(names.stream().map(String::strip).toList());
            assertThat(rows).extracting(BulkFile.Row::achievementId).containsOnly(7L);
            assertThat(rows.get(0).line()).isEqualTo(2);
            boolean ascii = names.stream().allMatch(n -> n.chars().allMatch(c -> c < 128));
            assertThat(read.warnings().stream().anyMatch(w -> w.contains("Windows-1252"))).isEqualTo(latin1 && !ascii);
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 300)
    void the_streaming_utf8_check_agrees_with_decoding_the_whole_file(@ForAll @Size(max = 200_000) byte[] bytes) throws IOException {
        Path file = Files.createTempFile("bulk-utf8", ".bin");
        try {
            Files.write(file, bytes);
            boolean whole;
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
                whole = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                whole = false;
            }
            assertThat(BulkFile.isUtf8(file)).isEqualTo(whole);
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 50)
    void valid_utf8_text_of_any_length_passes_the_check(@ForAll @Size(max = 100_000) String text) throws IOException {
        Path file = Files.createTempFile("bulk-utf8", ".txt");
        try {
            Files.writeString(file, text.replace('\uFFFD', 'x'), StandardCharsets.UTF_8);
            assertThat(BulkFile.isUtf8(file)).isTrue();
        } finally {
            Files.delete(file);
        }
    }

    @Property
    void every_column_name_and_alias_is_matched_and_custom_headers_are_kept_apart(@ForAll("columnSpellings") String header) {
        HeaderMatcher matcher = new HeaderMatcher(BulkColumns.INSTANCE);
        assertThat(matcher.column(header)).isPresent();
        assertThat(BulkFile.isCustom(header)).isFalse();
        assertThat(BulkFile.isCustom("Custom " + header)).isTrue();
    }

    @Provide
    Arbitrary<String> columnSpellings() {
        List<String> all = new ArrayList<>();
        for (Column column : BulkColumns.INSTANCE.columns()) {
            all.add(column.name());
            all.addAll(column.aliases());
        }
        return Arbitraries.of(all).map(s -> s.replace('_', ' ').toUpperCase(java.util.Locale.ROOT));
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains(";") || value.contains("\"") || value.startsWith(" ") || value.endsWith(" ")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
