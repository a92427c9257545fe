package org.credence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where {@code credence serve} listens: --host, else CREDENCE_HOST, else this machine only unless a public URL is set. */
class SettingsHostTest {
    private static final Path DATA = Path.of("credence-data");

    @Test
    void a_trial_without_a_public_url_listens_on_this_machine_only() {
        assertThat(Settings.fromEnvironment(8080, DATA, Map.of()).host()).isEqualTo("127.0.0.1");
    }

    @Test
    void an_installation_with_a_public_url_listens_on_every_interface() {
        assertThat(Settings.fromEnvironment(8080, DATA, Map.of("CREDENCE_PUBLIC_URL", "https://badges.example")).host()).isEqualTo("0.0.0.0");
    }

    @Test
    void credence_host_and_then_the_option_choose_the_address() {
        Map<String, String> env = Map.of("CREDENCE_HOST", "10.0.0.5", "CREDENCE_PUBLIC_URL", "https://badges.example");
        assertThat(Settings.fromEnvironment(8080, DATA, env).host()).isEqualTo("10.0.0.5");
        assertThat(Settings.fromEnvironment(Optional.of("127.0.0.1"), 8080, DATA, env).host()).isEqualTo("127.0.0.1");
        assertThat(Settings.fromEnvironment(Optional.of(" "), 8080, DATA, env).host()).as("a blank option is no option").isEqualTo("10.0.0.5");
    }
}
