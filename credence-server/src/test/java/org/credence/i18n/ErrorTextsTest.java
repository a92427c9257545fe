package org.credence.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.http.FormMessage;
import org.junit.jupiter.api.Test;

/** The refusals services give by key: every key the code names is in both languages, and each renders whole. */
class ErrorTextsTest {
    private static final Path JAVA = Path.of("src/main/java");
    // ErrorText.of("key" … — a key is always a literal, so the scan finds every one
    private static final Pattern KEY = Pattern.compile("ErrorText\\.of\\(\\s*\"([a-z0-9_.]+)\"");

    @Test
    void every_key_the_code_names_exists_in_english_and_norwegian_and_every_text_is_used() throws IOException {
        Set<String> named = namedKeys();
        assertThat(named).as("keys found in sources").hasSizeGreaterThan(200);
        assertThat(Messages.texts(ErrorText.AREA, "en").keySet()).containsAll(named);
        assertThat(Messages.texts(ErrorText.AREA, "nb").keySet()).containsAll(named);
        // no text left behind by a throw site that was changed or removed
        assertThat(named).containsAll(Messages.texts(ErrorText.AREA, "en").keySet());
    }

    @Test
    void every_page_shows_a_refusal_in_its_own_language() throws IOException {
        // a page must pass its language: FormMessage.of(e) without one no longer exists, and no page may bring it back
        Pattern withoutLanguage = Pattern.compile("FormMessage\\.of\\((?:[^,()]|\\([^()]*\\))*\\)");
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("FormMessage.java")).toList()) {
                assertThat(withoutLanguage.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
            }
        }
    }

    @Test
    void every_text_shows_each_of_its_arguments_in_both_languages() {
        Map<String, String> en = Messages.texts(ErrorText.AREA, "en");
        for (String key : en.keySet()) {
            Map<String, String> arguments = new LinkedHashMap<>();
            for (String name : arguments(en.get(key))) {
                arguments.put(name, "<" + name + ">");
            }
            for (String language : Messages.LANGUAGES) {
                String shown = new ErrorText(key, arguments).in(language);
                // an apostrophe before a brace would have swallowed the argument; a doubled one would show twice
                assertThat(shown).as(language + ": " + key).doesNotContain("''");
                arguments.values().forEach(value -> assertThat(shown).as(language + ": " + key).contains(value));
            }
        }
    }

    @Test
    void the_english_sentence_is_the_api_detail_and_the_norwegian_one_is_on_norwegian_pages() {
        var refused = new DomainException.InvalidInput("email", ErrorText.of("user.email_invalid", "email", "x@"));
        assertThat(refused.getMessage()).isEqualTo("email 'x@' is not an e-mail address like name@example.org");
        assertThat(FormMessage.of(refused, "en")).isEqualTo(new FormMessage("email", refused.getMessage(), 422));
        assertThat(FormMessage.of(refused, "nb")).isEqualTo(new FormMessage("email", "«x@» er ikke en e-postadresse som navn@example.org", 422));
    }

    @Test
    void numbers_are_inserted_as_written_so_the_english_sentence_is_unchanged() {
        var tooLarge = new DomainException.TooLarge(ErrorText.of("bulk.file_too_large", "mb", 1024L));
        assertThat(tooLarge.getMessage()).isEqualTo("an issuance file is at most 1024 MB; split it into several jobs");
    }

    @Test
    void a_word_chosen_by_a_value_is_chosen_in_each_language() {
        var missing = new DomainException.NotFound(ErrorText.of("form.not_found", "what", "cost_line", "id", "x7"));
        assertThat(missing.getMessage()).isEqualTo("no cost line x7 in this tenant");
        assertThat(FormMessage.of(missing, "nb").text()).isEqualTo("det finnes ingen kostnadslinje x7 i organisasjonen");
        assertThat(new ErrorText("tickets.count_negative", Map.of("row", "none")).in("nb")).isEqualTo("antallet må være 0 eller mer");
        assertThat(new ErrorText("tickets.count_negative", Map.of("row", "3")).in("en")).isEqualTo("count must be 0 or more (row 3)");
    }

    @Test
    void a_refusal_passed_on_under_another_field_keeps_its_languages_and_one_without_a_key_stays_english() {
        var slug = new DomainException.Conflict(ErrorText.of("tenant.slug_taken", "slug", "vik"));
        var passedOn = new DomainException.InvalidInput("organisation.slug", slug);
        assertThat(passedOn.getMessage()).isEqualTo(slug.getMessage());
        assertThat(FormMessage.of(passedOn, "nb").text()).isEqualTo("det finnes allerede en organisasjon med kortnavnet «vik»");
        assertThat(FormMessage.of(passedOn, "nb").field()).isEqualTo("organisation.slug");
        var unkeyed = new DomainException.Malformed("a sentence in English only");
        assertThat(FormMessage.of(unkeyed, "nb").text()).isEqualTo("a sentence in English only");
    }

    private static Set<String> namedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Set<String> arguments(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            // a select argument picks a branch; only an argument shown as it is must appear in the text
            if (parsed.getPart(i).getType() == MessagePattern.Part.Type.ARG_START && parsed.getPart(i).getArgType() == MessagePattern.ArgType.NONE) {
                names.add(parsed.getSubstring(parsed.getPart(i + 1)));
            }
        }
        return names;
    }
}
