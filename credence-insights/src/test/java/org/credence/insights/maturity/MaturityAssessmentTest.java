package org.credence.insights.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaturityAssessmentTest {

    @Test
    void issuance_and_engagement_only_is_visibility_with_the_counts_and_what_is_missing() {
        MaturityResult result = MaturityAssessment.assess(new MaturityInputs(1204, 458, 0, SourceData.NONE,
                SourceData.NONE, SourceData.NONE));

        assertThat(result.tier()).isEqualTo(MaturityTier.VISIBILITY);
        Reason issued = result.reasons().get(0);
        assertThat(issued.key()).isEqualTo("maturity.reason.issued");
        assertThat(issued.arguments()).containsEntry("issued", 1204L).containsEntry("shared", 458L);
        assertThat((double) issued.arguments().get("shareRate")).isBetween(0.38, 0.381);
        assertThat(result.reasons()).extracting(Reason::key).contains("maturity.reason.no_assessment",
                "maturity.reason.no_completion", "maturity.reason.no_crm", "maturity.reason.no_hris");
        assertThat(result.nextStep().key()).isEqualTo("maturity.next.assessment");
    }

    @Test
    void assessment_backed_credentials_and_completion_data_is_validation_and_the_next_step_is_the_crm() {
        MaturityResult result = MaturityAssessment.assess(new MaturityInputs(500, 100, 480,
                new SourceData(800, 800, 600), SourceData.NONE, SourceData.NONE));

        assertThat(result.tier()).isEqualTo(MaturityTier.VALIDATION);
        assertThat(result.nextStep().key()).isEqualTo("maturity.next.import_crm");
    }

    @Test
    void completion_data_without_assessment_backed_credentials_stays_visibility() {
        MaturityResult result = MaturityAssessment.assess(new MaturityInputs(500, 100, 0,
                new SourceData(800, 800, 600), new SourceData(300, 300, 200), SourceData.NONE));

        assertThat(result.tier()).isEqualTo(MaturityTier.VISIBILITY);
    }

    @Test
    void too_few_enrolments_are_not_yet_completion_data() {
        MaturityResult result = MaturityAssessment.assess(new MaturityInputs(500, 100, 480,
                new SourceData(29, 29, 29), SourceData.NONE, SourceData.NONE));

        assertThat(result.tier()).isEqualTo(MaturityTier.VISIBILITY);
        assertThat(result.reasons()).extracting(Reason::key).contains("maturity.reason.completion_few");
        assertThat(result.nextStep().key()).isEqualTo("maturity.next.import_lms");
    }

    @Test
    void crm_data_joined_at_a_usable_match_rate_is_integration() {
        MaturityResult result = MaturityAssessment.assess(new MaturityInputs(500, 100, 480,
                new SourceData(800, 800, 600), new SourceData(300, 300, 200), SourceData.NONE));

        assertThat(result.tier()).isEqualTo(MaturityTier.INTEGRATION);
        assertThat(result.nextStep().key()).isEqualTo("maturity.next.import_hris");
    }

    @Test
    void a_crm_import_that_matches_few_recipients_does_not_count_and_asks_to_improve_the_match() {
        MaturityResult result = MaturityAssessment.assess(new MaturityInputs(500, 100, 480,
                new SourceData(800, 800, 600), new SourceData(1000, 1000, 100), SourceData.NONE));

        assertThat(result.tier()).isEqualTo(MaturityTier.VALIDATION);
        assertThat(result.reasons()).extracting(Reason::key).contains("maturity.reason.crm_weak");
        assertThat(result.nextStep().key()).isEqualTo("maturity.next.improve_match");
        assertThat(result.nextStep().arguments()).containsEntry("source", "crm");
    }

    @Test
    void nothing_issued_asks_for_the_first_credential() {
        MaturityResult result = MaturityAssessment.assess(new MaturityInputs(0, 0, 0, SourceData.NONE,
                SourceData.NONE, SourceData.NONE));

        assertThat(result.tier()).isEqualTo(MaturityTier.VISIBILITY);
        assertThat(result.reasons().get(0).key()).isEqualTo("maturity.reason.none_issued");
        assertThat(result.nextStep().key()).isEqualTo("maturity.next.issue");
    }
}
