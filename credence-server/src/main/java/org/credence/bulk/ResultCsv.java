package org.credence.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A job's result file, one line per row: what became of it, the credential's number and URL, or why it failed. */
final class ResultCsv {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultCsv() {}

    /** The row's cells, in the order of the header ({@code line, status, name, email, achievement, number, url, field, error}, custom fields). */
    static List<String> cells(IssuanceJob.RowResult row, List<String> customFields, URI publicUrl) {
        List<String> cells = new ArrayList<>(9 + customFields.size());
        cells.add(String.valueOf(row.line()));
        cells.add(row.state());
        cells.add(neutralised(row.name()));
        cells.add(neutralised(row.email()));
        cells.add(row.achievementId() == null ? "" : String.valueOf(row.achievementId()));
        cells.add(row.number() == null ? "" : row.number());
        cells.add(row.number() == null ? "" : publicUrl + "/verify/" + row.number());
        cells.add(row.field() == null ? "" : neutralised(row.field()));
        cells.add(row.error() == null ? "" : neutralised(row.error()));
        JsonNode custom = null;
        if (row.customJson() != null && !customFields.isEmpty()) {
            try {
                custom = JSON.readTree(row.customJson());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        for (String field : customFields) {
            cells.add(custom == null ? "" : neutralised(custom.path(field).asText("")));
        }
        return cells;
    }

    /**
     * The cell as text a spreadsheet shows rather than evaluates: one beginning with {@code =}, {@code +},
     * {@code -}, {@code @}, tab or carriage return gets a leading apostrophe (OWASP "CSV injection").
     */
    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + cell : cell;
    }
}
