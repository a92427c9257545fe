package org.credence.analytics.outcomes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.credence.insights.compare.Comparison;
import org.credence.json.JsonFields;

/** Placeholder until the shared comparison JSON lands. */
final class ComparisonNodes {
    private ComparisonNodes() {}

    static ObjectNode json(Comparison c) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("design", c.design().id());
        node.put("difference", c.difference());
        node.put("low", c.differenceInterval().low());
        node.put("high", c.differenceInterval().high());
        node.putObject("first").put("n", c.first().n());
        node.putObject("second").put("n", c.second().n());
        if (c.ratio() != null) {
            node.put("ratio", c.ratio().point());
        }
        return node;
    }
}
