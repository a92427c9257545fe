package org.credence.standards.jsonld;

import com.apicatalog.rdf.nquads.NQuadsWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RDFC-1.0 for the quads of one {@link ShapeTemplateCanonicalizer} template, in the case that
 * decides every credential seen so far: each blank node has its own first-degree hash (RDFC-1.0
 * §4.4, steps 4–5), so canonical labels follow the hashes' order and no n-degree hashing is
 * needed. Everything a template fixes (which quads mention which blank node, the lines of quads
 * with no value of the document in them) is worked out once per template; per document it hashes
 * the blank nodes' lines, labels, and sorts. Lines are titanium's own {@link NQuadsWriter} lines,
 * sorted and hashed as titanium-rdfc does, so the bytes are the same; when two blank nodes share a
 * hash it answers {@code null} and the caller runs titanium-rdfc.
 */
final class FirstDegreeCanon {
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final List<ShapeTemplateCanonicalizer.QuadTemplate.Quad> quads;
    /** Per quad: the blank node index of its subject, object and graph, or -1. */
    private final int[] subjectBlank;
    private final int[] objectBlank;
    private final int[] graphBlank;
    /** Per blank node: the quads that mention it, once per position it takes (as titanium-rdfc counts them). */
    private final int[][] mentions;
    /** Per quad: its line when it holds neither a blank node nor a value of the document, else null. */
    private final String[] constantLines;

    FirstDegreeCanon(List<ShapeTemplateCanonicalizer.QuadTemplate.Quad> quads) {
        this.quads = quads;
        int n = quads.size();
        subjectBlank = new int[n];
        objectBlank = new int[n];
        graphBlank = new int[n];
        constantLines = new String[n];
        Map<String, List<Integer>> byBlank = new LinkedHashMap<>();
        for (int q = 0; q < n; q++) {
            var quad = quads.get(q);
            // slot values are never blank node ids (DocumentShape never templates "_:" values)
            subjectBlank[q] = quad.subjectSlot() < 0 ? blank(quad.subject(), q, byBlank) : -1;
            objectBlank[q] = quad.objectSlot() < 0 && !isLiteral(quad) ? blank(quad.object(), q, byBlank) : -1;
            graphBlank[q] = blank(quad.graph(), q, byBlank);
            if (quad.subjectSlot() < 0 && quad.objectSlot() < 0 && subjectBlank[q] < 0 && objectBlank[q] < 0 && graphBlank[q] < 0) {
                constantLines[q] = NQuadsWriter.nquad(quad.subject(), quad.predicate(), quad.object(), quad.datatype(), quad.language(),
                        quad.direction(), quad.graph());
            }
        }
        mentions = byBlank.values().stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static int blank(String term, int quad, Map<String, List<Integer>> byBlank) {
        if (term == null || !term.startsWith("_:")) {
            return -1;
        }
        List<Integer> list = byBlank.computeIfAbsent(term, k -> new ArrayList<>());
        list.add(quad);
        int index = 0;
        for (String known : byBlank.keySet()) {
            if (known.equals(term)) {
                return index;
            }
            index++;
        }
        throw new IllegalStateException("unreachable");
    }

    private static boolean isLiteral(ShapeTemplateCanonicalizer.QuadTemplate.Quad quad) {
        return quad.datatype() != null || quad.language() != null || quad.direction() != null;
    }

    /**
     * The canonical N-Quads of the template filled with {@code values}, leaving out the quads
     * marked {@code duplicate}; {@code null} when two blank nodes share a first-degree hash.
     */
    String canonicalize(List<String> values, boolean[] duplicate) {
        int blanks = mentions.length;
        String[] hashes = new String[blanks];
        MessageDigest sha = SHA_256.get();
        String[] labels = new String[blanks];
        for (int b = 0; b < blanks; b++) {
            // RDFC-1.0 §4.6 Hash First Degree Quads: this node as _:a, every other blank node as _:z
            Arrays.fill(labels, "_:z");
            labels[b] = "_:a";
            String[] lines = new String[mentions[b].length];
            int count = 0;
            for (int q : mentions[b]) {
                if (!duplicate[q]) {
                    lines[count++] = line(q, values, labels);
                }
            }
            Arrays.sort(lines, 0, count);
            sha.reset();
            for (int i = 0; i < count; i++) {
                sha.update(lines[i].getBytes(StandardCharsets.UTF_8));
            }
            hashes[b] = hex(sha.digest());
        }
        Integer[] order = new Integer[blanks];
        for (int b = 0; b < blanks; b++) {
            order[b] = b;
        }
        Arrays.sort(order, (x, y) -> hashes[x].compareTo(hashes[y]));
        for (int i = 1; i < blanks; i++) {
            if (hashes[order[i]].equals(hashes[order[i - 1]])) {
                return null;
            }
        }
        for (int i = 0; i < blanks; i++) {
            labels[order[i]] = "_:c14n" + i;
        }
        String[] lines = new String[quads.size()];
        int count = 0;
        int length = 0;
        for (int q = 0; q < lines.length; q++) {
            if (!duplicate[q]) {
                String line = constantLines[q] != null ? constantLines[q] : line(q, values, labels);
                lines[count++] = line;
                length += line.length();
            }
        }
        Arrays.sort(lines, 0, count);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < count; i++) {
            out.append(lines[i]);
        }
        return out.toString();
    }

    private String line(int q, List<String> values, String[] labels) {
        var quad = quads.get(q);
        String subject = subjectBlank[q] >= 0 ? labels[subjectBlank[q]] : quad.subject(values);
        String object = objectBlank[q] >= 0 ? labels[objectBlank[q]] : quad.object(values);
        String graph = graphBlank[q] >= 0 ? labels[graphBlank[q]] : quad.graph();
        return NQuadsWriter.nquad(subject, quad.predicate(), object, quad.datatype(), quad.language(), quad.direction(), graph);
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
