package org.credence.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.credence.insights.engagement.EngagementDefinitions;
import org.credence.insights.marketing.MarketingDefinitions;
import org.credence.insights.operations.OperationsDefinitions;
import org.credence.insights.roi.RoiDefinitions;
import org.junit.jupiter.api.Test;

/** docs/metrics.md is the reader's half of every definition: it must name every metric id. */
class MetricsDocumentationTest {

    @Test
    void every_metric_id_is_documented() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "metrics.md"));
        List<Metric> metrics = new ArrayList<>(EngagementDefinitions.all());
        metrics.addAll(MarketingDefinitions.all());
        metrics.addAll(OperationsDefinitions.all());
        metrics.addAll(RoiDefinitions.all());

        assertThat(metrics).allSatisfy(metric -> assertThat(docs).as(metric.id()).contains("`" + metric.id() + "`"));
    }
}
