package org.credence.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.credence.json.JsonFields;

/** The branding as JSON: the API's answer and the audit trail's before and after, shaped in one place. */
public final class BrandingJson {
    private BrandingJson() {}

    /** The branding as the API shows it: settings, and for each image whether it is set and its SHA-256. */
    public static ObjectNode of(Branding b) {
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("pageSize", b.pageSize());
        node.put("primaryColour", b.primaryColour());
        node.put("accentColour", b.accentColour());
        node.put("linkedinOrganizationId", b.linkedinOrganizationId().orElse(null));
        node.put("mailSenderName", b.mailSenderName().orElse(null));
        node.put("mailReplyTo", b.mailReplyTo().orElse(null));
        node.set("logo", image(b.logo()));
        node.set("signature", image(b.signature()));
        return node;
    }

    /** The tenant's language as the audit trail records it. */
    static ObjectNode language(String language) {
        return JsonFields.MAPPER.createObjectNode().put("language", language);
    }

    /**
     * The settings of a PUT body; a LinkedIn id may come as a number or as text.
     *
     * @throws org.credence.domain.DomainException.InvalidInput for a member of the wrong type
     */
    public static BrandingUpdates.Settings settings(JsonNode body) {
        JsonNode linkedin = body.get("linkedinOrganizationId");
        String linkedinText = linkedin == null || linkedin.isNull() ? null
                : linkedin.isIntegralNumber() ? linkedin.asText() : linkedin.isTextual() ? linkedin.asText() : "";
        return new BrandingUpdates.Settings(JsonFields.optionalText(body, "pageSize", 10), JsonFields.optionalText(body, "primaryColour", 20),
                JsonFields.optionalText(body, "accentColour", 20), linkedinText, JsonFields.optionalText(body, "mailSenderName", 1000),
                JsonFields.optionalText(body, "mailReplyTo", 1000));
    }

    private static JsonNode image(Optional<Branding.Image> image) {
        if (image.isEmpty()) {
            return JsonFields.MAPPER.nullNode();
        }
        ObjectNode node = JsonFields.MAPPER.createObjectNode();
        node.put("contentType", image.get().contentType());
        node.put("bytes", image.get().bytes().length);
        node.put("sha256", StoredDocuments.sha256(image.get().bytes()));
        return node;
    }
}
