package org.credence.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One analytics answer: the JSON body (figures with their provenance) and its tables.
 *
 * @param json   the API body
 * @param tables the rows behind it, first one served as CSV
 */
public record Report(ObjectNode json, List<Table> tables) {
    public Report {
        tables = List.copyOf(tables);
    }
}
