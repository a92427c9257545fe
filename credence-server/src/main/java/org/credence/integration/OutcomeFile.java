package org.credence.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.issuance.Issuance;

/**
 * Reads an outcome file — CSV (UTF-8 with or without a byte-order mark, or else Windows-1252/Latin-1;
 * {@code ,}, {@code ;} or tab found from the header line) or a JSON array of objects — into checked
 * rows and per-row errors. E-mail addresses are hashed here and go no further. Pure: no database.
 */
public final class OutcomeFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Charset LATIN = Charset.forName("windows-1252");
    /** Errors kept per import (the count of refused rows is always whole). */
    public static final int MAX_ERRORS = 1000;

    /** Whether a body is CSV or a JSON array. */
    public enum Format {
        CSV, JSON;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A row that passed every check.
     *
     * @param position   its CSV line (the header is line 1) or JSON array index
     * @param emailHash  {@link Issuance#emailHash} of its e-mail, or null
     * @param externalId the source's person id, or null
     * @param values     the stored columns' SQL texts, in {@link OutcomeKind#storedColumns()} order (null: empty)
     */
    public record Row(int position, String sourceId, String emailHash, String externalId, String[] values) {
        boolean namesPerson() {
            return emailHash != null || externalId != null;
        }
    }

    /**
     * A refused value, or a refused row.
     *
     * @param position the CSV line or JSON index; null for the file as a whole (its header)
     * @param field    the column, or null
     */
    public record RowError(Integer position, String field, String message) {}

    /**
     * What a file held.
     *
     * @param total      data rows read (good and bad)
     * @param failedRows how many rows were refused (each has at least one error)
     * @param warnings   sentences about the file as a whole (ignored columns, the character set)
     */
    public record Read(Format format, int total, List<Row> rows, int failedRows, List<RowError> errors, List<String> warnings) {}

    private OutcomeFile() {}

    /**
     * Reads {@code body}: JSON when {@code contentType} says so or the body starts with {@code [}, CSV otherwise.
     *
     * @param achievements the tenant's achievements by id (as text) and by lower-case slug
     * @throws DomainException.InvalidInput when the file cannot be read at all (no header, a required column missing, not a JSON array)
     */
    public static Read read(OutcomeKind kind, byte[] body, String contentType, Map<String, Long> achievements) {
        int start = startsWithBom(body) ? 3 : 0;
        boolean json = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json") || firstNonBlank(body, start) == '[';
        return json ? json(kind, body, start, achievements) : csv(kind, body, start, achievements);
    }

    private static Read csv(OutcomeKind kind, byte[] body, int start, Map<String, Long> achievements) {
        List<String> warnings = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body, start, body.length - start)).toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(body, start, body.length - start, LATIN);
            warnings.add("the file is not UTF-8, so it was read as Windows-1252 (Latin-1): check letters such as æ, ø and å; save as UTF-8 to be sure");
        }
        char separator = separator(text);
        HeaderMatcher matcher = new HeaderMatcher(kind);
        Checker checker = new Checker(kind, achievements, false);
        int[] mapping = null;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text)) {
            String[] cells = new String[kind.columns().size()];
            for (CsvRecord record : reader) {
                if (mapping == null) {
                    mapping = matcher.match(record.getFields(), warnings);
                    continue;
                }
                java.util.Arrays.fill(cells, null);
                List<String> fields = record.getFields();
                if (fields.size() > mapping.length) {
                    // more fields than headers: a value holding the separator without quotes; its columns cannot be trusted
                    checker.refuse((int) record.getStartingLineNumber(), null, "this line has " + fields.size() + " fields but the header has "
                            + mapping.length + ": put a value that contains '" + separator + "' in double quotes");
                    checker.skipped();
                    continue;
                }
                for (int i = 0; i < fields.size() && i < mapping.length; i++) {
                    if (mapping[i] >= 0) {
                        cells[mapping[i]] = fields.get(i);
                    }
                }
                checker.check((int) record.getStartingLineNumber(), cells);
            }
        } catch (de.siegmar.fastcsv.reader.CsvParseException unreadable) {
            throw new DomainException.InvalidInput("file", ErrorText.of("bulk.csv_unreadable", "reason", unreadable.getMessage()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // reading a String does not fail
        }
        if (mapping == null) {
            throw new DomainException.InvalidInput("file", ErrorText.of("bulk.empty_names", "columns", matcher.names()));
        }
        return checker.result(Format.CSV, warnings);
    }

    private static Read json(OutcomeKind kind, byte[] body, int start, Map<String, Long> achievements) {
        JsonNode array;
        try {
            array = MAPPER.readTree(body, start, body.length - start);
        } catch (JsonProcessingException e) {
            throw new DomainException.InvalidInput("body", ErrorText.of("imports.json_unreadable", "reason", e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (array == null || !array.isArray()) {
            throw new DomainException.InvalidInput("body", ErrorText.of("imports.json_not_objects"));
        }
        HeaderMatcher matcher = new HeaderMatcher(kind);
        Checker checker = new Checker(kind, achievements, true);
        Map<String, Integer> columns = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        String[] cells = new String[kind.columns().size()];
        for (int index = 0; index < array.size(); index++) {
            JsonNode object = array.get(index);
            if (!object.isObject()) {
                checker.refuse(index, null, "each element is an object of columns, e.g. {\"id\": \"42\", …}");
                checker.skipped();
                continue;
            }
            java.util.Arrays.fill(cells, null);
            boolean usable = true;
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                int column = columns.computeIfAbsent(field.getKey(), k -> matcher.column(k).orElse(-1));
                if (column < 0) {
                    unknown.add(field.getKey());
                    continue;
                }
                JsonNode value = field.getValue();
                if (value.isContainerNode()) {
                    checker.refuse(index, kind.columns().get(column).name(), "give a string or a number, not an object or array");
                    usable = false;
                } else if (!value.isNull()) {
                    cells[column] = value.isBigDecimal() || value.isDouble() ? value.decimalValue().toPlainString() : value.asText();
                }
            }
            if (usable) {
                checker.check(index, cells);
            } else {
                checker.skipped();
            }
        }
        List<String> warnings = new ArrayList<>();
        for (String key : unknown) {
            warnings.add("key '" + (key.length() > 60 ? key.substring(0, 60) + "…" : key) + "' is not a column of " + kind.id() + " and was ignored"
                    + matcher.suggestion(key).map(s -> "; did you mean '" + s + "'?").orElse(""));
        }
        return checker.result(Format.JSON, warnings);
    }

    /** Checks rows one by one, keeping the good ones and every refusal. */
    private static final class Checker {
        private final OutcomeKind kind;
        private final List<Column> columns;
        private final Map<String, Long> achievements;
        private final boolean json;
        private final List<Row> rows = new ArrayList<>();
        private final List<RowError> errors = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();
        private final int emailColumn;
        private final int externalColumn;
        private int total;
        private int failed;
        private int lastFailed = -1;

        Checker(OutcomeKind kind, Map<String, Long> achievements, boolean json) {
            this.kind = kind;
            this.columns = kind.columns();
            this.achievements = achievements;
            this.json = json;
            this.emailColumn = indexOf(Column.Type.EMAIL);
            this.externalColumn = indexOf(Column.Type.EXTERNAL_ID);
        }

        private int indexOf(Column.Type type) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).type() == type) {
                    return i;
                }
            }
            return -1;
        }

        void refuse(int position, String field, String message) {
            if (lastFailed != position) {
                failed++;
                lastFailed = position;
            }
            if (errors.size() < MAX_ERRORS) {
                errors.add(new RowError(position, field, message));
            }
        }

        /** Counts a row refused before its cells were checked. */
        void skipped() {
            total++;
        }

        void check(int position, String[] cells) {
            total++;
            String[] stored = new String[columns.size()];
            String sourceId = null;
            String email = null;
            String externalId = null;
            int failedBefore = failed;
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                String value = cells[c] == null ? null : cells[c].strip();
                if (value == null || value.isEmpty()) {
                    if (column.required()) {
                        refuse(position, column.name(), column.name() + " is required");
                    }
                    continue;
                }
                try {
                    String parsed = ValueParser.parse(column.type(), value, achievements);
                    switch (column.type()) {
                        case ID -> sourceId = parsed;
                        case EMAIL -> email = parsed;
                        case EXTERNAL_ID -> externalId = parsed;
                        default -> stored[c] = parsed;
                    }
                } catch (ValueParser.Invalid invalid) {
                    refuse(position, column.name(), invalid.getMessage());
                }
            }
            if (sourceId != null) {
                Integer earlier = seen.putIfAbsent(sourceId, position);
                if (earlier != null) {
                    refuse(position, "id", "id '" + shorten(sourceId) + "' was already given " + (json ? "at index " : "on line ") + earlier
                            + "; each row's id is unique within one import (the first was kept)");
                }
            }
            if (failed > failedBefore) {
                return;
            }
            String[] values = new String[countStored()];
            int v = 0;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).stored()) {
                    values[v++] = stored[c];
                }
            }
            rows.add(new Row(position, sourceId, email == null ? null : Issuance.emailHash(email), externalId, values));
        }

        private int countStored() {
            int n = 0;
            for (Column column : columns) {
                n += column.stored() ? 1 : 0;
            }
            return n;
        }

        Read result(Format format, List<String> warnings) {
            return new Read(format, total, rows, failed, errors, warnings);
        }

        private static String shorten(String text) {
            return text.length() > 60 ? text.substring(0, 60) + "…" : text;
        }
    }

    private static boolean startsWithBom(byte[] body) {
        return body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF;
    }

    private static int firstNonBlank(byte[] body, int start) {
        for (int i = start; i < body.length; i++) {
            if (!Character.isWhitespace(body[i])) {
                return body[i];
            }
        }
        return -1;
    }

    /** The separator of the header line: whichever of , ; and tab occurs most outside quotes (a comma on a tie). */
    public static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}
