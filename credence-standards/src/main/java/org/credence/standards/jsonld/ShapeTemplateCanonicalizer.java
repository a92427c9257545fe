package org.credence.standards.jsonld;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RDFC-1.0 canonicalization that runs JSON-LD expansion once per document <em>shape</em>
 * instead of once per document.
 *
 * <p>Credentials a platform issues differ in their string values, not in their structure. The
 * first document of a shape is expanded by titanium with every string replaced by a unique
 * probe value; where a probe value comes out unchanged as a whole subject or object, later
 * documents of that shape get their own value put in the same place. Any value whose probe
 * comes out changed, embedded, or not at all (a vocabulary-typed term, a relative IRI, a
 * language tag, a JSON literal) is instead made part of the template's key, so titanium
 * decides it. Blank node labelling and ordering follow titanium-rdfc: {@link FirstDegreeCanon} does RDFC-1.0 for a template directly
 * when the blank nodes' first-degree hashes differ (every credential so far), titanium-rdfc when
 * they do not. The output is byte-identical to {@link TitaniumCanonicalizer} (a property test
 * holds it to that).
 */
public final class ShapeTemplateCanonicalizer implements RdfCanonicalizer {
    private static final int MAX_ENTRIES = 1024;

    private final TitaniumCanonicalizer reference = new TitaniumCanonicalizer();
    private static final BitSet UNTEMPLATABLE = new BitSet();
    // shape key -> positions whose values are matched verbatim (UNTEMPLATABLE: never templated)
    private final Map<String, BitSet> descriptors = new ConcurrentHashMap<>();
    private final Map<String, QuadTemplate> templates = new ConcurrentHashMap<>();

    @Override
    public String canonicalize(ObjectNode document) {
        DocumentShape shape = DocumentShape.of(document);
        for (String value : shape.values()) {
            if (value.contains(DocumentShape.SENTINEL_MARK)) {
                return reference.canonicalize(document);
            }
        }
        BitSet verbatim = descriptors.get(shape.key());
        if (verbatim == null) {
            verbatim = learn(document, shape);
        }
        if (verbatim == UNTEMPLATABLE) {
            return reference.canonicalize(document);
        }
        String templateKey = templateKey(shape, verbatim);
        QuadTemplate template = templates.get(templateKey);
        if (template == null) {
            // safe mode, once per template: the probes skip what it refuses, so the real document must pass it itself
            reference.toRdf(document, (s, p, o, dt, lang, dir, g) -> null);
            template = buildTemplate(document, shape, verbatim);
            if (template == null) {
                remember(descriptors, shape.key(), UNTEMPLATABLE);
                return reference.canonicalize(document);
            }
            remember(templates, templateKey, template);
        }
        if (template.droppedValue() >= 0) {
            throw dropped(document, shape, template.droppedValue());
        }
        return template.canonicalize(shape.values());
    }

    /** How many shapes and templates are cached (for tests and metrics). */
    public int cachedTemplates() {
        return templates.size();
    }

    private static JsonLdException dropped(ObjectNode document, DocumentShape shape, int index) {
        return new JsonLdException(JsonLdException.Reason.DROPPED_VALUE, DocumentShape.pathOf(document, index) + " ('"
                + shape.values().get(index) + "') is not an absolute IRI or a known term, so JSON-LD drops it and a signature would not cover it", null);
    }

    private BitSet learn(ObjectNode document, DocumentShape shape) {
        List<String[]> quads;
        try {
            quads = record(DocumentShape.replaceValues(document, (index, value) ->
                    DocumentShape.OPAQUE.equals(DocumentShape.valueClass(value)) ? value : DocumentShape.sentinel(index, value)));
        } catch (JsonLdException probeFailed) {
            reference.canonicalize(document); // throws the document's own error, if it has one
            remember(descriptors, shape.key(), UNTEMPLATABLE);
            return UNTEMPLATABLE;
        }
        BitSet verbatim = new BitSet();
        BitSet clean = new BitSet();
        for (String[] quad : quads) {
            for (int c = 0; c < quad.length; c++) {
                String term = quad[c];
                if (term == null || !term.contains(DocumentShape.SENTINEL_MARK)) {
                    continue;
                }
                int slot = exactSlot(term, c);
                if (slot >= 0) {
                    clean.set(slot);
                } else {
                    markAll(term, verbatim);
                }
            }
        }
        // a value whose probe comes out nowhere may be a term or a dropped relative IRI: titanium decides, verbatim
        for (int i = 0; i < shape.values().size(); i++) {
            if (!clean.get(i) || DocumentShape.OPAQUE.equals(DocumentShape.valueClass(shape.values().get(i)))) {
                verbatim.set(i);
            }
        }
        remember(descriptors, shape.key(), verbatim);
        return verbatim;
    }

    private QuadTemplate buildTemplate(ObjectNode document, DocumentShape shape, BitSet verbatim) {
        ObjectNode probe = DocumentShape.replaceValues(document,
                (index, value) -> verbatim.get(index) ? value : DocumentShape.sentinel(index, value));
        List<String[]> quads;
        try {
            quads = record(probe);
        } catch (JsonLdException e) {
            return null;
        }
        int droppedValue = firstDroppedValue(shape, verbatim, quads);
        List<QuadTemplate.Quad> template = new ArrayList<>(quads.size());
        for (String[] quad : quads) {
            int subjectSlot = slotOf(quad[0], 0, shape, verbatim);
            int objectSlot = slotOf(quad[2], 2, shape, verbatim);
            if (subjectSlot == -2 || objectSlot == -2) {
                return null;
            }
            for (int c : new int[] {1, 3, 4, 5, 6}) {
                if (quad[c] != null && quad[c].contains(DocumentShape.SENTINEL_MARK)) {
                    return null;
                }
            }
            template.add(new QuadTemplate.Quad(quad[0], subjectSlot, quad[1], quad[2], objectSlot, quad[3], quad[4], quad[5], quad[6]));
        }
        return new QuadTemplate(List.copyOf(template), droppedValue);
    }

    /**
     * Verbatim values are probed as themselves. One that no subject or object equals, or ends
     * with after a boundary (a term or compact IRI expands to an IRI ending in its name), was
     * dropped by JSON-LD.
     * Blank node ids are relabelled, so they are not looked for.
     */
    private static int firstDroppedValue(DocumentShape shape, BitSet verbatim, List<String[]> quads) {
        for (int i = verbatim.nextSetBit(0); i >= 0; i = verbatim.nextSetBit(i + 1)) {
            String value = shape.values().get(i);
            if (value.startsWith("_:")) {
                continue;
            }
            int colon = value.indexOf(':');
            boolean prefixed = colon > 0 && value.substring(0, colon).matches("[A-Za-z][A-Za-z0-9._-]*");
            String local = colon < 0 ? value : prefixed ? value.substring(colon + 1) : "";
            boolean kept = false;
            for (String[] quad : quads) {
                boolean objectIsIri = quad[3] == null && quad[4] == null;
                if (endsWithEither(quad[0], value, local) || (objectIsIri ? endsWithEither(quad[2], value, local) : value.equals(quad[2]))) {
                    kept = true;
                    break;
                }
            }
            if (!kept) {
                return i;
            }
        }
        return -1;
    }

    // equal, or an IRI ending in the name after a '#', '/' or ':' boundary (vocabulary terms, compact IRIs)
    private static boolean endsWithEither(String term, String value, String local) {
        if (term == null) {
            return false;
        }
        if (term.equals(value)) {
            return true;
        }
        if (local.isEmpty() || !term.endsWith(local) || term.length() == local.length()) {
            return false;
        }
        char boundary = term.charAt(term.length() - local.length() - 1);
        return boundary == '#' || boundary == '/' || boundary == ':';
    }

    /** -1: a constant term; -2: a probe value that is not cleanly a whole term; else the slot. */
    private static int slotOf(String term, int component, DocumentShape shape, BitSet verbatim) {
        if (term == null || !term.contains(DocumentShape.SENTINEL_MARK)) {
            return -1;
        }
        int slot = exactSlot(term, component);
        return slot >= 0 && slot < shape.values().size() && !verbatim.get(slot) ? slot : -2;
    }

    // A probe value counts only as a whole subject or object term
    private static int exactSlot(String term, int component) {
        if (component != 0 && component != 2) {
            return -1;
        }
        int mark = term.indexOf(DocumentShape.SENTINEL_MARK);
        int start = mark + DocumentShape.SENTINEL_MARK.length();
        int end = term.indexOf('.', start);
        if (end < 0 || end != term.length() - 1) {
            return -1;
        }
        int index;
        try {
            index = Integer.parseInt(term.substring(start, end));
        } catch (NumberFormatException e) {
            return -1;
        }
        String prefix = term.substring(0, mark);
        boolean wellFormed = prefix.isEmpty() || (prefix.endsWith(":") && prefix.indexOf(':') == prefix.length() - 1);
        return wellFormed ? index : -1;
    }

    private static void markAll(String term, BitSet verbatim) {
        int from = 0;
        int mark;
        while ((mark = term.indexOf(DocumentShape.SENTINEL_MARK, from)) >= 0) {
            int start = mark + DocumentShape.SENTINEL_MARK.length();
            int end = start;
            while (end < term.length() && Character.isDigit(term.charAt(end))) {
                end++;
            }
            if (end > start) {
                verbatim.set(Integer.parseInt(term.substring(start, end)));
            }
            from = end;
        }
    }

    private static String templateKey(DocumentShape shape, BitSet verbatim) {
        if (verbatim.isEmpty()) {
            return shape.key();
        }
        StringBuilder key = new StringBuilder(shape.key());
        for (int i = verbatim.nextSetBit(0); i >= 0; i = verbatim.nextSetBit(i + 1)) {
            String value = shape.values().get(i);
            key.append('|').append(i).append('=').append(value.length()).append(':').append(value);
        }
        return key.toString();
    }

    private List<String[]> record(ObjectNode document) {
        List<String[]> quads = new ArrayList<>();
        reference.toRdf(document, (s, p, o, dt, lang, dir, g) -> {
            quads.add(new String[] {s, p, o, dt, lang, dir, g});
            return null;
        }, false);
        return quads;
    }

    private static <V> void remember(Map<String, V> cache, String key, V value) {
        // a crude bound: shapes are few in practice; an adversary sending endless new shapes only resets the cache
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, value);
    }

    /**
     * The quads of one template; slots are filled from a document's string values. Two quads
     * that become equal once filled (a name shared by a credential and its issuer when both
     * are one node) must count once, as in titanium's node map; the pairs where that can happen
     * are found once per template.
     */
    record QuadTemplate(List<Quad> quads, int[][] mayCollide, int droppedValue, FirstDegreeCanon firstDegree) {
        record Quad(String subject, int subjectSlot, String predicate, String object, int objectSlot,
                    String datatype, String language, String direction, String graph) {
            String subject(List<String> values) {
                return subjectSlot < 0 ? subject : values.get(subjectSlot);
            }

            String object(List<String> values) {
                return objectSlot < 0 ? object : values.get(objectSlot);
            }

            boolean mayEqual(Quad other) {
                return java.util.Objects.equals(predicate, other.predicate) && java.util.Objects.equals(datatype, other.datatype)
                        && java.util.Objects.equals(language, other.language) && java.util.Objects.equals(direction, other.direction)
                        && java.util.Objects.equals(graph, other.graph)
                        && (subjectSlot >= 0 || other.subjectSlot >= 0 || subject.equals(other.subject))
                        && (objectSlot >= 0 || other.objectSlot >= 0 || object.equals(other.object));
            }
        }

        QuadTemplate(List<Quad> quads, int droppedValue) {
            this(quads, collisions(quads), droppedValue, new FirstDegreeCanon(quads));
        }

        private static int[][] collisions(List<Quad> quads) {
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < quads.size(); i++) {
                for (int j = i + 1; j < quads.size(); j++) {
                    if (quads.get(i).mayEqual(quads.get(j))) {
                        pairs.add(new int[] {i, j});
                    }
                }
            }
            return pairs.toArray(new int[0][]);
        }

        String canonicalize(List<String> values) {
            boolean[] duplicate = new boolean[quads.size()];
            for (int[] pair : mayCollide) {
                Quad a = quads.get(pair[0]);
                Quad b = quads.get(pair[1]);
                if (a.subject(values).equals(b.subject(values)) && a.object(values).equals(b.object(values))) {
                    duplicate[pair[1]] = true;
                }
            }
            String canonical = firstDegree.canonicalize(values, duplicate);
            if (canonical != null) {
                return canonical;
            }
            // two blank nodes alike at first degree: titanium-rdfc's full algorithm
            RdfCanon canon = RdfCanon.create("SHA-256");
            try {
                for (int i = 0; i < quads.size(); i++) {
                    if (!duplicate[i]) {
                        Quad q = quads.get(i);
                        canon.quad(q.subject(values), q.predicate, q.object(values), q.datatype, q.language, q.direction, q.graph);
                    }
                }
                StringWriter out = new StringWriter(4096);
                canon.provide(new NQuadsWriter(out));
                return out.toString();
            } catch (RdfConsumerException e) {
                throw new JsonLdException(JsonLdException.Reason.INVALID_JSON_LD, "the document cannot be canonicalized: " + e.getMessage(), e);
            }
        }
    }
}
