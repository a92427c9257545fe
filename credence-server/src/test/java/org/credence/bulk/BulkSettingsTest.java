package org.credence.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bulk limits from the environment: the mail pace while a job runs. */
class BulkSettingsTest {
    @Test
    void mail_goes_out_at_fifty_a_second_during_a_job_unless_told_otherwise() {
        assertThat(BulkSettings.fromEnvironment(Map.of()).mailPerSecond()).isEqualTo(50);
        assertThat(BulkSettings.fromEnvironment(Map.of("CREDENCE_BULK_MAIL_PER_SECOND", "200")).mailPerSecond()).isEqualTo(200);
        assertThat(BulkSettings.fromEnvironment(Map.of("CREDENCE_BULK_MAIL_PER_SECOND", "0")).mailPerSecond()).isZero();
    }

    @Test
    void the_pace_survives_turning_pdf_attachments_off() {
        BulkSettings settings = BulkSettings.fromEnvironment(Map.of("CREDENCE_BULK_MAIL_PER_SECOND", "120")).attachingPdfs(false);
        assertThat(settings.mailPerSecond()).isEqualTo(120);
        assertThat(settings.attachUpTo()).isZero();
    }
}
