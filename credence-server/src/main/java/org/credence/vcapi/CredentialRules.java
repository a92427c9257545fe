package org.credence.vcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the W3C VC Data Model 2.0 (and 1.1) an unsigned credential must meet before the
 * VC API issuer signs it. What JSON-LD itself decides (known contexts, defined terms) is left to
 * the signer; these are the structural MUSTs a JSON-LD processor lets through.
 *
 * @see <a href="https://www.w3.org/TR/vc-data-model-2.0/">VC Data Model 2.0</a>
 */
final class CredentialRules {
    static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";

    /** Objects the data model says MUST carry a type (§4.5, table of typed objects). */
    private static final List<String> TYPED = List.of("credentialStatus", "credentialSchema", "refreshService", "termsOfUse", "evidence");

    /** XML Schema dateTimeStamp: a dateTime whose time zone is required. */
    private static final Pattern DATE_TIME_STAMP =
            Pattern.compile("-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})");

    private CredentialRules() {}

    /** True when the credential's first context is the VC 1.1 one (issuanceDate, expirationDate). */
    static boolean isV1(ObjectNode credential) {
        JsonNode context = credential.get("@context");
        JsonNode first = context != null && context.isArray() && !context.isEmpty() ? context.get(0) : context;
        return first != null && VC_V1.equals(first.asText());
    }

    /**
     * Checks {@code credential} (the {@code credential} member of an issue request).
     *
     * @throws VcApiException naming the first rule broken
     */
    static void check(ObjectNode credential) {
        contexts(credential.get("@context"));
        types(credential.get("type"), "credential.type", "VerifiableCredential");
        JsonNode id = credential.get("id");
        if (id != null && !isUrl(id)) {
            throw VcApiException.invalid("credential.id", "id must be a single URL, e.g. urn:uuid:…; got " + id);
        }
        subjects(credential.get("credentialSubject"));
        if (credential.has("proof")) {
            throw VcApiException.invalid("credential.proof", "send the credential unsigned: the issuer adds the proof");
        }
        for (String field : TYPED) {
            for (JsonNode entry : entries(credential, field)) {
                if (!entry.isObject()) {
                    throw VcApiException.invalid("credential." + field, field + " must be an object or an array of objects");
                }
                if (!entry.has("type")) {
                    throw VcApiException.invalid("credential." + field + ".type", "each " + field + " object must have a type");
                }
                types(entry.get("type"), "credential." + field + ".type", null);
                if (entry.has("id") && !isUrl(entry.get("id"))) {
                    throw VcApiException.invalid("credential." + field + ".id", field + ".id must be a single URL; got " + entry.get("id"));
                }
            }
        }
        for (JsonNode schema : entries(credential, "credentialSchema")) {
            if (!schema.has("id")) {
                throw VcApiException.invalid("credential.credentialSchema.id", "each credentialSchema must have an id: the URL of the schema");
            }
        }
        relatedResources(credential);
        boolean v1 = isV1(credential);
        OffsetDateTime from = date(credential, v1 ? "issuanceDate" : "validFrom");
        OffsetDateTime until = date(credential, v1 ? "expirationDate" : "validUntil");
        if (from != null && until != null && until.isBefore(from)) {
            throw VcApiException.invalid("credential." + (v1 ? "expirationDate" : "validUntil"),
                    (v1 ? "expirationDate" : "validUntil") + " is before " + (v1 ? "issuanceDate" : "validFrom"));
        }
    }

    private static void contexts(JsonNode context) {
        if (context == null || !(context.isArray() || context.isTextual()) || (context.isArray() && context.isEmpty())) {
            throw VcApiException.invalid("credential.@context", "@context is required: an array whose first item is " + VC_V2);
        }
        JsonNode first = context.isArray() ? context.get(0) : context;
        if (!VC_V2.equals(first.asText()) && !VC_V1.equals(first.asText())) {
            throw VcApiException.invalid("credential.@context", "the first @context must be " + VC_V2 + " (or " + VC_V1 + " for VC 1.1)");
        }
        if (context.isArray()) {
            for (JsonNode entry : context) {
                if (!entry.isTextual() && !entry.isObject()) {
                    throw VcApiException.invalid("credential.@context", "each @context item must be a URL or an object; got " + entry);
                }
            }
        }
    }

    /** A type value: one string or a non-empty array of strings, optionally including {@code required}. */
    private static void types(JsonNode type, String field, String required) {
        List<String> values = new ArrayList<>();
        if (type != null && type.isTextual()) {
            values.add(type.asText());
        } else if (type != null && type.isArray()) {
            for (JsonNode value : type) {
                if (!value.isTextual()) {
                    throw VcApiException.invalid(field, "type values must be strings; got " + value);
                }
                values.add(value.asText());
            }
        }
        if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
            throw VcApiException.invalid(field, field.substring(field.indexOf('.') + 1) + " is required: one or more type names");
        }
        if (required != null && !values.contains(required)) {
            throw VcApiException.invalid(field, "type must include " + required);
        }
    }

    private static void subjects(JsonNode subject) {
        if (subject == null || subject.isNull()) {
            throw VcApiException.invalid("credential.credentialSubject", "credentialSubject is required");
        }
        List<JsonNode> subjects = new ArrayList<>();
        if (subject.isArray()) {
            subject.forEach(subjects::add);
        } else {
            subjects.add(subject);
        }
        if (subjects.isEmpty()) {
            throw VcApiException.invalid("credential.credentialSubject", "credentialSubject must hold at least one subject");
        }
        for (JsonNode one : subjects) {
            if (!one.isObject() || one.isEmpty()) {
                throw VcApiException.invalid("credential.credentialSubject",
                        "each credentialSubject must be an object with at least one claim (or an id); got " + one);
            }
            if (one.has("id") && !isUrl(one.get("id"))) {
                throw VcApiException.invalid("credential.credentialSubject.id", "credentialSubject.id must be a single URL; got " + one.get("id"));
            }
        }
    }

    private static void relatedResources(ObjectNode credential) {
        Set<String> seen = new HashSet<>();
        for (JsonNode resource : entries(credential, "relatedResource")) {
            if (!resource.isObject()) {
                throw VcApiException.invalid("credential.relatedResource", "relatedResource entries must be objects with id and a digest; got " + resource);
            }
            if (!resource.has("id") || !isUrl(resource.get("id"))) {
                throw VcApiException.invalid("credential.relatedResource.id", "each relatedResource must have an id: the resource's URL");
            }
            if (!resource.path("digestSRI").isTextual() && !resource.path("digestMultibase").isTextual()) {
                throw VcApiException.invalid("credential.relatedResource", "relatedResource " + resource.get("id").asText()
                        + " needs a digestSRI or a digestMultibase");
            }
            if (KnownDigests.matches(resource).filter(ok -> !ok).isPresent()) {
                throw VcApiException.invalid("credential.relatedResource", "relatedResource " + resource.get("id").asText()
                        + ": the digest does not match the resource (the VC 2.0 base context, whose digest the Recommendation publishes)");
            }
            if (!seen.add(resource.get("id").asText())) {
                throw VcApiException.invalid("credential.relatedResource.id", "relatedResource " + resource.get("id").asText() + " is listed twice");
            }
        }
    }

    private static OffsetDateTime date(ObjectNode credential, String field) {
        JsonNode value = credential.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || !DATE_TIME_STAMP.matcher(value.asText()).matches()) {
            throw VcApiException.invalid("credential." + field, field + " must be an XML Schema dateTimeStamp with a time zone, e.g. 2025-01-31T12:00:00Z; got " + value);
        }
        try {
            return OffsetDateTime.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw VcApiException.invalid("credential." + field, field + " '" + value.asText() + "' is not a real date and time");
        }
    }

    /** The value of {@code field} as a list: absent is empty, an array its items, anything else itself. */
    static List<JsonNode> entries(JsonNode object, String field) {
        JsonNode value = object.get(field);
        List<JsonNode> list = new ArrayList<>();
        if (value == null) {
            return list;
        }
        if (value.isArray()) {
            value.forEach(list::add);
        } else {
            list.add(value);
        }
        return list;
    }

    /** A single absolute URL (any scheme: https, did, urn). */
    static boolean isUrl(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return false;
        }
        try {
            URI uri = new URI(value.asText());
            return uri.getScheme() != null && !value.asText().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
