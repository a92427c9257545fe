package org.credence.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.credence.insights.Channel;
import org.credence.insights.Metric;
import org.credence.insights.engagement.EngagementDefinitions;
import org.credence.standards.verification.CheckName;
import org.credence.standards.verification.Outcome;
import org.credence.standards.verification.Verdict;
import org.credence.user.Permission;
import org.credence.user.Role;
import org.junit.jupiter.api.Test;

/** Every text exists in both languages with the same arguments, and every key the code asks for exists. */
class MessagesParityTest {
    private static final Path MAIN = Path.of("src/main");
    // a literal key read from a text table: t.get("key"), t.text("key"), MailText.of(lang, "key", …), notice(ctx, status, "key", "key")
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:(?<![\\w.])t(?:ext)?\\.(?:get|text|format)\\(|MailText\\.of\\(lang, |notice\\(ctx, [^,]+, )\"([a-z_.]+)\"(?:, \"([a-z_.]+)\")?(?=[,)])");
    // a claim link's reason, which claim/unusable.jte shows as t.get("unusable." + reason)
    private static final Pattern UNUSABLE = Pattern.compile("new Unusable\\(\"([a-z_]+)\"");

    @Test
    void every_key_exists_in_english_and_norwegian_alike() {
        for (String area : Messages.AREAS) {
            assertThat(Messages.texts(area, "nb").keySet()).as(area).containsExactlyInAnyOrderElementsOf(Messages.texts(area, "en").keySet());
        }
    }

    @Test
    void no_text_is_empty() {
        for (String area : Messages.AREAS) {
            for (String language : Messages.LANGUAGES) {
                Messages.texts(area, language).forEach((key, text) -> assertThat(text).as(area + "_" + language + ": " + key).isNotBlank());
            }
        }
    }

    @Test
    void a_text_takes_the_same_arguments_of_the_same_kind_in_both_languages() {
        for (String area : Messages.AREAS) {
            Map<String, String> en = Messages.texts(area, "en");
            Map<String, String> nb = Messages.texts(area, "nb");
            en.forEach((key, text) -> assertThat(arguments(nb.get(key))).as(area + ": " + key).isEqualTo(arguments(text)));
            // the credential list's notices are filled by String.format
            en.forEach((key, text) -> assertThat(nb.get(key).split("%s", -1).length).as(area + ": " + key).isEqualTo(text.split("%s", -1).length));
        }
    }

    @Test
    void every_bundle_file_is_an_area_in_both_languages() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> paths = Files.list(MAIN.resolve("resources/org/credence/i18n"))) {
            paths.forEach(p -> files.add(p.getFileName().toString()));
        }
        Set<String> expected = new TreeSet<>();
        Messages.AREAS.forEach(area -> Messages.LANGUAGES.forEach(language -> expected.add(area + "_" + language + ".properties")));
        assertThat(files).isEqualTo(expected);
    }

    @Test
    void a_missing_key_or_language_is_an_error_not_english() {
        assertThatThrownBy(() -> Messages.of("credential", "nb").text("no.such.key")).isInstanceOf(MissingResourceException.class);
        assertThatThrownBy(() -> Messages.of("credential", "de")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Messages.of("credential", "nb").text("issuer")).isEqualTo("Utstedt av");
    }

    @Test
    void a_plural_argument_is_chosen_by_count_in_each_language() {
        // a bundle of the tests' own (src/test/resources), so the product bundles hold only texts the code shows
        assertThat(Messages.of("plural", "en").format("credentials", Map.of("count", 1))).isEqualTo("1 credential");
        assertThat(Messages.of("plural", "en").format("credentials", Map.of("count", 1200))).isEqualTo("1,200 credentials");
        assertThat(Messages.of("plural", "nb").format("credentials", Map.of("count", 1))).isEqualTo("ett kompetansebevis");
        assertThat(Messages.of("plural", "nb").format("credentials", Map.of("count", 1200))).isEqualTo("1\u00a0200 kompetansebevis");
    }

    @Test
    void every_key_the_templates_and_pages_name_exists() throws IOException {
        Map<String, String> sources = Map.ofEntries(
                Map.entry("jte/credential", "credential"), Map.entry("java/org/credence/credential/CredentialPage.java", "credential"),
                Map.entry("jte/verification", "verification"), Map.entry("java/org/credence/verification/VerificationPage.java", "verification"),
                Map.entry("jte/home", "home"),
                Map.entry("jte/claim", "recipient"), Map.entry("jte/me", "recipient"),
                Map.entry("java/org/credence/delivery/ClaimRoutes.java", "recipient"),
                Map.entry("java/org/credence/delivery/RecipientRoutes.java", "recipient"),
                Map.entry("java/org/credence/delivery/MailComposer.java", "mail"),
                Map.entry("jte/analytics", "dashboard"), Map.entry("java/org/credence/analytics/DashboardPage.java", "dashboard"),
                Map.entry("jte/user", "users"), Map.entry("java/org/credence/user/UserPages.java", "users"),
                Map.entry("java/org/credence/badge/ShareImage.java", "share_image"),
                Map.entry("jte/app/credentials.jte", "credentials"), Map.entry("java/org/credence/delivery/IssuerCredentialsPage.java", "credentials"),
                Map.entry("jte/app/credential.jte", "credential_detail"), Map.entry("jte/app/credential-confirm.jte", "credential_detail"),
                Map.entry("java/org/credence/manage/CredentialDetailPage.java", "credential_detail"),
                Map.entry("java/org/credence/manage/CredentialDetailRoutes.java", "credential_detail"),
                Map.entry("jte/app/audit.jte", "audit"), Map.entry("java/org/credence/audit/AuditPage.java", "audit"),
                Map.entry("jte/imports", "imports"), Map.entry("java/org/credence/integration/ImportsPage.java", "imports"),
                Map.entry("jte/roi", "roi"), Map.entry("java/org/credence/analytics/RoiPage.java", "roi"),
                Map.entry("jte/pathway", "pathways"), Map.entry("java/org/credence/pathway/PathwayPage.java", "pathways"),
                Map.entry("jte/operations", "operations"), Map.entry("java/org/credence/analytics/OperationsPage.java", "operations"),
                Map.entry("jte/apphome", "apphome"), Map.entry("java/org/credence/app/HomePage.java", "apphome"),
                Map.entry("java/org/credence/delivery/MailPreviewPage.java", "apphome"),
                Map.entry("java/org/credence/delivery/MailPreviews.java", "mail"), Map.entry("java/org/credence/delivery/MailContent.java", "mail"));
        int found = 0;
        for (var source : sources.entrySet()) {
            Set<String> keys = Messages.texts(source.getValue(), "en").keySet();
            for (String text : read(MAIN.resolve(source.getKey()))) {
                Matcher m = LITERAL_KEY.matcher(text);
                while (m.find()) {
                    for (int group = 1; group <= 2; group++) {
                        if (m.group(group) != null) {
                            assertThat(keys).as(source.getKey()).contains(m.group(group));
                            found++;
                        }
                    }
                }
            }
        }
        assertThat(found).as("keys found in sources").isGreaterThan(100);
    }

    @Test
    void every_key_built_from_a_name_exists() throws Exception {
        Set<String> credential = Messages.texts("credential", "en").keySet();
        Set<String> verification = Messages.texts("verification", "en").keySet();
        Set<String> mail = Messages.texts("mail", "en").keySet();
        Set<String> share = Messages.texts("share", "en").keySet();
        for (Channel channel : Channel.values()) {
            if (channel != Channel.COPY_LINK) {
                assertThat(credential).contains(channel.id());
            }
        }
        for (Verdict verdict : Verdict.values()) {
            assertThat(verification).contains(verdict.json());
            if (verdict != Verdict.VALID && verdict != Verdict.UNUSABLE) {
                assertThat(credential).contains("stamp." + verdict.json());
            }
        }
        for (Outcome outcome : Outcome.values()) {
            assertThat(verification).contains(outcome.name().toLowerCase(Locale.ROOT));
        }
        for (CheckName check : CheckName.values()) {
            assertThat(verification).contains("check." + check.name());
            assertThat(Messages.of("verification", "en").text("check." + check.name())).isEqualTo(check.title());
        }
        // the refusals VerificationRoutes names on the upload form
        assertThat(verification).contains("form.too_large", "form.no_attachment", "form.no_file", "status_unavailable");
        for (Object kind : Class.forName("org.credence.delivery.MailKind").getEnumConstants()) {
            String column = ((Enum<?>) kind).name().toLowerCase(Locale.ROOT);
            // password resets and invitations are written by the user module, in its account bundle
            Set<String> texts = column.equals("password_reset") || column.equals("user_invitation") ? Messages.texts("account", "en").keySet() : mail;
            assertThat(texts).contains(column + ".subject", column + ".body", column + ".action", column + ".after");
        }
        assertThat(share).contains("post", "subject", "body");
        Set<String> users = Messages.texts("users", "en").keySet();
        for (Role role : Role.values()) {
            assertThat(users).contains("role." + role.name().toLowerCase(Locale.ROOT));
        }
        for (Permission permission : Permission.values()) {
            assertThat(users).contains("may." + permission.name());
        }
        for (Object outcome : Class.forName("org.credence.user.Users$PasswordChange$Outcome").getEnumConstants()) {
            if (!((Enum<?>) outcome).name().equals("CHANGED")) {
                assertThat(users).contains("password." + ((Enum<?>) outcome).name());
            }
        }
        // the credential list's states (IssuerCredentialsPage.STATES) and mail statuses (credential_mail.status)
        Set<String> credentials = Messages.texts("credentials", "en").keySet();
        for (String state : java.util.List.of("active", "expired", "suspended", "revoked")) {
            assertThat(credentials).contains("state." + state);
        }
        for (String status : java.util.List.of("none", "queued", "sending", "sent", "failed", "bounced")) {
            assertThat(credentials).contains("mail." + status);
        }
        // every kind an achievement may have (Achievements.KINDS) has a name
        java.lang.reflect.Field kinds = Class.forName("org.credence.achievement.Achievements").getDeclaredField("KINDS");
        kinds.setAccessible(true);
        for (Object kind : (Set<?>) kinds.get(null)) {
            assertThat(Messages.texts("achievement", "en")).containsKey("kind." + kind);
        }
        // the one-sentence pages UserPages.message shows
        for (String page : Set.of("forbidden", "throttled", "busy", "refused", "changed")) {
            assertThat(users).contains(page + ".title", page + ".text");
        }
        // the English name of a metric is the one credence-insights gives it
        Map<String, String> dashboard = Messages.texts("dashboard", "en");
        for (Metric metric : EngagementDefinitions.all()) {
            if (dashboard.containsKey("metric." + metric.id())) {
                assertThat(dashboard.get("metric." + metric.id())).isEqualTo(metric.label());
            }
        }
        Matcher reasons = UNUSABLE.matcher(Files.readString(MAIN.resolve("java/org/credence/delivery/Claims.java")));
        int found = 0;
        while (reasons.find()) {
            assertThat(Messages.texts("recipient", "en")).containsKey("unusable." + reasons.group(1));
            found++;
        }
        assertThat(found).as("reasons found in Claims.java").isGreaterThan(3);
    }

    private static Set<String> arguments(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<String> arguments = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START) {
                arguments.add(parsed.getSubstring(parsed.getPart(i + 1)) + ":" + part.getArgType());
            }
        }
        return arguments;
    }

    private static java.util.List<String> read(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return java.util.List.of(Files.readString(path));
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
