package org.credence.bulk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.integration.HeaderMatcher;
import org.credence.integration.OutcomeFile;
import org.credence.integration.ValueParser;

/**
 * Reads a bulk issuance file — CSV (UTF-8 with or without a byte-order mark, else Windows-1252 /
 * Latin-1; {@code ,}, {@code ;} or tab found from the header line) or a JSON array of objects —
 * row by row from disk, so memory stays flat whatever its size. Each data row reaches the sink
 * once, as a checked row or as the reason it is refused. Pure: no database.
 */
public final class BulkFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Charset LATIN = Charset.forName("windows-1252");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    /** CSV or a JSON array. */
    public enum Format {
        CSV, JSON;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A row that passed every check.
     *
     * @param line   its CSV line (the header is line 1), or its index in a JSON array
     * @param custom the custom fields it gives, by header
     */
    public record Row(int line, String name, String email, long achievementId, Instant issuedAt, Instant expiresAt, String grade,
                      String evidenceUrl, Map<String, String> custom) {}

    /** A refused row: the first column at fault (null: the row as a whole) and every reason, in one sentence. */
    public record Refused(int line, String field, String message, Map<String, String> cells) {}

    /** Receives the rows in file order. */
    public interface Sink {
        void row(Row row);

        void refused(Refused refused);

        /** A sink of two consumers. */
        static Sink of(java.util.function.Consumer<Row> rows, java.util.function.Consumer<Refused> refusals) {
            return new Sink() {
                @Override
                public void row(Row row) {
                    rows.accept(row);
                }

                @Override
                public void refused(Refused refused) {
                    refusals.accept(refused);
                }
            };
        }
    }

    /** What the file held: its data rows (good and refused) and sentences about it as a whole. */
    public record Read(Format format, int total, int refused, List<String> warnings) {}

    private BulkFile() {}

    /**
     * Reads {@code file} into {@code sink}.
     *
     * @param achievements the tenant's achievements by id (as text) and by lower-case slug
     * @throws DomainException.InvalidInput when the file cannot be read at all: empty, no usable header, a required column missing, not a JSON array
     */
    public static Read read(Path file, Format format, Map<String, Long> achievements, Sink sink) {
        try {
            return format == Format.JSON ? json(file, achievements, sink) : csv(file, achievements, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON when the type says so or the first character (after a byte-order mark and blanks) is {@code [}. */
    public static Format format(Path file, String contentType) throws IOException {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return Format.JSON;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int b;
            boolean first = true;
            while ((b = in.read()) >= 0) {
                if (first && b == 0xEF) {
                    in.skipNBytes(2);
                } else if (!Character.isWhitespace(b)) {
                    return b == '[' ? Format.JSON : Format.CSV;
                }
                first = false;
            }
        }
        return Format.CSV;
    }

    private static Read csv(Path file, Map<String, Long> achievements, Sink sink) throws IOException {
        List<String> warnings = new ArrayList<>();
        boolean bom = startsWithBom(file);
        Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : LATIN;
        if (charset == LATIN) {
            warnings.add("the file is not UTF-8, so it was read as Windows-1252 (Latin-1): check letters such as æ, ø and å; save as UTF-8 to be sure");
        }
        char separator = OutcomeFile.separator(headerText(file, charset, bom));
        HeaderMatcher matcher = new HeaderMatcher(BulkColumns.INSTANCE);
        Checker checker = new Checker(achievements, sink);
        int[] mapping = null;
        List<String> headers = null;
        try (Reader text = reader(file, charset, bom);
             CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                     .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text)) {
            String[] cells = new String[BulkColumns.INSTANCE.columns().size()];
            for (CsvRecord record : csv) {
                if (mapping == null) {
                    headers = record.getFields();
                    mapping = matcher.match(customBlanked(headers), warnings);
                    continue;
                }
                int line = (int) record.getStartingLineNumber();
                List<String> fields = record.getFields();
                java.util.Arrays.fill(cells, null);
                Map<String, String> custom = new LinkedHashMap<>();
                for (int i = 0; i < fields.size() && i < mapping.length; i++) {
                    if (mapping[i] >= 0) {
                        cells[mapping[i]] = fields.get(i);
                    } else if (isCustom(headers.get(i)) && !fields.get(i).isBlank()) {
                        custom.put(headers.get(i).replace("\uFEFF", "").strip(), fields.get(i).strip());
                    }
                }
                if (fields.size() > mapping.length) {
                    // more fields than headers: a value holding the separator without quotes; its columns cannot be trusted
                    checker.refuse(line, null, "this line has " + fields.size() + " fields but the header has " + mapping.length
                            + ": put a value that contains '" + separator + "' in double quotes", cells);
                    continue;
                }
                checker.check(line, cells, custom);
            }
        } catch (CsvParseException unreadable) {
            throw new DomainException.InvalidInput("file", ErrorText.of("bulk.csv_unreadable", "reason", unreadable.getMessage()));
        }
        if (mapping == null) {
            throw new DomainException.InvalidInput("file", ErrorText.of("bulk.empty_names", "columns", matcher.names()));
        }
        if (checker.total == 0) {
            throw new DomainException.InvalidInput("file", ErrorText.of("bulk.no_rows"));
        }
        return new Read(Format.CSV, checker.total, checker.refused, warnings);
    }

    private static Read json(Path file, Map<String, Long> achievements, Sink sink) throws IOException {
        HeaderMatcher matcher = new HeaderMatcher(BulkColumns.INSTANCE);
        Checker checker = new Checker(achievements, sink);
        Map<String, Integer> columns = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        String[] cells = new String[BulkColumns.INSTANCE.columns().size()];
        try (JsonParser parser = MAPPER.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new DomainException.InvalidInput("body", ErrorText.of("bulk.json_not_objects"));
            }
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                JsonNode object = MAPPER.readTree(parser);
                int position = index++;
                if (object == null || !object.isObject()) {
                    checker.refuse(position, null, "each element is an object of columns, e.g. {\"name\": …, \"email\": …, \"achievement\": …}", null);
                    continue;
                }
                java.util.Arrays.fill(cells, null);
                Map<String, String> custom = new LinkedHashMap<>();
                String wrong = null;
                for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    JsonNode value = field.getValue();
                    if (value.isContainerNode()) {
                        wrong = field.getKey();
                        continue;
                    }
                    String text = value.isNull() ? null : value.asText();
                    if (isCustom(field.getKey())) {
                        if (text != null && !text.isBlank()) {
                            custom.put(field.getKey().strip(), text.strip());
                        }
                        continue;
                    }
                    int column = columns.computeIfAbsent(field.getKey(), k -> matcher.column(k).orElse(-1));
                    if (column < 0) {
                        unknown.add(field.getKey());
                    } else {
                        cells[column] = text;
                    }
                }
                if (wrong != null) {
                    checker.refuse(position, wrong, "give '" + shorten(wrong) + "' as a string or a number, not an object or array", cells);
                } else {
                    checker.check(position, cells, custom);
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DomainException.InvalidInput("body", ErrorText.of("bulk.json_unreadable", "reason", e.getOriginalMessage()));
        }
        if (checker.total == 0) {
            throw new DomainException.InvalidInput("body", ErrorText.of("bulk.json_empty"));
        }
        List<String> warnings = new ArrayList<>();
        for (String key : unknown) {
            warnings.add("key '" + shorten(key) + "' is not a column of " + BulkColumns.INSTANCE.id() + " and was ignored"
                    + matcher.suggestion(key).map(s -> "; did you mean '" + s + "'?").orElse(""));
        }
        return new Read(Format.JSON, checker.total, checker.refused, warnings);
    }

    /** Checks rows one by one; a recipient given the same achievement twice is refused after its first row. */
    private static final class Checker {
        private final Map<String, Long> achievements;
        private final Sink sink;
        private final Map<String, Integer> seen = new HashMap<>();
        int total;
        int refused;

        Checker(Map<String, Long> achievements, Sink sink) {
            this.achievements = achievements;
            this.sink = sink;
        }

        void refuse(int line, String field, String message, String[] cells) {
            total++;
            refused++;
            sink.refused(new Refused(line, field, message, cellsOf(cells)));
        }

        void check(int line, String[] cells, Map<String, String> custom) {
            List<String> problems = new ArrayList<>();
            String field = null;
            String name = clean(cells[BulkColumns.NAME]);
            String email = clean(cells[BulkColumns.EMAIL]);
            String achievementText = clean(cells[BulkColumns.ACHIEVEMENT]);
            Long achievement = null;
            Instant issued = null;
            Instant expires = null;
            String grade = clean(cells[BulkColumns.GRADE]);
            String evidence = clean(cells[BulkColumns.EVIDENCE]);
            if (name == null) {
                field = note(problems, field, "name", "name is required");
            } else if (name.length() > 300) {
                field = note(problems, field, "name", "name is at most 300 characters");
            }
            if (email == null) {
                field = note(problems, field, "email", "email is required");
            } else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
                field = note(problems, field, "email", "'" + shorten(email) + "' is not an e-mail address: write it as name@example.org");
            }
            if (achievementText == null) {
                field = note(problems, field, "achievement", "achievement is required: its id or slug");
            } else {
                try {
                    achievement = ValueParser.achievement(achievementText, achievements);
                } catch (ValueParser.Invalid invalid) {
                    field = note(problems, field, "achievement", invalid.getMessage());
                }
            }
            try {
                issued = instant(cells[BulkColumns.ISSUED]);
            } catch (ValueParser.Invalid invalid) {
                field = note(problems, field, "issued", "issued: " + invalid.getMessage());
            }
            try {
                expires = instant(cells[BulkColumns.EXPIRES]);
            } catch (ValueParser.Invalid invalid) {
                field = note(problems, field, "expires", "expires: " + invalid.getMessage());
            }
            if (expires != null && issued != null && !expires.isAfter(issued)) {
                field = note(problems, field, "expires", "expires must be after issued");
            }
            if (grade != null && grade.length() > 100) {
                field = note(problems, field, "grade", "grade is at most 100 characters");
            }
            if (evidence != null && (evidence.length() > 2000 || !URL.matcher(evidence).matches())) {
                field = note(problems, field, "evidence", "evidence must be an http(s) URL");
            }
            for (Map.Entry<String, String> c : custom.entrySet()) {
                if (c.getValue().length() > 500) {
                    field = note(problems, field, c.getKey(), c.getKey() + " is at most 500 characters");
                }
            }
            if (problems.isEmpty()) {
                Integer earlier = seen.putIfAbsent(email.toLowerCase(Locale.ROOT) + '\n' + achievement, line);
                if (earlier != null) {
                    field = note(problems, field, "email", "duplicate of line " + earlier + ": the same recipient and achievement (only the first is issued)");
                }
            }
            if (!problems.isEmpty()) {
                refuse(line, field, String.join("; ", problems), cells);
                return;
            }
            total++;
            sink.row(new Row(line, name, email, achievement, issued, expires, grade, evidence, Map.copyOf(custom)));
        }

        private static String note(List<String> problems, String field, String column, String problem) {
            problems.add(problem);
            return field == null ? column : field;
        }

        private static Instant instant(String cell) throws ValueParser.Invalid {
            String value = clean(cell);
            return value == null ? null : ValueParser.instant(value);
        }

        private static Map<String, String> cellsOf(String[] cells) {
            Map<String, String> given = new LinkedHashMap<>();
            if (cells != null) {
                for (int c = 0; c < cells.length; c++) {
                    String value = clean(cells[c]);
                    if (value != null) {
                        given.put(BulkColumns.INSTANCE.columns().get(c).name(), value);
                    }
                }
            }
            return given;
        }
    }

    private static String clean(String cell) {
        if (cell == null) {
            return null;
        }
        String value = cell.strip();
        return value.isEmpty() ? null : value;
    }

    static boolean isCustom(String header) {
        return HeaderMatcher.key(header).startsWith(BulkColumns.CUSTOM_PREFIX);
    }

    /** The headers with custom ones blanked, which the matcher passes over without a warning. */
    private static List<String> customBlanked(List<String> headers) {
        return headers.stream().map(h -> isCustom(h) ? "" : h).toList();
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static boolean startsWithBom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        }
    }

    /** Whether the whole file decodes as UTF-8: one streaming pass, a fixed buffer whatever the size. */
    static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = stream.read(in.array(), in.position(), in.remaining());
                end = read < 0;
                if (!end) {
                    in.position(in.position() + read);
                }
                in.flip();
                CoderResult result = decoder.decode(in, out, end);
                if (result.isError()) {
                    return false;
                }
                out.clear();
                in.compact();
            }
            return !decoder.flush(out).isError() && in.position() == 0;
        }
    }

    /** The start of the file as text, enough to hold its header line. */
    private static String headerText(Path file, Charset charset, boolean bom) throws IOException {
        try (Reader reader = reader(file, charset, bom)) {
            char[] buffer = new char[1 << 16];
            int n = reader.read(buffer);
            return n <= 0 ? "" : new String(buffer, 0, n);
        }
    }

    private static Reader reader(Path file, Charset charset, boolean bom) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (bom) {
            in.skipNBytes(3);
        }
        return new InputStreamReader(in, charset);
    }
}
