package org.credence.insights.maturity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which measurement-maturity tier a program is on, from the data it holds. Tiers are cumulative:
 * <ul>
 *   <li><b>visibility</b>: always — issuance and engagement are measured from the first credential;</li>
 *   <li><b>validation</b>: at least {@value #MIN_ASSESSMENT_BACKED} assessment-backed credential AND at
 *       least {@value #MIN_ROWS} LMS enrolments imported (so a completion rate reads without a
 *       small-sample warning, the dashboards' threshold of 30);</li>
 *   <li><b>integration</b>: validation AND CRM opportunities or HRIS employees joined to recipients with
 *       at least {@value #MIN_ROWS} matched rows (stored rows × the imports' match rate) and a match rate of at least 50 %
 *       ({@link #MIN_MATCH_RATE}): below that, earner-vs-non-earner outcome figures describe a few
 *       matched people, not the program. LMS data alone is completion data (validation), not a
 *       business outcome.</li>
 * </ul>
 * Reasons name the counts ("1,204 credentials issued, 38 % shared", "no completion data imported");
 * the next step is the first unmet criterion in tier order.
 */
public final class MaturityAssessment {

    /** Rows (enrolments; matched CRM/HRIS rows) needed before a source counts. */
    public static final long MIN_ROWS = 30;
    /** Assessment-backed credentials needed for validation. */
    public static final long MIN_ASSESSMENT_BACKED = 1;
    /** The lowest match rate at which joined outcome data counts. */
    public static final double MIN_MATCH_RATE = 0.5;

    private MaturityAssessment() {
    }

    /** The tier of a program with these counts. */
    public static MaturityResult assess(MaturityInputs inputs) {
        List<Reason> reasons = new ArrayList<>();
        boolean issued = inputs.credentialsIssued() > 0;
        reasons.add(issued
                ? reason("maturity.reason.issued", true, "issued", inputs.credentialsIssued(), "shared",
                        inputs.credentialsShared(), "shareRate",
                        (double) inputs.credentialsShared() / inputs.credentialsIssued())
                : reason("maturity.reason.none_issued", false));

        boolean assessed = inputs.assessmentBackedCredentials() >= MIN_ASSESSMENT_BACKED;
        reasons.add(assessed
                ? reason("maturity.reason.assessment", true, "count", inputs.assessmentBackedCredentials())
                : reason("maturity.reason.no_assessment", false));

        long enrolments = inputs.lms().rows();
        boolean completion = enrolments >= MIN_ROWS;
        reasons.add(enrolments == 0 ? reason("maturity.reason.no_completion", false)
                : reason(completion ? "maturity.reason.completion" : "maturity.reason.completion_few", completion,
                        "rows", enrolments, "minimum", MIN_ROWS));

        boolean crm = usable(inputs.crm());
        boolean hris = usable(inputs.hris());
        reasons.add(sourceReason("crm", inputs.crm(), crm));
        reasons.add(sourceReason("hris", inputs.hris(), hris));

        boolean validation = assessed && completion;
        MaturityTier tier = validation && (crm || hris) ? MaturityTier.INTEGRATION
                : validation ? MaturityTier.VALIDATION : MaturityTier.VISIBILITY;
        return new MaturityResult(tier, reasons, nextStep(inputs, issued, assessed, completion, crm, hris));
    }

    private static boolean usable(SourceData source) {
        return source.matchedRows() >= MIN_ROWS && source.matchRate() >= MIN_MATCH_RATE;
    }

    private static Reason sourceReason(String source, SourceData data, boolean usable) {
        if (data.rows() == 0) {
            return reason("maturity.reason.no_" + source, false);
        }
        return reason(usable ? "maturity.reason." + source : "maturity.reason." + source + "_weak", usable,
                "rows", data.rows(), "matched", data.matchedRows(), "matchRate", data.matchRate(),
                "minimumRate", MIN_MATCH_RATE, "minimum", MIN_ROWS);
    }

    private static Reason nextStep(MaturityInputs inputs, boolean issued, boolean assessed, boolean completion,
            boolean crm, boolean hris) {
        if (!issued) {
            return reason("maturity.next.issue", false);
        }
        if (!assessed) {
            return reason("maturity.next.assessment", false);
        }
        if (!completion) {
            return reason("maturity.next.import_lms", false, "minimum", MIN_ROWS);
        }
        if (!crm && !hris) {
            // Weak data already there: fix the match before importing more.
            if (inputs.crm().rows() > 0) {
                return reason("maturity.next.improve_match", false, "source", "crm");
            }
            if (inputs.hris().rows() > 0) {
                return reason("maturity.next.improve_match", false, "source", "hris");
            }
            return reason("maturity.next.import_crm", false);
        }
        if (!crm) {
            return reason("maturity.next.import_crm", false);
        }
        if (!hris) {
            return reason("maturity.next.import_hris", false);
        }
        return reason("maturity.next.isolate", false);
    }

    private static Reason reason(String key, boolean met, Object... namesAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Reason(key, arguments, met);
    }
}
