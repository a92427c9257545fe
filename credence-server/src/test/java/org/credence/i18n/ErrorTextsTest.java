package org.credence.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Test
    void no_service_refuses_with_a_sentence_in_english_only() throws IOException {
        // the refusal's sentence (the last argument) must be a key: a literal, a concatenation or a library's getMessage()
        // would reach a Norwegian page in English
        Pattern built = Pattern.compile("new (?:DomainException\\.)?(?:InvalidInput|Forbidden|Conflict|Malformed|NotFound|UnsupportedType|TooLarge)\\(");
        List<String> english = new ArrayList<>();
        for (Path file : SourceScan.javaFiles()) {
            String source = Files.readString(file);
            Matcher m = built.matcher(source);
            while (m.find()) {
                List<String> arguments = SourceScan.arguments(source, m.end());
                String sentence = arguments.get(arguments.size() - 1).strip();
                if (!sentence.contains("ErrorText") && (sentence.contains("\"") || sentence.contains("getMessage()"))) {
                    english.add(file.getFileName() + ": " + sentence);
                }
            }
        }
        assertThat(english).as("refusals built from an English sentence; give each a key in errors_{en,nb}.properties").isEmpty();
    }

    @Test
    void a_reason_quoted_from_a_library_is_a_technical_detail_of_a_norwegian_sentence() {
        Map<String, String> nb = Messages.texts(ErrorText.AREA, "nb");
        List<String> quoting = Messages.texts(ErrorText.AREA, "en").entrySet().stream()
                .filter(e -> arguments(e.getValue()).contains("reason")).map(Map.Entry::getKey).toList();
        assertThat(quoting).contains("bulk.csv_unreadable", "bulk.json_unreadable", "image.svg_unusable", "design.not_json", "webhook.url_invalid");
        for (String key : quoting) {
            String text = nb.get(key);
            assertThat(text).as(key).endsWith("Teknisk detalj (på engelsk): «{reason}»");
            // before the detail: what is wrong, in words (not just "cannot be read:")
            String words = text.substring(0, text.indexOf("Teknisk detalj"));
            assertThat(words.split("\\s+")).as(key).hasSizeGreaterThan(8);
        }
        // as a page shows it: a design that is not JSON, Jackson's sentence kept as the detail
        var refused = assertThrows(org.credence.document.InvalidDesign.class, () -> org.credence.document.Designs.parse("m", "not json")).asInput("design");
        String shown = FormMessage.of(refused, "nb").text();
        assertThat(shown).startsWith("designet er ikke gyldig JSON: teksten bryter JSON-formatet").contains("Teknisk detalj (på engelsk): «Unrecognized token");
        assertThat(refused.getMessage()).startsWith("the design is not JSON: Unrecognized token");
    }

    @Test
    void the_csrf_and_idempotency_refusals_have_norwegian_sentences_in_words() {
        assertThat(new ErrorText("session.csrf_refused", Map.of()).in("nb")).doesNotContain("CSRF").contains("last inn siden på nytt");
        assertThat(new ErrorText("session.cross_site", Map.of("origin", "https://evil.example")).in("nb"))
                .isEqualTo("forespørselen kom fra et annet nettsted (https://evil.example) og ble avvist");
        var reused = new DomainException.InvalidInput("idempotencyKey", ErrorText.of("issue.idempotency_key_reused", "key", "issuance-job:7:12"));
        assertThat(reused.getMessage()).isEqualTo("the Idempotency-Key 'issuance-job:7:12' was already used for a different request; "
                + "send a new key for a new request, or the same body to get the first answer again");
        assertThat(FormMessage.of(reused, "nb").text()).startsWith("nøkkelen som hindrer dobbel utstedelse («issuance-job:7:12», Idempotency-Key)");
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
