package org.credence.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.audit.AuditPage;
import org.credence.document.BrandingUpdates;
import org.credence.lifecycle.StateChange;
import org.credence.user.PasswordTokens;
import org.junit.jupiter.api.Test;

/**
 * The audit page names each action in words ({@code action.<code>} in the {@code audit} bundle). The codes are read from
 * the sources: the action argument of every {@code audit.record(…)} and {@code audit.recordAll(…)}, followed where it is
 * a variable (a local assigned from literals, or a parameter: then every code-shaped literal of that file) and
 * expanded where it is built from a prefix and a value (the values from their enums, listed below).
 */
class AuditActionTextsTest {
    private static final Pattern CALL = Pattern.compile("\\baudit\\.(record|recordAll)\\(");
    private static final Pattern CODE = Pattern.compile("\"([a-z][a-z_-]*(?:\\.[a-z][a-z_-]*)+)\"");
    // "prefix." + value [+ ".suffix"]: a code built at run time
    private static final Pattern BUILT = Pattern.compile("\"([a-z][a-z_.-]*\\.)\"\\s*\\+\\s*[\\w.()]+(?:\\s*\\+\\s*\"(\\.[a-z_.-]+)\")?");
    private static final Pattern ERROR_KEY = Pattern.compile("ErrorText\\.of\\(\\s*\"[^\"]*\"");

    /** The values a built code takes, by its literal parts ({@code prefix|suffix}): each from the enum that holds them. */
    private static final Map<String, List<String>> BUILT_VALUES = Map.of(
            "credential.|", Arrays.stream(StateChange.Action.values()).map(StateChange.Action::word).toList(),
            "user.password.|", Arrays.stream(PasswordTokens.Purpose.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList(),
            "branding.|.set", Arrays.stream(BrandingUpdates.Slot.values()).map(BrandingUpdates.Slot::column).toList(),
            "branding.|.delete", Arrays.stream(BrandingUpdates.Slot.values()).map(BrandingUpdates.Slot::column).toList());

    @Test
    void every_action_the_code_writes_has_words_in_english_and_norwegian() throws IOException {
        Set<String> codes = codesInSources();
        assertThat(codes).as("codes found in the sources").hasSizeGreaterThan(70)
                .contains("credential.issue", "credential.revoke", "credential.reinstate", "user.password.invitation", "branding.logo.set", "api-key.rotate");
        for (String language : Messages.LANGUAGES) {
            Set<String> named = actionKeys(language);
            List<String> missing = codes.stream().filter(code -> !named.contains(code)).toList();
            assertThat(missing).as("action codes without words in audit_" + language + ".properties (add action.<code>=…)").isEmpty();
        }
    }

    @Test
    void every_action_text_names_a_code_the_code_writes() throws IOException {
        // no text left behind by an action that was renamed or removed
        assertThat(codesInSources()).containsAll(actionKeys("en"));
    }

    @Test
    void the_words_are_in_the_pages_language_and_an_unknown_code_is_shown_as_written() {
        assertThat(AuditPage.actionText(Messages.of("audit", "en"), "credential.revoke")).isEqualTo("Credential revoked");
        assertThat(AuditPage.actionText(Messages.of("audit", "nb"), "credential.revoke")).isEqualTo("Kompetansebevis tilbakekalt");
        assertThat(AuditPage.actionText(Messages.of("audit", "nb"), "something.old")).isEqualTo("something.old");
    }

    private static Set<String> actionKeys(String language) {
        Set<String> keys = new TreeSet<>();
        Messages.texts("audit", language).keySet().stream().filter(k -> k.startsWith("action.")).forEach(k -> keys.add(k.substring("action.".length())));
        return keys;
    }

    static Set<String> codesInSources() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (Path file : SourceScan.javaFiles()) {
            String source = Files.readString(file);
            Matcher call = CALL.matcher(source);
            while (call.find()) {
                String action = SourceScan.arguments(source, call.end()).get(3).strip();
                codes.addAll(resolve(file, source, action));
            }
        }
        return codes;
    }

    /** The codes an action argument stands for. */
    private static Set<String> resolve(Path file, String source, String action) {
        Set<String> codes = new TreeSet<>();
        if (BUILT.matcher(action).lookingAt()) {
            codes.addAll(built(file, action));
        } else if (action.matches("[A-Za-z]\\w*")) {
            Matcher local = Pattern.compile("String\\s+" + action + "\\s*=\\s*([^;]+);").matcher(source);
            if (local.find()) {
                codes.addAll(literals(local.group(1)));
                assertThat(codes).as(file + ": the local " + action + " is set from no literal").isNotEmpty();
            } else {
                // a parameter: its callers are in the same class, so every code-shaped literal there is one of its values
                String withoutErrorKeys = ERROR_KEY.matcher(source).replaceAll("");
                codes.addAll(literals(withoutErrorKeys));
                Matcher built = BUILT.matcher(withoutErrorKeys);
                while (built.find()) {
                    codes.addAll(built(file, built.group()));
                }
            }
        } else {
            codes.addAll(literals(action));
            assertThat(codes).as(file + ": an action this test cannot read: " + action).isNotEmpty();
        }
        return codes;
    }

    private static List<String> built(Path file, String expression) {
        Matcher m = BUILT.matcher(expression);
        assertThat(m.lookingAt()).isTrue();
        String parts = m.group(1) + "|" + (m.group(2) == null ? "" : m.group(2));
        List<String> values = BUILT_VALUES.get(parts);
        assertThat(values).as(file + " builds action codes " + parts + "; list the values it takes in BUILT_VALUES").isNotNull();
        return values.stream().map(v -> m.group(1) + v + (m.group(2) == null ? "" : m.group(2))).toList();
    }

    private static List<String> literals(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
