package org.credence.bulk;

import org.credence.issuance.CredentialExport;

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
        cells.add(CredentialExport.neutralised(row.name()));
        cells.add(CredentialExport.neutralised(row.email()));
        cells.add(row.achievementId() == null ? "" : String.valueOf(row.achievementId()));
        cells.add(row.number() == null ? "" : row.number());
        cells.add(row.number() == null ? "" : publicUrl + "/verify/" + row.number());
        cells.add(row.field() == null ? "" : CredentialExport.neutralised(row.field()));
        cells.add(row.error() == null ? "" : CredentialExport.neutralised(row.error()));
        JsonNode custom = null;
        if (row.customJson() != null && !customFields.isEmpty()) {
            try {
                custom = JSON.readTree(row.customJson());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        for (String field : customFields) {
            cells.add(custom == null ? "" : CredentialExport.neutralised(custom.path(field).asText("")));
        }
        return cells;
    }
}
