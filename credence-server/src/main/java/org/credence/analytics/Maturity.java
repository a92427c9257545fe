package org.credence.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.credence.i18n.Messages;
import org.credence.insights.maturity.MaturityAssessment;
import org.credence.insights.maturity.MaturityResult;
import org.credence.insights.maturity.Reason;

/** The tenant's measurement-maturity tier with its reasons and next step, rendered in English or Norwegian. */
public final class Maturity {
    private final MaturityQueries queries;

    public Maturity(MaturityQueries queries) {
        this.queries = queries;
    }

    /** One reason or step as a page and the API show it. */
    public record Line(String key, Map<String, Object> arguments, boolean met, String text) {}

    /** The tier, its words, and every line rendered in {@code lang}. */
    public record Answer(MaturityResult result, String tierName, String tierMeans, List<Line> reasons, Line nextStep) {}

    /** The tier and the counts behind it, before any words: a report assesses once and renders in its own language. */
    public record Assessment(MaturityResult result, MaturityQueries.Counts counts) {}

    /** The tenant's tier rendered in {@code lang}. */
    public Answer assess(long tenantId, String lang) {
        return render(assess(tenantId), lang);
    }

    /** The tenant's tier from the data it holds, in no language yet. */
    public Assessment assess(long tenantId) {
        MaturityQueries.Counts counts = queries.counts(tenantId);
        return new Assessment(MaturityAssessment.assess(counts.inputs()), counts);
    }

    /** The tier, its words, and every line rendered in {@code lang}. */
    public static Answer render(Assessment assessment, String lang) {
        MaturityResult result = assessment.result();
        Messages texts = Messages.of("roi", lang);
        List<Line> reasons = result.reasons().stream().map(r -> line(texts, r, assessment.counts())).toList();
        String tier = result.tier().code();
        return new Answer(result, texts.text("tier." + tier), texts.text("tier." + tier + ".means"), reasons,
                line(texts, result.nextStep(), assessment.counts()));
    }

    /** Reason keys whose count may be a lower bound, and the source each counts. */
    private static final Map<String, String> SOURCE_KEYS = Map.of("maturity.reason.completion", "lms", "maturity.reason.completion_few", "lms",
            "maturity.reason.crm", "crm", "maturity.reason.crm_weak", "crm", "maturity.reason.hris", "hris", "maturity.reason.hris_weak", "hris");

    private static Line line(Messages texts, Reason reason, MaturityQueries.Counts counts) {
        Map<String, Object> arguments = new LinkedHashMap<>(reason.arguments());
        // a count that stopped at its cap reads "at least"
        if (reason.key().equals("maturity.reason.assessment")) {
            arguments.put("capped", Boolean.toString(counts.assessmentCapped()));
        } else if (SOURCE_KEYS.containsKey(reason.key())) {
            arguments.put("capped", Boolean.toString(counts.cappedSources().contains(SOURCE_KEYS.get(reason.key()))));
        }
        return new Line(reason.key(), arguments, reason.met(), texts.format(reason.key(), arguments));
    }
}
