package org.credence.issuance;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.credence.json.JsonFields;

/**
 * Writes credentials as an export file, one row at a time, straight to a stream: CSV for spreadsheets
 * (a cell that a spreadsheet would read as a formula is neutralised) or JSON lines for programs.
 */
public final class CredentialExport implements AutoCloseable {
    /** The columns of both formats, in order. */
    static final String[] COLUMNS = {"number", "id", "achievementId", "achievement", "recipientName", "recipientEmail", "issuedAt", "expiresAt",
        "status", "reason", "visibility", "verifyUrl"};

    /** An export file format, with its media type and file name. */
    public enum Format {
        CSV("text/csv; charset=utf-8", "credentials.csv"),
        JSONL("application/x-ndjson", "credentials.jsonl");

        private final String contentType;
        private final String fileName;

        Format(String contentType, String fileName) {
            this.contentType = contentType;
            this.fileName = fileName;
        }

        public String contentType() {
            return contentType;
        }

        public String fileName() {
            return fileName;
        }

        /**
         * The export a request asks for: {@code ?format=csv|jsonl}, else an Accept header preferring CSV or
         * JSON lines; empty for the listing's JSON pages ({@code ?format=json}, or anything else).
         */
        public static Optional<Format> requested(String format, String accept) {
            if (format != null) {
                return switch (format.toLowerCase(Locale.ROOT)) {
                    case "csv" -> Optional.of(CSV);
                    case "jsonl", "ndjson" -> Optional.of(JSONL);
                    default -> Optional.empty();
                };
            }
            String wanted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
            return wanted.startsWith("text/csv") ? Optional.of(CSV)
                    : wanted.startsWith("application/x-ndjson") || wanted.startsWith("application/jsonl") ? Optional.of(JSONL)
                    : Optional.empty();
        }
    }

    private final Format format;
    private final Writer out;
    private final CsvWriter csv;
    private final JsonGenerator json;
    private final Map<Long, String> achievements;
    private final URI publicUrl;
    private final Instant now;
    private long rows;

    /**
     * @param achievements the tenant's achievement names by id
     * @param now          the moment by which a credential's standing (expired or active) is told
     */
    public CredentialExport(Format format, OutputStream stream, Map<Long, String> achievements, URI publicUrl, Instant now) {
        this.format = format;
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        this.achievements = achievements;
        this.publicUrl = publicUrl;
        this.now = now;
        try {
            if (format == Format.CSV) {
                csv = CsvWriter.builder().build(out);
                csv.writeRecord(COLUMNS);
                json = null;
            } else {
                csv = null;
                json = JsonFields.MAPPER.getFactory().createGenerator(out);
                json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one credential. */
    public void write(IssuedCredential c) {
        String[] values = {c.number(), c.id().toString(), Long.toString(c.achievementId()), achievements.getOrDefault(c.achievementId(), ""),
            c.recipientName(), c.recipientEmail(), c.issuedAt().toString(), c.expiresAt() == null ? null : c.expiresAt().toString(),
            IssuedCredential.standing(c.state(), c.expiresAt(), now), c.stateReason(), c.visibility(), publicUrl + "/verify/" + c.number()};
        try {
            if (csv != null) {
                String[] cells = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    cells[i] = neutralised(values[i]);
                }
                csv.writeRecord(cells);
            } else {
                json.writeStartObject();
                for (int i = 0; i < values.length; i++) {
                    if (i == 2) {
                        json.writeNumberField(COLUMNS[i], c.achievementId());
                    } else {
                        json.writeStringField(COLUMNS[i], values[i]);
                    }
                }
                json.writeEndObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /**
     * The cell as a spreadsheet may safely open it: one beginning with {@code = + - @}, a tab or a carriage return
     * (which spreadsheets may run as a formula) gets a leading apostrophe (OWASP's CSV-injection advice); null is empty.
     * Every CSV Credence writes for people (exports, bulk-job results) uses this one rule.
     */
    public static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** Finishes the file (the last line written through); the stream itself is the caller's to close. */
    @Override
    public void close() {
        try {
            if (csv != null) {
                csv.flush();
            } else {
                if (rows > 0) {
                    json.writeRaw('\n');
                }
                json.flush();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
