package org.credence.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.credence.domain.DomainException;

/**
 * Properties of a person's column mapping: whatever the quoting (separators, quotes and line breaks inside values),
 * blank lines, separator, character set and byte-order mark, the mapped file gives the bulk reader the same rows at
 * the same line numbers, with the chosen achievement and the custom field.
 */
class ColumnMappingPropertiesTest {
    private static final Map<String, Long> ACHIEVEMENTS = Map.of("7", 7L);

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.strings().withChars("abcxyzæøåÆØÅé ,;\"'\n-").ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank());
    }

    @Property(tries = 300)
    void mapping_keeps_every_row_at_its_line(@ForAll @Size(min = 1, max = 15) List<@From("values") String> names,
                                             @ForAll @Size(min = 15, max = 15) List<@From("values") String> cohorts,
                                             @ForAll @Size(min = 15, max = 15) List<Boolean> blankBefore,
                                             @ForAll boolean semicolon, @ForAll boolean latin1, @ForAll boolean bom, @ForAll boolean crlf)
            throws IOException {
        char separator = semicolon ? ';' : ',';
        String end = crlf ? "\r\n" : "\n";
        StringBuilder csv = new StringBuilder("Full Name" + separator + "E-post" + separator + "Cohort" + end);
        int line = 2;
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (blankBefore.get(i)) {
                csv.append(end);
                line++;
            }
            lines.add(line);
            String row = quoted(names.get(i), separator) + separator + "p" + i + "@example.org" + separator + quoted(cohorts.get(i), separator);
            csv.append(row).append(end);
            line += 1 + (int) row.chars().filter(c -> c == '\n').count();
        }
        Charset charset = latin1 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        Path dir = Files.createTempDirectory("mapping-property");
        Path file = dir.resolve("in.csv");
        Path mapped = dir.resolve("out.csv");
        try {
            byte[] text = csv.toString().getBytes(charset);
            Files.write(file, bom && !latin1 ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text) : text);
            ColumnMapping.Detected detected = ColumnMapping.detect(file);
            assertThat(detected.headers()).containsExactly("Full Name", "E-post", "Cohort");
            assertThat(detected.suggested()).containsExactly("name", "email", ColumnMapping.IGNORE);
            new ColumnMapping(List.of("name", "email", ColumnMapping.CUSTOM), 7L).apply(file, mapped, detected);

            List<BulkFile.Row> rows = new ArrayList<>();
            List<BulkFile.Refused> refused = new ArrayList<>();
            BulkFile.read(mapped, BulkFile.Format.CSV, ACHIEVEMENTS, BulkFile.Sink.of(rows::add, refused::add));
            assertThat(refused).isEmpty();
            assertThat(rows).extracting(BulkFile.Row::line).containsExactlyElementsOf(lines);
            assertThat(rows).extracting(BulkFile.Row::name).containsExactlyElementsOf(names.stream().map(String::strip).toList());
            assertThat(rows).extracting(BulkFile.Row::achievementId).containsOnly(7L);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i).custom()).containsEntry("custom_Cohort", cohorts.get(i).strip());
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(mapped);
            Files.delete(dir);
        }
    }

    @Example
    void a_mapping_needs_each_required_field_once() {
        List<String> headers = List.of("a", "b", "c");
        assertThatThrownBy(() -> new ColumnMapping(List.of("name", "name", "email"), 7L).check(headers))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("column.1"));
        assertThatThrownBy(() -> new ColumnMapping(List.of("name", "ignore", "email"), null).check(headers))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("achievementForAll"));
        assertThatThrownBy(() -> new ColumnMapping(List.of("name", "custom", "ignore"), 7L).check(headers))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("columns"));
        // the achievement for every row wins over a column chosen as the achievement
        new ColumnMapping(List.of("name", "achievement", "email"), 7L).check(headers);
    }

    private static String quoted(String value, char separator) {
        boolean needs = value.indexOf(separator) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || !value.equals(value.strip());
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
