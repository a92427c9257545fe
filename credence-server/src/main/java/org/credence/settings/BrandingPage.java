package org.credence.settings;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credence.document.Branding;
import org.credence.document.BrandingUpdates;
import org.credence.document.Brandings;
import org.credence.document.UploadedImages;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;
import org.credence.user.Permission;
import org.credence.user.Sessions;
import org.credence.user.SignedIn;

/**
 * {@code /app/branding}: the organisation's colours, page size, LinkedIn organisation, language,
 * logo and signature, for users who may change the settings. The forms call the same
 * {@link BrandingUpdates} methods as {@code /api/v1/branding}, so a change is checked and audited
 * alike and the API then answers what the page saved.
 */
public final class BrandingPage {
    static final String PATH = "/app/branding";
    private static final String TEMPLATE = "settings/branding.jte";
    private static final Set<String> NOTICES = Set.of("saved", "language", "logo", "signature", "logo_removed", "signature_removed");

    /**
     * One field of the settings form, drawn by the template in order; a new branding setting is one
     * more {@code Field} here and one more member of {@link BrandingUpdates.Settings}.
     *
     * @param type {@code color}, {@code text} or {@code select}
     * @param options the choices of a {@code select} (value, label)
     */
    public record Field(String name, String type, String value, List<Choice> options, String autocomplete) {}

    /** A choice of a select. */
    public record Choice(String value, String label) {}

    /** An image slot: whether it is set, its size, and its paths. */
    public record Image(String slot, boolean set, String size) {}

    private BrandingPage() {}

    static void register(JavalinConfig config, Brandings brandings, BrandingUpdates updates, Sessions sessions) {
        config.routes.get(PATH, ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            SettingsPage.render(ctx, TEMPLATE, model(ctx, signedIn, brandings, updates, null));
        });
        config.routes.post(PATH, ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS); // checks the origin and the form's CSRF token
            BrandingUpdates.Settings typed = new BrandingUpdates.Settings(SettingsPage.text(ctx, "pageSize"),
                    SettingsPage.text(ctx, "primaryColour"), SettingsPage.text(ctx, "accentColour"), SettingsPage.text(ctx, "linkedinOrganizationId"),
                    SettingsPage.text(ctx, "mailSenderName"), SettingsPage.text(ctx, "mailReplyTo"));
            try {
                updates.replaceSettings(SettingsPage.caller(signedIn), typed);
                SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH, "saved");
            } catch (DomainException e) {
                SettingsPage.refused(ctx, model(ctx, signedIn, brandings, updates, typed), e, TEMPLATE);
            }
        });
        config.routes.post(PATH + "/language", ctx -> {
            SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
            try {
                updates.setLanguage(SettingsPage.caller(signedIn), SettingsPage.text(ctx, "language"));
                SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH, "language");
            } catch (DomainException e) {
                SettingsPage.refused(ctx, model(ctx, signedIn, brandings, updates, null), e, TEMPLATE);
            }
        });
        for (BrandingUpdates.Slot slot : BrandingUpdates.Slot.values()) {
            String path = PATH + "/" + slot.column();
            config.routes.get(path, ctx -> {
                SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
                Branding branding = brandings.find(signedIn.user().tenantId());
                Branding.Image image = (slot == BrandingUpdates.Slot.LOGO ? branding.logo() : branding.signature())
                        .orElseThrow(() -> new DomainException.NotFound(ErrorText.of("branding.no_image", "slot", slot.column())));
                ctx.header("Cache-Control", "private, no-store").contentType(image.contentType()).result(image.bytes());
            });
            config.routes.post(path, ctx -> {
                SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
                try {
                    UploadedFile file = ctx.uploadedFile("image");
                    if (file == null || file.size() == 0) {
                        throw new DomainException.InvalidInput(slot.column(), ErrorText.of("image.choose_raster"));
                    }
                    UploadedImages.requireWithinLimit(file.size());
                    updates.putImage(SettingsPage.caller(signedIn), slot, file.contentType(), bytes(file));
                    SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH, slot.column());
                } catch (DomainException e) {
                    SettingsPage.refused(ctx, model(ctx, signedIn, brandings, updates, null), field(e, slot), TEMPLATE);
                }
            });
            config.routes.post(path + "/delete", ctx -> {
                SignedIn signedIn = sessions.require(ctx, Permission.MANAGE_SETTINGS);
                try {
                    if (!"yes".equals(ctx.formParam("confirm"))) {
                        throw new DomainException.InvalidInput(slot.column(), ErrorText.of("branding.confirm_remove", "slot", slot.column()));
                    }
                    updates.deleteImage(SettingsPage.caller(signedIn), slot);
                    SettingsPage.done(ctx, SettingsPage.lang(ctx), PATH, slot.column() + "_removed");
                } catch (DomainException e) {
                    SettingsPage.refused(ctx, model(ctx, signedIn, brandings, updates, null), e, TEMPLATE);
                }
            });
        }
    }

    /** The image services name their refusals "image"; the page shows them beside the slot's form. */
    private static DomainException field(DomainException e, BrandingUpdates.Slot slot) {
        return e instanceof DomainException.InvalidInput || e instanceof DomainException.UnsupportedType || e instanceof DomainException.TooLarge
                ? new DomainException.InvalidInput(slot.column(), e) : e;
    }

    private static byte[] bytes(UploadedFile file) throws IOException {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        }
    }

    private static Map<String, Object> model(Context ctx, SignedIn signedIn, Brandings brandings, BrandingUpdates updates,
                                             BrandingUpdates.Settings typed) {
        String lang = SettingsPage.lang(ctx);
        Map<String, Object> model = SettingsPage.model(ctx, lang, signedIn, PATH, NOTICES);
        Map<String, String> t = org.credence.i18n.Messages.of(SettingsPage.AREA, lang).table();
        long tenant = signedIn.user().tenantId();
        Branding branding = brandings.find(tenant);
        BrandingUpdates.Settings shown = typed != null ? typed : BrandingUpdates.Settings.of(branding);
        model.put("fields", List.of(
                new Field("primaryColour", "color", orElse(shown.primaryColour(), Branding.DEFAULT_PRIMARY), List.of(), "off"),
                new Field("accentColour", "color", orElse(shown.accentColour(), Branding.DEFAULT_ACCENT), List.of(), "off"),
                new Field("pageSize", "select", orElse(shown.pageSize(), "A4"), List.of(new Choice("A4", "A4"), new Choice("Letter", "Letter")), "off"),
                new Field("linkedinOrganizationId", "text", orElse(shown.linkedinOrganizationId(), ""), List.of(), "off"),
                new Field("mailSenderName", "text", orElse(shown.mailSenderName(), ""), List.of(), "organization"),
                new Field("mailReplyTo", "email", orElse(shown.mailReplyTo(), ""), List.of(), "email")));
        model.put("language", updates.language(tenant));
        model.put("languages", List.of(new Choice("en", t.get("branding.language.en")), new Choice("nb", t.get("branding.language.nb"))));
        model.put("images", List.of(image("logo", branding.logo()), image("signature", branding.signature())));
        model.put("primary", branding.primaryColour());
        model.put("accent", branding.accentColour());
        return model;
    }

    private static Image image(String slot, java.util.Optional<Branding.Image> image) {
        return new Image(slot, image.isPresent(), image.map(i -> (i.bytes().length + 1023) / 1024 + " kB").orElse(""));
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
