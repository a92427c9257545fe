package org.credence.program;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.credence.http.FormMessage;
import org.credence.tenant.Caller;
import org.credence.user.SignedIn;

/** Small helpers the program pages share: the caller a signed-in user acts as, links that keep the language, form messages by field. */
final class ProgramPages {
    private ProgramPages() {}

    /** The signed-in user as a service caller (the audit trail names the user). */
    static Caller caller(SignedIn signedIn) {
        return new Caller(signedIn.user().tenantId(), Set.of("issue", "admin", "read"), signedIn.actor());
    }

    /** {@code path} with {@code ?lang=nb} (or {@code &lang=nb}) when the page is in Norwegian. */
    static String link(String path, String lang) {
        return "en".equals(lang) ? path : path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    /** A query string from the non-blank values, in their order. */
    static String query(Map<String, String> values) {
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /**
     * The messages to show beside fields: the service's sentence in English; in Norwegian the bundle's sentence for the field
     * ({@code invalid.<field>}) when it has one. Key {@code ""} holds a message about the whole form.
     */
    static Map<String, String> messages(FormMessage refusal, Map<String, String> t, String lang, Map<String, String> fieldGroups) {
        Map<String, String> messages = new LinkedHashMap<>();
        if (refusal == null) {
            return messages;
        }
        String field = refusal.field();
        String group = field == null ? "" : fieldGroups.getOrDefault(field, field);
        String text = refusal.text();
        if (!"en".equals(lang) && t.containsKey("invalid." + group)) {
            text = t.get("invalid." + group);
        }
        messages.put(group, text);
        return messages;
    }

    /** The form's value of {@code name}, stripped; null when blank. */
    static String value(Map<String, java.util.List<String>> form, String name) {
        java.util.List<String> values = form.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }
}
