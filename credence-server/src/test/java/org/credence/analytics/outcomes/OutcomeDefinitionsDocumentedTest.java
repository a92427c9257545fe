package org.credence.analytics.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/metrics.md is the reader's half of the outcome definitions: it must name every metric id. */
class OutcomeDefinitionsDocumentedTest {

    @Test
    void every_outcome_metric_id_is_documented() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "metrics.md"));

        assertThat(OutcomeDefinitions.all()).allSatisfy(metric -> assertThat(docs).as(metric.id()).contains("`" + metric.id() + "`"));
    }
}
