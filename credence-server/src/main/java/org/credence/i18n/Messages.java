package org.credence.i18n;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts a person reads, in English and Norwegian bokmål, from UTF-8 {@code .properties}
 * bundles in {@code org/credence/i18n/}: one bundle per area ({@code credential_en.properties},
 * {@code credential_nb.properties} …). A text with arguments is an ICU MessageFormat pattern with
 * named arguments ({@code {issuer}}, plural forms). There is no fallback between languages: a
 * key missing from a language is an error (and a failure of {@code MessagesParityTest}), never
 * English shown on a Norwegian page.
 */
public final class Messages {
    /** The languages every bundle exists in. */
    public static final List<String> LANGUAGES = List.of("en", "nb");
    /** The areas, each a bundle {@code <area>_<language>.properties}. */
    public static final List<String> AREAS = List.of("credential", "verification", "home", "recipient", "mail", "share", "dashboard", "users",
            "credentials", "achievement", "share_image", "comparison", "roi", "outcomes", "surveys", "operations", "imports",
            "reports", "pathways", "renewal", "webhooks", "completions", "bulk", "appbar",
            "issue_app", "uploads", "achievements_app", "designer", "settings", "credential_detail", "audit", "apphome",
            "setup", "account", "apikeys", "search", "errors", "insights");

    private static final String PACKAGE = "org.credence.i18n.";
    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

    private final String area;
    private final String language;
    private final Map<String, String> texts;

    private Messages(String area, String language, Map<String, String> texts) {
        this.area = area;
        this.language = language;
        this.texts = texts;
    }

    /**
     * The texts of {@code area} in {@code language} ("en" or "nb").
     *
     * @throws IllegalArgumentException for another language
     * @throws MissingResourceException when the area has no bundle in that language
     */
    public static Messages of(String area, String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language (" + language + ") must be one of " + LANGUAGES);
        }
        return LOADED.computeIfAbsent(area + "_" + language, k -> load(area, language));
    }

    private static Messages load(String area, String language) {
        // no fallback control: nb never inherits from en or from the JVM's default locale
        ResourceBundle bundle = ResourceBundle.getBundle(PACKAGE + area, Locale.forLanguageTag(language), Messages.class.getClassLoader(),
                new Utf8NoFallback());
        Map<String, String> texts = new TreeMap<>();
        for (String key : Collections.list(bundle.getKeys())) {
            texts.put(key, bundle.getString(key));
        }
        return new Messages(area, language, Collections.unmodifiableMap(texts));
    }

    /** The text of {@code key} as written (no arguments). */
    public String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new MissingResourceException("no text " + key + " in " + area + "_" + language, PACKAGE + area, key);
        }
        return text;
    }

    /** The text of {@code key} with its named arguments filled in; values are inserted as they are, never read as patterns. */
    public String format(String key, Map<String, ?> arguments) {
        return new MessageFormat(text(key), Locale.forLanguageTag(language)).format(arguments);
    }

    /** Every key and text as written: what a template reads as {@code t.get("key")}. */
    public Map<String, String> table() {
        return texts;
    }

    /** Every key and text of an area in a language, in key order (for tests). */
    public static Map<String, String> texts(String area, String language) {
        return new LinkedHashMap<>(of(area, language).texts);
    }

    /** Reads {@code .properties} as UTF-8 and looks in no other locale. */
    private static final class Utf8NoFallback extends ResourceBundle.Control {
        @Override
        public List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }

        @Override
        public List<Locale> getCandidateLocales(String baseName, Locale locale) {
            return List.of(locale);
        }

        @Override
        public ResourceBundle newBundle(String baseName, Locale locale, String format, ClassLoader loader, boolean reload) throws IOException {
            String resource = toResourceName(toBundleName(baseName, locale), "properties");
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    return null;
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    return new PropertyResourceBundle(reader);
                }
            }
        }
    }
}
