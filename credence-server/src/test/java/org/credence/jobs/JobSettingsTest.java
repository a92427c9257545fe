package org.credence.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduler's settings from the environment: defaults, values, and a wrong value named. */
class JobSettingsTest {
    @Test
    void nothing_set_gives_the_defaults() {
        assertThat(JobSettings.fromEnvironment(Map.of())).isEqualTo(JobSettings.DEFAULTS);
        assertThat(JobSettings.DEFAULTS).isEqualTo(new JobSettings(Duration.ofSeconds(1), 4, Duration.ofSeconds(5)));
    }

    @Test
    void poll_threads_and_heartbeat_are_read_in_milliseconds_and_a_count() {
        assertThat(JobSettings.fromEnvironment(Map.of("CREDENCE_JOBS_POLL_MS", " 200 ", "CREDENCE_JOBS_THREADS", "8",
                "CREDENCE_JOBS_HEARTBEAT_MS", "1000")))
                .isEqualTo(new JobSettings(Duration.ofMillis(200), 8, Duration.ofSeconds(1)));
    }

    @Test
    void a_wrong_value_is_refused_with_the_variable_s_name() {
        assertThatThrownBy(() -> JobSettings.fromEnvironment(Map.of("CREDENCE_JOBS_POLL_MS", "1s")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CREDENCE_JOBS_POLL_MS");
        assertThatThrownBy(() -> JobSettings.fromEnvironment(Map.of("CREDENCE_JOBS_HEARTBEAT_MS", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CREDENCE_JOBS_HEARTBEAT_MS");
        assertThatThrownBy(() -> JobSettings.fromEnvironment(Map.of("CREDENCE_JOBS_THREADS", "1000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CREDENCE_JOBS_THREADS");
    }
}
