package org.credence.integration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.credence.domain.DomainException;
import org.credence.domain.ErrorText;

/**
 * Reads a file's headers (or a JSON object's keys) as a kind's columns, forgiving of case, spaces,
 * underscores and punctuation ("Enrolled At", "enrolled_at" and "enrolledAt" are one column) and of
 * the usual aliases. A header it does not know is ignored with a warning that names the closest
 * known column, so a misspelling is noticed; a missing required column refuses the file.
 */
public final class HeaderMatcher {
    private final ColumnSet kind;
    private final Map<String, Integer> byKey = new HashMap<>();

    public HeaderMatcher(ColumnSet kind) {
        this.kind = kind;
        List<Column> columns = kind.columns();
        for (int i = 0; i < columns.size(); i++) {
            byKey.put(key(columns.get(i).name()), i);
            for (String alias : columns.get(i).aliases()) {
                byKey.putIfAbsent(key(alias), i);
            }
        }
    }

    /** A header as compared: lower case, letters and digits only (a byte-order mark or quotes around it vanish too). */
    public static String key(String header) {
        StringBuilder key = new StringBuilder(header.length());
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** The column index (in {@link ColumnSet#columns()}) a header names, if any. */
    public Optional<Integer> column(String header) {
        return Optional.ofNullable(byKey.get(key(header)));
    }

    /** The known column name closest to {@code header} (edit distance on the compared form), if one is close enough to be a likely misspelling. */
    public Optional<String> suggestion(String header) {
        String wanted = key(header);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<String, Integer> known : byKey.entrySet()) {
            int distance = distance(wanted, known.getKey());
            String name = kind.columns().get(known.getValue()).name();
            if (distance < bestDistance || distance == bestDistance && name.compareTo(best) < 0) {
                bestDistance = distance;
                best = name;
            }
        }
        int allowed = Math.max(2, wanted.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * The headers' columns: {@code result[i]} is the column index of header {@code i}, or -1 for an ignored one.
     *
     * @param warnings receives one sentence per ignored header
     * @throws DomainException.InvalidInput when two headers name one column or a required column is missing
     */
    public int[] match(List<String> headers, List<String> warnings) {
        int[] mapping = new int[headers.size()];
        Map<Integer, String> seen = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            Optional<Integer> column = column(header);
            if (column.isEmpty()) {
                mapping[i] = -1;
                if (!key(header).isEmpty()) {
                    unknown.add(header);
                    warnings.add("column '" + shorten(header) + "' is not a column of " + kind.id() + " and was ignored"
                            + suggestion(header).map(s -> "; did you mean '" + s + "'?").orElse(""));
                }
                continue;
            }
            String earlier = seen.putIfAbsent(column.get(), header);
            if (earlier != null) {
                throw new DomainException.InvalidInput("columns", ErrorText.of("imports.columns_clash", "first", shorten(earlier), "second", shorten(header), "column", kind.columns().get(column.get()).name()));
            }
            mapping[i] = column.get();
        }
        for (int c = 0; c < kind.columns().size(); c++) {
            Column column = kind.columns().get(c);
            if (column.required() && !seen.containsKey(c)) {
                Optional<String> near = unknown.stream().filter(h -> suggestion(h).filter(column.name()::equals).isPresent()).findFirst();
                throw new DomainException.InvalidInput("columns", near.isPresent()
                        ? ErrorText.of("imports.column_missing_near", "kind", kind.id(), "column", column.name(), "near", shorten(near.get()), "columns", names())
                        : ErrorText.of("imports.column_missing", "kind", kind.id(), "column", column.name(), "columns", names()));
            }
        }
        if (kind.namesPerson() && !seen.containsKey(index("email")) && !seen.containsKey(index("external_id"))) {
            warnings.add("no 'email' or 'external_id' column: no row names a person, so none can be matched to a recipient");
        }
        return mapping;
    }

    /** The kind's column names, required ones marked, for messages. */
    public String names() {
        return String.join(", ", kind.columns().stream().map(c -> c.name() + (c.required() ? " (required)" : "")).toList());
    }

    private int index(String name) {
        for (int i = 0; i < kind.columns().size(); i++) {
            if (kind.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String shorten(String header) {
        String clean = header.replace("\uFEFF", "").strip();
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    /** Levenshtein distance: small strings only (headers), so the plain two-row table. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
