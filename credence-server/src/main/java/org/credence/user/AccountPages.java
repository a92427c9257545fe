package org.credence.user;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.credence.app.AppBar;
import org.credence.http.FormMessage;
import org.credence.http.Pages;
import org.credence.i18n.Messages;
import org.credence.tenant.ApiKeys;

/** The pages of setup, password links, the sign-in code, the account, users and API keys: their texts and rendering. */
public final class AccountPages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::json).toList();

    /** One row of the users table, its sentences filled in. */
    public record UserRow(User user, String state, String lastLogin, String roleLabel, String confirmDisable) {}

    /** One row of the API keys table, never its secret. */
    public record KeyRow(ApiKeys.Listed key, String scopes, String created, String lastUsed, String expires) {}

    private AccountPages() {}

    /** A form's refusal as the map templates read: field name to sentence ("" for the form as a whole). */
    static Map<String, String> errors(FormMessage message) {
        if (message == null) {
            return Map.of();
        }
        return Map.of(message.field() == null ? "" : message.field(), message.text());
    }

    static String setup(String lang, Map<String, String> values, Map<String, String> errors) {
        Messages t = Messages.of("setup", lang);
        return Pages.render("setup/form.jte", Map.of("lang", lang, "t", t.table(), "values", values, "errors", errors,
                "passwordLabel", t.format("password", Map.of("min", String.valueOf(Password.MIN_LENGTH)))));
    }

    /** A page with a title, one sentence and one link onwards. */
    static String notice(String lang, String title, String text, String linkText, String link) {
        return Pages.render("account/notice.jte", Map.of("lang", lang, "title", title, "text", text, "linkText", linkText, "link", link));
    }

    static String resetRequest(String lang, Map<String, String> errors) {
        return Pages.render("account/reset.jte", Map.of("lang", lang, "t", Messages.of("account", lang).table(), "errors", errors));
    }

    static String choose(String lang, PasswordTokens.Opened opened, String token, Map<String, String> errors) {
        Messages t = Messages.of("account", lang);
        Map<String, String> values = Map.of("organisation", opened.tenantName(), "email", opened.user().email(),
                "min", String.valueOf(Password.MIN_LENGTH), "max", String.valueOf(Password.MAX_LENGTH));
        boolean invitation = opened.purpose() == PasswordTokens.Purpose.INVITATION;
        return Pages.render("account/choose.jte", Map.of("lang", lang, "t", t.table(),
                "title", t.text(invitation ? "choose.invitation.title" : "choose.title"),
                "intro", t.format(invitation ? "choose.invitation.intro" : "choose.intro", values), "token", token, "errors", errors,
                "passwordLabel", t.format("choose.password", values)));
    }

    /** The password rules' sentence for a refused choice ({@code password} too short or long, {@code repeat} different). */
    static String passwordRule(String lang, String field) {
        Messages t = Messages.of("account", lang);
        return field.equals("repeat") ? t.text("choose.MISMATCH")
                : t.format("choose.LENGTH", Map.of("min", String.valueOf(Password.MIN_LENGTH), "max", String.valueOf(Password.MAX_LENGTH)));
    }

    static String code(String lang, String pending, String next, Map<String, String> errors) {
        return Pages.render("account/code.jte", Map.of("lang", lang, "t", Messages.of("account", lang).table(), "pending", pending, "next", next,
                "errors", errors));
    }

    static String account(String lang, SignedIn signedIn, boolean totp, int left, Map<String, String> errors) {
        Messages t = Messages.of("account", lang);
        return Pages.render("account/page.jte", Map.of("lang", lang, "t", t.table(), "bar", AppBar.of(lang, signedIn, "/app/account"),
                "signedIn", signedIn, "totp", totp, "left", t.format("account.totp.left", Map.of("count", left)), "errors", errors));
    }

    static String enrol(String lang, SignedIn signedIn, SecondFactor.Enrolment enrolment, Map<String, String> errors) {
        BitMatrix matrix = qr(enrolment.uri());
        Map<String, Object> model = new HashMap<>(Map.of("lang", lang, "t", Messages.of("account", lang).table(),
                "bar", AppBar.of(lang, signedIn, "/app/account"), "signedIn", signedIn, "secret", enrolment.secret(), "qr", path(matrix),
                "errors", errors));
        model.put("size", matrix.getWidth());
        return Pages.render("account/enrol.jte", model);
    }

    static String recovery(String lang, SignedIn signedIn, List<String> codes) {
        return Pages.render("account/recovery.jte", Map.of("lang", lang, "t", Messages.of("account", lang).table(),
                "bar", AppBar.of(lang, signedIn, "/app/account"), "codes", codes));
    }

    /** The users page; {@code invited} are the ids of users who have not chosen their password yet. */
    static String users(String lang, SignedIn signedIn, List<User> users, java.util.Set<Long> invited, Map<String, String> values,
                        Map<String, String> errors, String notice) {
        Messages t = Messages.of("users", lang);
        List<UserRow> rows = users.stream().map(u -> new UserRow(u, t.text(u.disabled() ? "users.disabled" : invited.contains(u.id()) ? "users.state.invited"
                        : "users.active"), u.lastLoginAt() == null ? t.text("users.never") : WHEN.format(u.lastLoginAt()),
                t.format("users.role.change", Map.of("name", u.name())), t.format("users.confirm.disable", Map.of("name", u.name())))).toList();
        Map<String, Object> model = new HashMap<>(Map.of("lang", lang, "t", t.table(), "bar", AppBar.of(lang, signedIn, "/app/users"),
                "signedIn", signedIn, "users", rows, "roles", ROLES, "values", values, "errors", errors));
        model.put("notice", notice.isEmpty() ? "" : t.text(notice));
        return Pages.render("user/users.jte", model);
    }

    /** The API keys page; {@code shown} is a key just made, shown this once (null: none). */
    static String apiKeys(String lang, SignedIn signedIn, List<ApiKeys.Listed> keys, Map<String, String> values, Map<String, String> errors,
                          String notice, ApiKeys.Created shown) {
        Messages t = Messages.of("apikeys", lang);
        List<KeyRow> rows = keys.stream().map(k -> new KeyRow(k, String.join(", ", new TreeSet<>(k.scopes())), WHEN.format(k.createdAt()),
                k.lastUsedAt() == null ? t.text("never") : WHEN.format(k.lastUsedAt()), k.expiresAt() == null ? "" : WHEN.format(k.expiresAt()))).toList();
        Map<String, Object> model = new HashMap<>(Map.of("lang", lang, "t", t.table(), "bar", AppBar.of(lang, signedIn, "/app/api-keys"),
                "signedIn", signedIn, "keys", rows, "scopes", List.copyOf(new TreeSet<>(ApiKeys.SCOPES)), "values", values, "errors", errors,
                "notice", notice.isEmpty() ? "" : t.text(notice)));
        model.put("shownKey", shown == null ? "" : shown.secret());
        model.put("shownLabel", shown == null ? "" : t.format("shown.label", Map.of("label", shown.key().label())));
        return Pages.render("apikeys/list.jte", model);
    }

    private static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("the TOTP address does not fit a QR code", e);
        }
    }

    /** The dark modules of {@code matrix} as one SVG path of unit squares. */
    private static String path(BitMatrix matrix) {
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    d.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return d.toString();
    }
}
