package org.credence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A browser test without a browser: skipped on a developer's machine, a failure in CI. */
class BrowserHarnessTest {
    @Test
    void a_missing_browser_fails_the_build_under_ci() {
        assertThatThrownBy(() -> BrowserHarness.requireBrowser(false, Map.of("CI", "true")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("CI=true").hasMessageContaining("chromium");
    }

    @Test
    void a_missing_browser_skips_the_test_elsewhere() {
        assertThatThrownBy(() -> BrowserHarness.requireBrowser(false, Map.of())).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> BrowserHarness.requireBrowser(false, Map.of("CI", "false"))).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void an_installed_browser_runs_everywhere() {
        assertThatCode(() -> BrowserHarness.requireBrowser(true, Map.of("CI", "true"))).doesNotThrowAnyException();
        assertThatCode(() -> BrowserHarness.requireBrowser(true, Map.of())).doesNotThrowAnyException();
    }
}
