package org.credence.standards.jsonld;

/**
 * Turns a JSON-LD document into RDFC-1.0 canonical N-Quads.
 *
 * <p>Implementations must produce byte-identical output; the reference is
 * {@link TitaniumCanonicalizer}, and faster ones are proven equal to it by property tests.
 */
public interface RdfCanonicalizer {
    /**
     * The canonical N-Quads of {@code document}. The document is not modified.
     *
     * @throws JsonLdException when the document is not valid JSON-LD, uses an unknown context,
     *     or uses a term its contexts do not define
     */
    String canonicalize(com.fasterxml.jackson.databind.node.ObjectNode document);
}
