package org.credence.bulk;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.integration.Column;
import org.credence.integration.HeaderMatcher;
import org.credence.integration.OutcomeFile;

/**
 * Which column of an uploaded CSV gives which field of a credential, as a person chose it: for each
 * header a target (a column of {@link BulkColumns}, {@link #CUSTOM} or {@link #IGNORE}), and optionally
 * one achievement for every row. {@link #apply} writes the upload again with headers the bulk reader
 * knows, streaming and keeping every line where it was, so the reader's line numbers stay the file's.
 *
 * @param targets           one per header of the file, in its order
 * @param achievementForAll the achievement every row gets (a column prepended to each row); null: from a column
 */
public record ColumnMapping(List<String> targets, Long achievementForAll) {
    /** The target of a column kept as a custom field (echoed in the result file). */
    public static final String CUSTOM = "custom";
    /** The target of a column left out. */
    public static final String IGNORE = "ignore";
    private static final int HEAD_BYTES = 1 << 16;
    private static final int SAMPLE_ROWS = 3;
    private static final Charset LATIN = Charset.forName("windows-1252");

    public ColumnMapping {
        targets = List.copyOf(targets);
    }

    /**
     * The start of an uploaded CSV: its headers, a few rows to recognise them by, and the targets the
     * forgiving header matcher suggests.
     */
    public record Detected(List<String> headers, List<List<String>> sample, List<String> suggested, char separator, Charset charset, boolean bom) {}

    /** Every target a header may have, in the order a form lists them. */
    public static List<String> choices() {
        List<String> all = new ArrayList<>(BulkColumns.INSTANCE.columns().stream().map(Column::name).toList());
        all.add(CUSTOM);
        all.add(IGNORE);
        return all;
    }

    /** The names of the columns a file must give (or, for the achievement, the mapping). */
    public static List<String> required() {
        return BulkColumns.INSTANCE.columns().stream().filter(Column::required).map(Column::name).toList();
    }

    /**
     * Reads the header of {@code file} (only its first 64 KB).
     *
     * @throws DomainException.InvalidInput when it is not a CSV with a header line
     */
    public static Detected detect(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        int from = bom ? 3 : 0;
        // only whole lines: a multi-byte letter cut by the 64 KB boundary must not make the file look like Latin-1
        int to = head.length;
        if (head.length == HEAD_BYTES) {
            while (to > from && head[to - 1] != '\n') {
                to--;
            }
        }
        Charset charset = StandardCharsets.UTF_8;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, from, to - from)).toString();
        } catch (CharacterCodingException notUtf8) {
            charset = LATIN;
            text = new String(head, from, to - from, LATIN);
        }
        String first = text.stripLeading();
        if (first.startsWith("[")) {
            throw new DomainException.InvalidInput("file", ErrorText.of("bulk.json_not_csv"));
        }
        char separator = OutcomeFile.separator(text.replaceFirst("^[\\r\\n]+", ""));
        List<String> headers = null;
        List<List<String>> sample = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true).allowExtraFields(true)
                .allowMissingFields(true).ofCsvRecord(new StringReader(text))) {
            for (CsvRecord record : csv) {
                if (headers == null) {
                    headers = record.getFields().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
                } else if (sample.size() < SAMPLE_ROWS) {
                    sample.add(record.getFields());
                } else {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException unreadable) {
            throw new DomainException.InvalidInput("file", ErrorText.of("bulk.csv_unreadable", "reason", unreadable.getMessage()));
        }
        if (headers == null || headers.stream().allMatch(String::isEmpty)) {
            throw new DomainException.InvalidInput("file", ErrorText.of("bulk.empty"));
        }
        return new Detected(headers, sample, suggest(headers), separator, charset, bom);
    }

    /** What the header matcher makes of each header; a column a second header also names, and unknown headers, are ignored. */
    static List<String> suggest(List<String> headers) {
        HeaderMatcher matcher = new HeaderMatcher(BulkColumns.INSTANCE);
        List<Column> columns = BulkColumns.INSTANCE.columns();
        Set<String> taken = new HashSet<>();
        List<String> targets = new ArrayList<>();
        for (String header : headers) {
            if (!header.isEmpty() && BulkFile.isCustom(header)) {
                targets.add(CUSTOM);
                continue;
            }
            String target = header.isEmpty() ? IGNORE : matcher.column(header).map(i -> columns.get(i).name()).orElse(IGNORE);
            targets.add(target.equals(IGNORE) || taken.add(target) ? target : IGNORE);
        }
        return targets;
    }

    /**
     * Checks the mapping against the file's headers: each field from one column at most, the required ones given.
     *
     * @throws DomainException.InvalidInput naming {@code column.<index>} or {@code achievementForAll}
     */
    public void check(List<String> headers) {
        if (targets.size() != headers.size()) {
            throw new DomainException.InvalidInput("columns", ErrorText.of("bulk.mapping_size", "mapped", targets.size(), "columns", headers.size()));
        }
        List<String> choices = choices();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            String target = targets.get(i);
            if (!choices.contains(target)) {
                throw new DomainException.InvalidInput("column." + i, ErrorText.of("bulk.not_a_field", "target", target, "choices", choices));
            }
            boolean overridden = target.equals("achievement") && achievementForAll != null;
            if (!target.equals(CUSTOM) && !target.equals(IGNORE) && !overridden && !seen.add(target)) {
                throw new DomainException.InvalidInput("column." + i, ErrorText.of("bulk.column_twice", "target", target));
            }
        }
        for (String needed : required()) {
            if (!seen.contains(needed) && !(needed.equals("achievement") && achievementForAll != null)) {
                throw new DomainException.InvalidInput(needed.equals("achievement") ? "achievementForAll" : "columns",
                        ErrorText.of("bulk.column_missing", "field", needed));
            }
        }
    }

    /** The header line the bulk reader is given: known names, custom fields marked, ignored columns blank. */
    String header(List<String> headers, char separator) {
        List<String> cells = new ArrayList<>();
        if (achievementForAll != null) {
            cells.add("achievement");
        }
        for (int i = 0; i < headers.size(); i++) {
            String target = targets.get(i);
            String original = headers.get(i).replaceAll("[\\r\\n]+", " ").strip();
            cells.add(switch (target) {
                case CUSTOM -> BulkFile.isCustom(original) ? original : "custom_" + (original.isEmpty() ? "column_" + (i + 1) : original);
                case IGNORE -> "";
                default -> target.equals("achievement") && achievementForAll != null ? "" : target;
            });
        }
        return String.join(String.valueOf(separator), cells.stream().map(c -> '"' + c.replace("\"", "\"\"") + '"').toList());
    }

    /**
     * Writes {@code from} to {@code to} with this mapping's header in place of the file's, and the chosen achievement
     * in front of every row: one streaming pass with a fixed buffer, every line break kept, so line N stays line N.
     */
    public void apply(Path from, Path to, Detected detected) {
        check(detected.headers());
        byte[] header = header(detected.headers(), detected.separator()).getBytes(detected.charset());
        byte[] prefix = achievementForAll == null ? null : (achievementForAll + String.valueOf(detected.separator())).getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(from), HEAD_BYTES);
             OutputStream out = Files.newOutputStream(to)) {
            new Rewriter(out, header, prefix, (byte) detected.separator()).copy(in, detected.bom());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A CSV scanner over bytes (the separator, quotes and line breaks are ASCII in UTF-8 and Windows-1252 alike): it
     * knows where each record starts, even when a quoted value holds a line break, and writes through a buffer.
     */
    private static final class Rewriter {
        private static final int FIELD_START = 0;
        private static final int UNQUOTED = 1;
        private static final int QUOTED = 2;
        private static final int QUOTE_IN_QUOTED = 3;
        private final OutputStream out;
        private final byte[] header;
        private final byte[] prefix;
        private final byte separator;
        private final byte[] buffer = new byte[HEAD_BYTES];
        private int used;

        Rewriter(OutputStream out, byte[] header, byte[] prefix, byte separator) {
            this.out = out;
            this.header = header;
            this.prefix = prefix;
            this.separator = separator;
        }

        void copy(InputStream in, boolean bom) throws IOException {
            if (bom) {
                write(in.readNBytes(3));
            }
            byte[] chunk = new byte[HEAD_BYTES];
            boolean recordStart = true;
            boolean inHeader = false;
            boolean headerDone = false;
            int state = FIELD_START;
            int n;
            while ((n = in.read(chunk)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = chunk[i];
                    if (recordStart) {
                        if (b == '\n' || b == '\r') {
                            put(b); // a blank line: kept, so the lines after it keep their numbers
                            continue;
                        }
                        recordStart = false;
                        state = FIELD_START;
                        if (!headerDone) {
                            inHeader = true;
                            write(header);
                        } else if (prefix != null) {
                            write(prefix);
                        }
                    }
                    boolean end = false;
                    switch (state) {
                        case FIELD_START -> {
                            if (b == '"') {
                                state = QUOTED;
                            } else if (b == '\n') {
                                end = true;
                            } else if (b != separator) {
                                state = UNQUOTED;
                            }
                        }
                        case UNQUOTED -> {
                            if (b == separator) {
                                state = FIELD_START;
                            } else if (b == '\n') {
                                end = true;
                            }
                        }
                        case QUOTED -> {
                            if (b == '"') {
                                state = QUOTE_IN_QUOTED;
                            }
                        }
                        default -> {
                            if (b == '"') {
                                state = QUOTED;
                            } else if (b == separator) {
                                state = FIELD_START;
                            } else if (b == '\n') {
                                end = true;
                            } else {
                                state = UNQUOTED;
                            }
                        }
                    }
                    if (inHeader) {
                        if (end) {
                            put((byte) '\n');
                            inHeader = false;
                            headerDone = true;
                            recordStart = true;
                        }
                        continue; // the file's own header is replaced
                    }
                    put(b);
                    recordStart = end;
                }
            }
            flush();
        }

        private void put(byte b) throws IOException {
            if (used == buffer.length) {
                flush();
            }
            buffer[used++] = b;
        }

        private void write(byte[] bytes) throws IOException {
            for (byte b : bytes) {
                put(b);
            }
        }

        private void flush() throws IOException {
            out.write(buffer, 0, used);
            used = 0;
        }
    }
}
