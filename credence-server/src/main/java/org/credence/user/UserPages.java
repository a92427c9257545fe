package org.credence.user;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.credence.http.Pages;
import org.credence.i18n.Messages;

/** The sign-in pages' texts in English and Norwegian (bokmål), and their rendering. */
final class UserPages {
    private UserPages() {}

    /** The {@code users} bundle, with the password length limits filled in. */
    private static Map<String, String> text(String lang) {
        Messages messages = Messages.of("users", lang);
        // as strings, so a limit is printed as the digits it is, without grouping
        Map<String, String> limits = Map.of("min", String.valueOf(Password.MIN_LENGTH), "max", String.valueOf(Password.MAX_LENGTH));
        Map<String, String> t = new HashMap<>(messages.table());
        t.put("password.new", messages.format("password.new", limits));
        t.put("password.LENGTH", messages.format("password.LENGTH", limits));
        return Map.copyOf(t);
    }

    static String language(Context ctx) {
        return Pages.language(ctx);
    }

    static String login(String lang, String slug, String email, String next, boolean wrong) {
        Map<String, String> t = text(lang);
        return Pages.render("user/login.jte", Map.of("lang", lang, "t", t, "slug", slug, "email", email, "next", next,
                "error", wrong ? t.get("login.wrong") : ""));
    }

    /** The password change form, with why the last try was refused (null: none). */
    static String password(String lang, SignedIn signedIn, Users.PasswordChange.Outcome refused) {
        Map<String, String> t = text(lang);
        return Pages.render("user/password.jte", Map.of("lang", lang, "t", t, "signedIn", signedIn,
                "error", refused == null ? "" : t.get("password." + refused.name()), "min", Password.MIN_LENGTH));
    }

    /** A page with a title and one sentence: {@code forbidden}, {@code throttled}, {@code refused} or {@code changed}. */
    static String message(String lang, String key) {
        return Pages.render("user/message.jte", Map.of("lang", lang, "t", text(lang), "key", key));
    }
}
