package org.credence.standards.jsonld;

import com.apicatalog.jsonld.uri.UriValidationPolicy;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import java.net.URI;

/**
 * JSON-LD safe mode for titanium, which has no such switch for values: a quad consumer that
 * refuses, instead of dropping, every IRI that is not absolute.
 *
 * <p>Titanium fails on undefined property names itself ({@code UNDEFINED_TERM} policy), but it
 * silently drops a {@code type} its contexts do not define, a relative {@code id} and a blank
 * node property, so anything could be added there after signing. Expansion therefore runs with
 * {@link #BASE} as base IRI (every relative reference, undefined types included, comes out
 * under its scheme) and deserialization with URI validation off; this consumer then holds each
 * IRI to titanium's own absolute-IRI test and throws naming the term.
 */
final class SafeMode implements RdfQuadConsumer {
    /** Relative references resolve under this base; a document cannot define a term into it. */
    static final String BASE = "credence-undefined://term/";
    private static final String SCHEME = "credence-undefined:";
    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    private final RdfQuadConsumer next;
    private final boolean strict;

    /**
     * @param strict throw on the first refused quad (safe mode); otherwise skip it, as plain
     *     JSON-LD does (for the fast path's probe documents, whose placeholder values may be relative)
     */
    SafeMode(RdfQuadConsumer next, boolean strict) {
        this.next = next;
        this.strict = strict;
    }

    @Override
    public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language,
                                String direction, String graph) throws RdfConsumerException {
        JsonLdException refused = refusal(subject, predicate, object, datatype, language, graph);
        if (refused == null) {
            return next.quad(subject, predicate, object, datatype, language, direction, graph);
        }
        if (strict) {
            throw refused;
        }
        return this;
    }

    private static JsonLdException refusal(String subject, String predicate, String object, String datatype, String language, String graph) {
        if (predicate.startsWith("_:") || !isAbsolute(predicate)) {
            return new JsonLdException(JsonLdException.Reason.UNDEFINED_TERM, name(predicate),
                    "the property '" + name(predicate) + "' is not defined by the credential's @context", null);
        }
        if (datatype == null && language == null) {
            if (RDF_TYPE.equals(predicate) && !isNode(object)) {
                return new JsonLdException(JsonLdException.Reason.UNDEFINED_TERM, name(object),
                        "the type '" + name(object) + "' is not defined by the credential's @context", null);
            }
            if (!isNode(object)) {
                return dropped(object);
            }
        } else if (datatype != null && !isAbsolute(datatype)) {
            return new JsonLdException(JsonLdException.Reason.UNDEFINED_TERM, name(datatype),
                    "the datatype '" + name(datatype) + "' is not defined by the credential's @context", null);
        }
        if (!isNode(subject)) {
            return dropped(subject);
        }
        return graph == null || isNode(graph) ? null : dropped(graph);
    }

    private static boolean isNode(String term) {
        return term.startsWith("_:") || isAbsolute(term);
    }

    private static JsonLdException dropped(String term) {
        return new JsonLdException(JsonLdException.Reason.DROPPED_VALUE, name(term), "'" + name(term)
                + "' is not an absolute IRI or a term the @context defines, so JSON-LD would drop it and a signature would not cover it", null);
    }

    // titanium's own test (UriValidationPolicy.Full), minus the relative references resolved under BASE
    private static boolean isAbsolute(String iri) {
        if (iri.length() < 3 || iri.startsWith(SCHEME)) {
            return false;
        }
        try {
            return URI.create(iri).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The term as the document wrote it: a relative reference without the base it was resolved against. */
    private static String name(String iri) {
        if (iri.startsWith(BASE)) {
            return iri.substring(BASE.length());
        }
        return iri.startsWith(SCHEME) ? iri.substring(SCHEME.length()) : iri;
    }

    /** {@code e} with the JSON path of its term in {@code document} added to the message, when the term is found. */
    static JsonLdException located(com.fasterxml.jackson.databind.JsonNode document, JsonLdException e) {
        String term = e.term().orElse(null);
        String path = term == null ? null : pathOf(document, term, "");
        return path == null ? e : new JsonLdException(e.reason(), term, e.getMessage() + " (at " + path + ")", e.getCause());
    }

    // the first property name or string value equal to term, depth first in document order
    private static String pathOf(com.fasterxml.jackson.databind.JsonNode node, String term, String path) {
        if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (field.getKey().equals("@context")) {
                    continue;
                }
                String here = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                String found = field.getKey().equals(term) ? here : pathOf(field.getValue(), term, here);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = pathOf(node.get(i), term, path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isTextual() && node.textValue().equals(term)) {
            return path;
        }
        return null;
    }

    /** Deserialization emits every IRI, so that this consumer, not titanium, decides which are refused. */
    static final UriValidationPolicy EMIT_ALL = UriValidationPolicy.None;
}
